export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FAIL_ON_LEVELS = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Higher is worse: critical 4 … info 0. */
export function severityRank(s: Severity): number {
  return RANK[s];
}

/** True when a finding of severity `s` meets the `failOn` threshold. `none` never fails; `info` never fails. */
export function meetsThreshold(s: Severity, failOn: FailOn): boolean {
  if (failOn === 'none' || s === 'info') return false;
  return RANK[s] >= RANK[failOn];
}

export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}
