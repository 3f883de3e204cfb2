import type { AccessMatrix, MatrixEntry, MatrixResource } from './matrix.js';

export const MATRIX_FORMATS = ['text', 'markdown', 'csv', 'json'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

/** Version of the JSON shape of `permissions --format json`. */
export const MATRIX_SCHEMA_VERSION = '1.0.0';

const FLAG: Record<string, string> = { collection: 'documentSecurity', table: 'rowSecurity', bucket: 'fileSecurity' };

export function resourceRef(e: Pick<MatrixEntry, 'resourceType' | 'databaseId' | 'resourceId'>): string {
  return `${e.resourceType} ${e.databaseId ? `${e.databaseId}/` : ''}${e.resourceId}`;
}

function levelText(e: MatrixEntry): string {
  return e.itemId ? `${e.level} ${e.itemId}${e.conditional ? ' (if security on)' : ''}` : e.level;
}

/** One line per resource whose item-level security matters to the reader. */
function securityLines(resources: readonly MatrixResource[]): string[] {
  return resources
    .filter((r) => r.security !== undefined)
    .map((r) => {
      const flag = FLAG[r.resourceType]!;
      const state =
        r.security === 'on'
          ? `${flag} on: per-item permissions also grant access`
          : r.security === 'off'
            ? `${flag} off: only the grants above apply`
            : `${flag} not set: the Appwrite CLI pushes true, the server defaults to false`;
      return `${resourceRef(r)}: ${state}`;
    });
}

export function renderMatrix(m: AccessMatrix, format: MatrixFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(toJson(m), null, 2)}\n`;
    case 'csv':
      return renderCsv(m.entries);
    case 'markdown':
      return renderMarkdown(m);
    case 'text':
      return renderText(m);
  }
}

export function toJson(m: AccessMatrix): unknown {
  return {
    schemaVersion: MATRIX_SCHEMA_VERSION,
    notes: m.notes,
    sources: m.sources,
    entries: m.entries.map((e) => ({
      resourceType: e.resourceType,
      resourceId: e.resourceId,
      resourceName: e.resourceName ?? null,
      action: e.action,
      role: e.role,
      level: e.level,
      databaseId: e.databaseId ?? null,
      ...(e.itemId ? { itemId: e.itemId } : {}),
      ...(e.conditional ? { conditional: true } : {}),
      principal: e.principal,
      permission: e.permission,
      ...(e.projectId ? { projectId: e.projectId } : {}),
      location: e.location ?? null,
    })),
    resources: m.resources,
    invalid: m.invalid,
  };
}

const COLUMNS = ['RESOURCE', 'NAME', 'ACTION', 'ROLE', 'LEVEL', 'WHERE'] as const;

function rows(entries: readonly MatrixEntry[]): string[][] {
  return entries.map((e) => [
    resourceRef(e),
    e.resourceName ?? '',
    e.action,
    e.role,
    levelText(e),
    e.location ? `${e.location.path}${e.location.line ? `:${e.location.line}` : ''}` : '',
  ]);
}

function renderText(m: AccessMatrix): string {
  const out: string[] = [`Access matrix of ${m.sources.join(', ') || '(no project file)'}: ${m.entries.length} grant(s) on ${m.resources.length} resource(s).`, `Note: ${m.notes.join(' ')}`, ''];
  if (m.entries.length === 0) out.push('No grants match.');
  else {
    const body = rows(m.entries);
    const widths = COLUMNS.map((c, i) => Math.max(c.length, ...body.map((r) => r[i]!.length)));
    const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
    out.push(line(COLUMNS), ...body.map(line));
  }
  const sec = securityLines(m.resources);
  if (sec.length) out.push('', 'Item-level security:', ...sec.map((s) => `  ${s}`));
  if (m.invalid.length) out.push('', 'Invalid permissions (ignored by the analysis):', ...m.invalid.map((i) => `  ${i.location?.path ?? ''}${i.location?.line ? `:${i.location.line}` : ''} ${i.resourceType} ${i.resourceId}: ${i.reason}`));
  return `${out.join('\n')}\n`;
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/\r?\n/g, ' ');
}

function renderMarkdown(m: AccessMatrix): string {
  const out = [`## Appwrite access matrix`, '', `> ${m.notes.join(' ')}`, '', `Sources: ${m.sources.map((s) => `\`${mdCell(s)}\``).join(', ')}`, ''];
  if (m.entries.length === 0) out.push('_No grants match._');
  else {
    out.push(`| ${COLUMNS.map((c) => c[0] + c.slice(1).toLowerCase()).join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`);
    for (const r of rows(m.entries)) out.push(`| ${r.map(mdCell).join(' | ')} |`);
  }
  const sec = securityLines(m.resources);
  if (sec.length) out.push('', '### Item-level security', '', ...sec.map((s) => `- ${mdCell(s)}`));
  if (m.invalid.length) out.push('', '### Invalid permissions', '', ...m.invalid.map((i) => `- ${mdCell(`${i.resourceType} ${i.resourceId}: ${i.reason}`)}`));
  return `${out.join('\n')}\n`;
}

const CSV_HEADER = ['resourceType', 'resourceId', 'resourceName', 'action', 'role', 'level', 'databaseId', 'itemId', 'principal', 'permission', 'path', 'line'];

/** RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run as a formula. */
export function csvCell(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function renderCsv(entries: readonly MatrixEntry[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const e of entries) {
    lines.push(
      [e.resourceType, e.resourceId, e.resourceName, e.action, e.role, e.level, e.databaseId, e.itemId, e.principal, e.permission, e.location?.path, e.location?.line].map(csvCell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
