import type { Diagnostic } from '../core/collector.js';
import type { Finding } from '../core/finding.js';
import type { AuditResult } from '../core/result.js';
import { meetsThreshold, SEVERITIES, type Severity } from '../core/severity.js';
import { htmlText, mdCell, mdCode, mdProse } from './markdown-escape.js';
import { COMMENT_MAX_BYTES, STEP_SUMMARY_MAX_BYTES } from './markdown-limits.js';
import { bySeverity, evidenceEntries, formatLocation, formatResource, plural, shortHint, sortedDiagnostics, verdictOf, withStatus } from './presentation.js';

export { COMMENT_MAX_BYTES, STEP_SUMMARY_MAX_BYTES };
/** Kept free for the truncation note and the tags that close open sections. */
const TAIL_RESERVE = 1024;

export interface MarkdownOptions {
  /** Upper bound of the output in UTF-8 bytes (default: the step-summary limit). */
  maxBytes?: number;
}

/**
 * Markdown for PR comments and `$GITHUB_STEP_SUMMARY`: a verdict and counts, failing findings by
 * severity in tables (severities that block are open, the rest collapsed), what could not be told,
 * accepted risks, then collapsed input problems, evidence and passed/skipped checks. When the text
 * would exceed `maxBytes` it stops adding rows and says how many it left out.
 */
export function renderMarkdown(result: AuditResult, opts: MarkdownOptions = {}): string {
  const limit = Math.max(opts.maxBytes ?? STEP_SUMMARY_MAX_BYTES, TAIL_RESERVE * 4);
  const md = new BudgetedMarkdown(limit - TAIL_RESERVE);
  const s = result.summary;

  md.block([`## ${verdictHeading(result)}`, '', summaryParagraph(result), '', ...severityTable(result), '']);

  const failing = withStatus(result.findings, 'fail');
  if (failing.length) md.block(['### Failing findings', '']);
  for (const [severity, findings] of bySeverity(failing)) {
    const blocks = meetsThreshold(severity, s.failOn);
    md.table({
      heading: `${label(severity)} (${findings.length})${blocks ? '' : ' · does not block'}`,
      collapsed: !blocks,
      columns: ['Check', 'Location', 'Finding', 'Fix'],
      rows: findings.map((f) => [mdCode(f.checkId), where(f), mdProse(f.message), mdProse(shortHint(f.remediation, false))]),
    });
  }

  const errors = withStatus(result.findings, 'error');
  if (errors.length) {
    md.table({
      heading: `Could not tell (${errors.length})`,
      level: 3,
      note: 'These checks could not judge part of the workspace; the audit is incomplete until their input is readable.',
      columns: ['Check', 'Location', 'What happened', 'Fix'],
      rows: errors.map((f) => [mdCode(f.checkId), where(f), mdProse(errorText(f)), mdProse(shortHint(f.remediation, false))]),
    });
  }

  const excepted = withStatus(result.findings, 'excepted');
  if (excepted.length) {
    md.table({
      heading: `Accepted risk (${excepted.length})`,
      level: 3,
      columns: ['Check', 'Severity', 'Location', 'Finding', 'Owner', 'Expires', 'Reason'],
      rows: excepted.map((f) => [
        mdCode(f.checkId),
        f.severity,
        where(f),
        mdProse(f.message),
        f.exception ? mdCode(f.exception.owner) : '',
        f.exception ? mdCell(f.exception.expires) : '',
        f.exception ? mdCell(f.exception.reason) : 'no exception details recorded',
      ]),
    });
  }

  if (result.diagnostics.length) {
    md.table({
      heading: `Input problems (${result.diagnostics.length})`,
      collapsed: true,
      columns: ['Level', 'Location', 'Problem'],
      rows: sortedDiagnostics(result.diagnostics).map((d) => [d.level, diagnosticWhere(d), mdCell(d.message)]),
    });
  }

  const withEvidence = [...failing, ...excepted].filter((f) => evidenceEntries(f.evidence).length > 0 || f.aliases?.length);
  if (withEvidence.length) {
    md.table({
      heading: `Evidence (${withEvidence.length})`,
      collapsed: true,
      note: 'Secrets appear only as their first characters and a hash. The fingerprint identifies a finding in an exception.',
      columns: ['Check', 'Location', 'Evidence', 'Fingerprint'],
      rows: withEvidence.map((f) => [
        mdCode(f.checkId),
        where(f),
        mdCell([...evidenceEntries(f.evidence).map(([k, v]) => `${k}: ${v}`), ...(f.aliases?.length ? [`aliases: ${f.aliases.join(', ')}`] : [])].join('\n')),
        mdCode(f.fingerprint),
      ]),
    });
  }

  const passed = withStatus(result.findings, 'pass');
  const skipped = withStatus(result.findings, 'skipped');
  if (passed.length || skipped.length) {
    md.table({
      heading: `Passed (${passed.length}) and skipped (${skipped.length}) checks`,
      collapsed: true,
      columns: ['Check', 'Status', 'Title or reason'],
      rows: [...passed.map((f) => [mdCode(f.checkId), 'pass', mdCell(f.title)]), ...skipped.map((f) => [mdCode(f.checkId), 'skipped', mdCell(f.message)])],
    });
  }

  md.block([`<sub>${htmlText(`${result.tool.name} ${result.tool.version} · report schema ${result.schemaVersion} · ${plural(result.checks.length, 'check')} · ${plural(result.inputs.length, 'input')} · ${result.durationMs} ms`)}</sub>`, '']);
  return md.finish(limit);
}

