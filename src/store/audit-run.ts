import type { AuditResult } from '../core/result.js';
import { diffRuns, introducedFingerprints, type RunDiff } from './diff.js';
import { captureEnvironment } from './environment.js';
import type { RunRecord, Store } from './store.js';

/**
 * Findings per recordFindings call (one transaction each). Large enough that a typical audit is one
 * transaction; small enough that another writer never waits more than a second or two for the lock.
 */
export const RECORD_BATCH = 20_000;

/**
 * Records a finished audit as one run: its inputs, where it ran, every finding (in batches, each its own
 * transaction), and the checks that ran (so that findings of checks that ran cleanly and are gone
 * become `fixed`). The evidence log gets a started and a finished record with the digests.
 */
export async function recordAudit(
  store: Store,
  result: AuditResult,
  opts: { scope?: string; command?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunRecord> {
  const run = await store.beginRun({
    toolVersion: result.tool.version,
    root: result.root,
    scope: opts.scope,
    command: opts.command ?? 'audit',
    inputs: { inputs: result.inputs, configPath: result.configPath ?? null, failOn: result.summary.failOn },
    environment: captureEnvironment(opts.env ?? process.env),
    startedAt: new Date(result.startedAt),
  });
  for (let i = 0; i < result.findings.length; i += RECORD_BATCH) {
    await store.recordFindings(run.id, result.findings.slice(i, i + RECORD_BATCH));
  }
  return store.finishRun(run.id, {
    complete: result.summary.complete,
    durationMs: result.durationMs,
    checks: result.checks.map((c) => c.id),
  });
}

export interface BaselineComparison {
  baseline: RunRecord;
  diff: RunDiff;
  /** Fingerprints not in the baseline (new or reopened): only failing findings with these count for --fail-on. */
  introduced: Set<string>;
}

/**
 * `audit --baseline last|RUN_ID`: compares a fresh result with a stored run. Resolve the baseline before
 * recording the current run (or pass `before`), so that `last` is not the run itself.
 */
export async function compareWithBaseline(
  store: Store,
  ref: string,
  result: AuditResult,
  opts: { scope?: string; before?: number } = {},
): Promise<BaselineComparison> {
  const baseline = await store.resolveRun(ref, opts);
  const diff = diffRuns(await store.findingsOf(baseline.id), result.findings, { headChecks: new Set(result.checks.map((c) => c.id)) });
  return { baseline, diff, introduced: introducedFingerprints(diff) };
}
