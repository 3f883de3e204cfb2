import { fingerprintOf } from '../core/fingerprint.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { Vulnerability } from './model.js';

/**
 * When a vulnerability was first seen, from the evidence store (issue 6) when one is configured. The
 * collector asks for the finding's fingerprint (which the store tracks for every recorded finding) and
 * for `advisoryKey(package, id)` of every id and alias (recorded with `store.recordSeen(advisoryKeysOf(f))`),
 * and takes the earliest answer: a record stored under a CVE still counts when the GHSA is preferred.
 */
export interface FirstSeenProvider {
  firstSeen(key: string): Promise<Date | undefined>;
}

/** The store key for "this advisory in this npm package". */
export function advisoryKey(packageName: string, advisoryId: string): string {
  return `npm:${packageName}:${advisoryId.toUpperCase()}`;
}

export const VULN_CHECK_ID = 'deps/no-known-vulnerabilities';

/** The fingerprint the runner gives this vulnerability's finding (same inputs as the check's report). */
export function vulnerabilityFingerprint(v: Pick<Vulnerability, 'package' | 'location' | 'id'>): string {
  return fingerprintOf({ checkId: VULN_CHECK_ID, resourceType: 'package', resourceId: v.package, path: v.location.path, key: v.id });
}

/** Every key a finding of `deps/no-known-vulnerabilities` should be recorded under (for the store). */
export function advisoryKeysOf(finding: { aliases?: string[]; resource?: { id: string } }): string[] {
  const pkg = finding.resource?.id;
  if (!pkg) return [];
  return (finding.aliases ?? []).map((a) => advisoryKey(pkg, a));
}

export type SlaDays = Partial<Record<Severity, number>>;
export const ESCALATIONS = ['one-level', 'to-critical', 'none'] as const;
export type Escalation = (typeof ESCALATIONS)[number];

export interface SlaPolicy {
  days: SlaDays;
  escalation: Escalation;
}

export const DEFAULT_SLA_DAYS = { critical: 7, high: 30, medium: 90, low: 180 } as const satisfies SlaDays;

export interface SlaStatus {
  /** What the clock started from. */
  basis: 'first seen' | 'published' | 'this run';
  start: string;
  /** YYYY-MM-DD: the last day the fix is due. */
  due: string;
  /** Whole days left (negative when overdue). */
  daysLeft: number;
  overdue: boolean;
  /** The severity after escalation (the same when not overdue). */
  severity: Severity;
}

const DAY = 86_400_000;

/**
 * The remediation deadline of a finding: the SLA for its severity counted from the first time it was
 * seen (else the advisory's publication), due at the end of that day (UTC). Overdue findings are
 * escalated. Undefined when the severity has no SLA (info, or a severity left out of the policy).
 */
export function slaStatus(severity: Severity, dates: { firstSeen?: string; published?: string }, now: Date, policy: SlaPolicy): SlaStatus | undefined {
  const days = policy.days[severity];
  if (days === undefined) return undefined;
  const basis = dates.firstSeen && valid(dates.firstSeen) ? 'first seen' : dates.published && valid(dates.published) ? 'published' : 'this run';
  const startMs = basis === 'first seen' ? Date.parse(dates.firstSeen!) : basis === 'published' ? Date.parse(dates.published!) : now.getTime();
  const startDay = Math.floor(startMs / DAY) * DAY;
  const dueEnd = startDay + (days + 1) * DAY; // the due day counts in full
  const overdue = now.getTime() >= dueEnd;
  const daysLeft = Math.floor((dueEnd - 1 - now.getTime()) / DAY);
  return {
    basis,
    start: new Date(startMs).toISOString(),
    due: new Date(dueEnd - DAY).toISOString().slice(0, 10),
    daysLeft: overdue ? -Math.floor((now.getTime() - dueEnd) / DAY) - 1 : daysLeft,
    overdue,
    severity: overdue ? escalate(severity, policy.escalation) : severity,
  };
}

export function escalate(s: Severity, how: Escalation): Severity {
  if (how === 'none' || s === 'info') return s;
  if (how === 'to-critical') return 'critical';
  const i = SEVERITIES.indexOf(s);
  return SEVERITIES[Math.max(0, i - 1)]!;
}

function valid(d: string): boolean {
  return !Number.isNaN(Date.parse(d));
}
