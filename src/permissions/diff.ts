import type { Severity } from '../core/severity.js';
import { compareSeverity } from '../core/severity.js';
import { entryKey, grantSeverity, type AccessMatrix, type MatrixEntry, type MatrixResource, type SecurityState } from './matrix.js';
import { resourceRef } from './render.js';
import { compareText } from '../core/compare.js';

export interface GrantChange {
  change: 'widened' | 'narrowed';
  entry: MatrixEntry;
  /** How serious the grant is (for widenings: what the change introduces). */
  severity: Severity;
}

export interface SecurityChange {
  change: 'widened' | 'narrowed' | 'ambiguous';
  resource: MatrixResource;
  from: SecurityState;
  to: SecurityState;
}

export interface MatrixDiff {
  widened: GrantChange[];
  narrowed: GrantChange[];
  security: SecurityChange[];
  notes: string[];
}

const resKey = (r: Pick<MatrixResource, 'resourceType' | 'databaseId' | 'resourceId'>) => `${r.resourceType}\u0000${r.databaseId ?? ''}\u0000${r.resourceId}`;

/**
 * Access gained and lost between two versions of a project: every grant present in only one of them,
 * and every change of document/row/file security (turning it on makes per-item grants count: a widening).
 */
export function diffMatrices(before: AccessMatrix, after: AccessMatrix): MatrixDiff {
  const beforeKeys = new Map(before.entries.map((e) => [entryKey(e), e]));
  const afterKeys = new Map(after.entries.map((e) => [entryKey(e), e]));
  const change = (kind: GrantChange['change'], e: MatrixEntry): GrantChange => ({ change: kind, entry: e, severity: grantSeverity(e.action, e.principal) });
  const widened = [...afterKeys].filter(([k]) => !beforeKeys.has(k)).map(([, e]) => change('widened', e));
  const narrowed = [...beforeKeys].filter(([k]) => !afterKeys.has(k)).map(([, e]) => change('narrowed', e));
  const bySeverity = (a: GrantChange, b: GrantChange) => compareSeverity(a.severity, b.severity) || compareText(resourceRef(a.entry), resourceRef(b.entry));
  widened.sort(bySeverity);
  narrowed.sort(bySeverity);

  const security: SecurityChange[] = [];
  const beforeRes = new Map(before.resources.map((r) => [resKey(r), r]));
  for (const r of after.resources) {
    const old = beforeRes.get(resKey(r));
    if (!old || old.security === r.security || r.security === undefined || old.security === undefined) continue;
    const kind = r.security === 'on' && old.security === 'off' ? 'widened' : r.security === 'off' && old.security === 'on' ? 'narrowed' : 'ambiguous';
    security.push({ change: kind, resource: r, from: old.security, to: r.security });
  }
  return { widened, narrowed, security, notes: after.notes };
}

export function diffWidens(d: MatrixDiff): boolean {
  return d.widened.length > 0 || d.security.some((s) => s.change === 'widened');
}

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

function describe(c: GrantChange): string {
  const e = c.entry;
  const where = e.location ? ` (${e.location.path}${e.location.line ? `:${e.location.line}` : ''})` : '';
  return `${resourceRef(e)}: ${e.action} for ${e.role} at ${e.level} level${e.itemId ? ` ${e.itemId}` : ''} [${c.severity}]${where}`;
}

function describeSecurity(s: SecurityChange): string {
  return `${resourceRef(s.resource)}: item-level security ${s.from} -> ${s.to}${s.change === 'widened' ? ' (per-item grants now count)' : s.change === 'ambiguous' ? ' (effect depends on the server default)' : ''}`;
}

export function renderDiff(d: MatrixDiff, format: DiffFormat, labels: { before: string; after: string }): string {
  if (format === 'json') {
    return `${JSON.stringify({ before: labels.before, after: labels.after, widens: diffWidens(d), widened: d.widened, narrowed: d.narrowed, security: d.security, notes: d.notes }, null, 2)}\n`;
  }
  const md = format === 'markdown';
  const out: string[] = [md ? `## Permission changes: \`${labels.before}\` → \`${labels.after}\`` : `Permission changes from ${labels.before} to ${labels.after}:`];
  const section = (title: string, items: string[], sign: string) => {
    out.push('', md ? `### ${title} (${items.length})` : `${title} (${items.length}):`);
    if (items.length === 0) out.push(md ? '_none_' : '  none');
    for (const i of items) out.push(md ? `- ${sign} ${i.replace(/\|/g, '\\|')}` : `  ${sign} ${i}`);
  };
  section('Access widened', [...d.widened.map(describe), ...d.security.filter((s) => s.change === 'widened').map(describeSecurity)], '+');
  section('Access narrowed', [...d.narrowed.map(describe), ...d.security.filter((s) => s.change === 'narrowed').map(describeSecurity)], '-');
  const amb = d.security.filter((s) => s.change === 'ambiguous');
  if (amb.length) section('Security flag changed (effect depends on the server default)', amb.map(describeSecurity), '~');
  out.push('', md ? `> ${d.notes.join(' ')}` : `Note: ${d.notes.join(' ')}`);
  return `${out.join('\n')}\n`;
}