function verdictHeading(result: AuditResult): string {
  const s = result.summary;
  switch (verdictOf(s)) {
    case 'blocked':
      return `🔴 appwrite-secops audit: blocked by ${plural(s.blocking, 'finding')} at or above ${s.failOn}`;
    case 'incomplete':
      return `🟠 appwrite-secops audit: incomplete, ${plural(s.byStatus.error, 'check')} could not tell`;
    case 'clean':
      return s.failOn === 'none' ? '🟢 appwrite-secops audit: passed (fail-on none)' : `🟢 appwrite-secops audit: nothing at or above ${s.failOn}`;
  }
}

function summaryParagraph(result: AuditResult): string {
  const s = result.summary;
  return [
    `**${s.blocking}** blocking (fail-on \`${s.failOn}\`)`,
    `**${s.byStatus.fail}** failing`,
    `**${s.byStatus.error}** could not tell`,
    `**${s.byStatus.excepted}** excepted`,
    `**${s.byStatus.pass}** passed`,
    `**${s.byStatus.skipped}** skipped`,
    s.complete ? 'complete' : '**incomplete**',
  ].join(' · ');
}

function severityTable(result: AuditResult): string[] {
  const s = result.summary;
  return [
    `| | ${SEVERITIES.map(label).join(' | ')} |`,
    `|---|${SEVERITIES.map(() => '---:').join('|')}|`,
    `| Failing | ${SEVERITIES.map((sev) => s.failBySeverity[sev]).join(' | ')} |`,
  ];
}

function label(s: Severity): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function where(f: Finding): string {
  const loc = formatLocation(f.location);
  if (loc) return mdCode(loc);
  const res = formatResource(f.resource);
  return res ? mdCell(res) : '';
}

function diagnosticWhere(d: Diagnostic): string {
  return d.path ? mdCode(formatLocation({ path: d.path, line: d.line, column: d.column })!) : '';
}

function errorText(f: Finding): string {
  return f.errorDetail && !f.message.includes(f.errorDetail) ? `${f.message}\n${f.errorDetail}` : f.message;
}

interface TableSpec {
  heading: string;
  columns: string[];
  rows: string[][];
  /** Markdown heading level when not collapsed (default 4, under "Failing findings"). */
  level?: 3 | 4;
  /** In `<details>`, closed by default. */
  collapsed?: boolean;
  note?: string;
}

/**
 * Appends lines while they fit in a byte budget. Once one row does not fit, nothing more is added
 * (a report that skips rows in the middle would mislead); the rows left out are counted for the note.
 */
class BudgetedMarkdown {
  private readonly lines: string[] = [];
  private bytes = 0;
  private truncated = false;
  private omitted = 0;

  private readonly budget: number;

  constructor(budget: number) {
    this.budget = budget;
  }

  block(lines: string[]): boolean {
    if (this.truncated) return false;
    const size = lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);
    if (this.bytes + size > this.budget) {
      this.truncated = true;
      return false;
    }
    this.lines.push(...lines);
    this.bytes += size;
    return true;
  }

  table(t: TableSpec): void {
    if (t.rows.length === 0) return;
    const head = [
      ...(t.collapsed ? ['<details>', `<summary><b>${htmlText(t.heading)}</b></summary>`, ''] : [`${'#'.repeat(t.level ?? 4)} ${mdCell(t.heading)}`, '']),
      ...(t.note ? [mdCell(t.note), ''] : []),
      `| ${t.columns.join(' | ')} |`,
      `|${t.columns.map(() => '---').join('|')}|`,
    ];
    // The heading goes in only together with its first row: an empty table helps nobody.
    const firstRow = `| ${t.rows[0]!.join(' | ')} |`;
    if (!this.block([...head, firstRow])) {
      this.omitted += t.rows.length;
      return;
    }
    for (let i = 1; i < t.rows.length; i++) {
      if (!this.block([`| ${t.rows[i]!.join(' | ')} |`])) {
        this.omitted += t.rows.length - i;
        break;
      }
    }
    this.closeTable(t.collapsed ?? false);
  }

  private closeTable(collapsed: boolean): void {
    // Closing tags go in even past the budget (TAIL_RESERVE holds room for them): an unclosed
    // <details> would swallow the rest of the page.
    const closing = collapsed ? ['', '</details>', ''] : [''];
    this.lines.push(...closing);
    this.bytes += closing.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);
  }

  finish(limit: number): string {
    if (this.truncated) {
      this.lines.push(
        '',
        `> [!WARNING]`,
        `> **Report truncated:** ${plural(this.omitted, 'more row')} not shown, to stay within ${Math.floor(limit / 1024)} KiB. The JSON and SARIF reports contain every finding.`,
        '',
      );
    }
    const text = this.lines.join('\n');
    return text.endsWith('\n') ? text : `${text}\n`;
  }
}
