import type { Diagnostic } from '../core/collector.js';
import type { AppliedException, Finding, FindingStatus, Location, ResourceRef } from '../core/finding.js';
import { exitCodeFor, type Summary } from '../core/result.js';
import { compareText } from '../core/compare.js';
import { severityRank, SEVERITIES, type Severity } from '../core/severity.js';

export { compareText };

/**
 * Ordering and wording shared by the reporters, so that every format lists the same findings in the
 * same order and describes a location the same way. Presentation only: nothing here filters.
 */


/** Severity (critical first), then area, check, file, line, column, resource, fingerprint. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.area, b.area) ||
    compareText(a.checkId, b.checkId) ||
    compareText(a.location?.path ?? '', b.location?.path ?? '') ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    compareText(a.resource?.id ?? '', b.resource?.id ?? '') ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function withStatus(findings: readonly Finding[], status: FindingStatus): Finding[] {
  return sortedFindings(findings.filter((f) => f.status === status));
}

/**
 * Collectors run in parallel, so diagnostics arrive in no fixed order: sort them (file, line, column,
 * message) so that two runs on one workspace print the same report.
 */
export function sortedDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.path ?? '', b.path ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.message, b.message) ||
      compareText(a.source, b.source),
  );
}

/** Failing findings by severity, critical first; severities without findings are left out. */
export function bySeverity(findings: readonly Finding[]): Array<[Severity, Finding[]]> {
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s)] as [Severity, Finding[]]).filter(([, fs]) => fs.length > 0);
}

/** Groups keeping first-seen order (callers pass sorted input). */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}

/** Lines and columns are 1-based; anything below 1 means "unknown" and is not shown. */
export function validPosition(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

/** `path:line:column`, leaving out what is unknown. */
export function formatLocation(loc: Location | undefined): string | undefined {
  if (!loc) return undefined;
  if (!validPosition(loc.line)) return loc.path;
  return validPosition(loc.column) ? `${loc.path}:${loc.line}:${loc.column}` : `${loc.path}:${loc.line}`;
}

/** `collection "Orders" (orders)`, or `env-var _APP_ENV` when name and id agree. */
export function formatResource(r: ResourceRef | undefined): string | undefined {
  if (!r) return undefined;
  if (r.name && r.name !== r.id) return `${r.type} "${r.name}" (${r.id})`;
  return `${r.type} ${r.id}`;
}

/** Where a finding is, for a human: the file position, else the resource, else nothing. */
export function formatWhere(f: Finding): string | undefined {
  return formatLocation(f.location) ?? formatResource(f.resource);
}

export function formatException(e: AppliedException): string {
  return `owner ${e.owner}, expires ${e.expires}: ${e.reason}`;
}

/** Evidence as `[key, text]` pairs. Values typed as primitives may still be BigInt from an SDK at run time. */
export function evidenceEntries(evidence: Finding['evidence']): Array<[string, string]> {
  if (!evidence) return [];
  return Object.entries(evidence).map(([k, v]) => [k, displayValue(v)]);
}

export function displayValue(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v, bigintReplacer) ?? String(v);
}

/** JSON.stringify replacer: BigInt (Appwrite SDK sizes and counters) becomes its decimal string. */
export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export const VERDICTS = ['blocked', 'incomplete', 'clean'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The same answer as the exit code: blocking findings win over "could not tell". */
export function verdictOf(summary: Summary): Verdict {
  const code = exitCodeFor(summary);
  return code === 1 ? 'blocked' : code === 3 ? 'incomplete' : 'clean';
}

/** One line, readable counts: `1 critical, 2 high` (zeros left out), or `none`. */
export function severityCounts(summary: Summary): string {
  const parts = SEVERITIES.filter((s) => summary.failBySeverity[s] > 0).map((s) => `${summary.failBySeverity[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'none';
}

/**
 * The first sentence of a remediation is the hint; `verbose` shows all of it. A sentence ends at
 * `. ` before a capital letter, so "e.g. use" and "1.8.1" do not cut it short.
 */
export function shortHint(remediation: string, verbose: boolean): string {
  if (verbose) return remediation;
  const m = /^(.+?[.!?])\s+(?=[A-Z])/s.exec(remediation);
  return m ? m[1]! : remediation;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
