import type { CheckMeta } from './check.js';
import type { Diagnostic } from './collector.js';
import type { Finding, FindingStatus } from './finding.js';
import { meetsThreshold, SEVERITIES, type FailOn, type Severity } from './severity.js';

/** Version of the JSON report shape. Bump the major on any breaking change. */
export const RESULT_SCHEMA_VERSION = '1.0.0';

export interface InputRecord {
  /** Collector / fact key that read it, e.g. `selfhost-env`. */
  kind: string;
  path: string;
}

export interface Summary {
  total: number;
  byStatus: Record<FindingStatus, number>;
  /** Failing findings (status fail) by severity. */
  failBySeverity: Record<Severity, number>;
  /** Failing findings at or above failOn. */
  blocking: number;
  failOn: FailOn;
  /** False when any finding is `error`: part of the workspace could not be judged. */
  complete: boolean;
}

export interface AuditResult {
  schemaVersion: string;
  tool: { name: string; version: string };
  root: string;
  startedAt: string;
  durationMs: number;
  configPath?: string;
  inputs: InputRecord[];
  /** Metadata of every check that ran (for SARIF rules, JUnit suites and docs). */
  checks: CheckMeta[];
  findings: Finding[];
  diagnostics: Diagnostic[];
  summary: Summary;
}

export function summarize(findings: readonly Finding[], failOn: FailOn): Summary {
  const byStatus = { fail: 0, pass: 0, error: 0, skipped: 0, excepted: 0 } satisfies Record<FindingStatus, number>;
  const failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let blocking = 0;
  for (const f of findings) {
    byStatus[f.status]++;
    if (f.status === 'fail') {
      failBySeverity[f.severity]++;
      if (meetsThreshold(f.severity, failOn)) blocking++;
    }
  }
  return { total: findings.length, byStatus, failBySeverity, blocking, failOn, complete: byStatus.error === 0 };
}

/**
 * Exit code for a finished run: 1 when findings block (a definite answer wins), else 3 when anything
 * could not be judged, else 0. Usage and input errors (2) never reach here: they throw.
 */
export function exitCodeFor(summary: Summary): 0 | 1 | 3 {
  if (summary.blocking > 0) return 1;
  if (!summary.complete) return 3;
  return 0;
}
