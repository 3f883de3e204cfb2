import type { Finding } from '../core/finding.js';

export interface RunDiff {
  /** In head, not in base, never seen before base. */
  new: Finding[];
  /** In head, not in base, but seen in an earlier run (it had been fixed and came back). */
  reopened: Finding[];
  /** In base, not in head, and head ran its check without error. */
  fixed: Finding[];
  unchanged: Finding[];
  /** In base, not in head, but head cannot tell: its check errored or did not run. Not a fix. */
  undetermined: Finding[];
}

export interface DiffOptions {
  /** Fingerprints seen in runs before the base (turns "new" into "reopened"). */
  seenBefore?: ReadonlySet<string>;
  /** Checks that ran in head (default: the checks head has any finding of). */
  headChecks?: ReadonlySet<string>;
}

/** A finding "is there" when it fails or fails under an accepted-risk exception. */
function present(f: Finding): boolean {
  return f.status === 'fail' || f.status === 'excepted';
}

/**
 * Compares two sets of findings by fingerprint (base = the older run or the baseline, head = the newer
 * run or the current audit). Pure: no store needed, so `audit --baseline` can diff a fresh result
 * against stored findings.
 *
 * A base finding missing from head is `fixed` only when head shows its check ran and could judge: the
 * check is in `headChecks` (or, without that list, head has a finding of it) and head has no `error`
 * finding of it. Otherwise it is `undetermined`: a check that was deselected or could not read its input
 * never counts as a fix.
 */
export function diffRuns(base: readonly Finding[], head: readonly Finding[], opts: DiffOptions = {}): RunDiff {
  const baseBy = byFingerprint(base.filter(present));
  const headBy = byFingerprint(head.filter(present));
  const ranInHead = new Set<string>(opts.headChecks ?? []);
  const erroredInHead = new Set<string>();
  for (const f of head) {
    if (!opts.headChecks) ranInHead.add(f.checkId);
    if (f.status === 'error') erroredInHead.add(f.checkId);
  }
  const out: RunDiff = { new: [], reopened: [], fixed: [], unchanged: [], undetermined: [] };
  for (const [fp, f] of headBy) {
    if (baseBy.has(fp)) out.unchanged.push(f);
    else if (opts.seenBefore?.has(fp)) out.reopened.push(f);
    else out.new.push(f);
  }
  for (const [fp, f] of baseBy) {
    if (headBy.has(fp)) continue;
    if (ranInHead.has(f.checkId) && !erroredInHead.has(f.checkId)) out.fixed.push(f);
    else out.undetermined.push(f);
  }
  return out;
}

/**
 * Fingerprints a baseline gate should count: findings that are in head but were not in the baseline
 * (new or reopened). `audit --baseline` fails only on failing findings whose fingerprint is in this set.
 */
export function introducedFingerprints(d: RunDiff): Set<string> {
  return new Set([...d.new, ...d.reopened].map((f) => f.fingerprint));
}

function byFingerprint(findings: readonly Finding[]): Map<string, Finding> {
  const m = new Map<string, Finding>();
  for (const f of findings) if (!m.has(f.fingerprint)) m.set(f.fingerprint, f);
  return m;
}
