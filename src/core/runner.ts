import { areaOf, formatMessage, type AnyCheck, type ReportInput } from './check.js';
import type { AnyCollector, CollectContext } from './collector.js';
import type { Config } from './config.js';
import { errorMessage, InputError } from './errors.js';
import type { FactState } from './facts.js';
import type { Finding } from './finding.js';
import { fingerprintOf } from './fingerprint.js';
import type { Redactor } from './redact.js';

export interface CollectedFacts {
  states: Map<string, FactState<unknown>>;
}

/** Runs the collectors whose facts the selected checks need, in parallel. */
export async function collectFacts(checks: readonly AnyCheck[], collectors: readonly AnyCollector[], ctx: CollectContext): Promise<CollectedFacts> {
  const needed = new Set(checks.flatMap((c) => c.needs as readonly string[]));
  const byKey = new Map(collectors.map((c) => [c.key as string, c]));
  const states = new Map<string, FactState<unknown>>();
  await Promise.all(
    [...needed].map(async (key) => {
      const collector = byKey.get(key);
      if (!collector) {
        states.set(key, { state: 'error', message: `no collector provides "${key}" (a registry bug)` });
        return;
      }
      try {
        states.set(key, await collector.collect(ctx));
      } catch (err) {
        // An explicitly named input that is broken stops the run: nothing can be judged from it.
        if (err instanceof InputError) throw err;
        states.set(key, { state: 'error', message: `${collector.description}: ${errorMessage(err)}` });
      }
    }),
  );
  return { states };
}

export interface RunChecksOptions {
  config: Config;
  now: Date;
  redactor: Redactor;
}

/**
 * Runs each check against the collected facts and turns its reports into findings. A check that throws
 * yields one `error` finding and the run goes on; a check that reports nothing yields one `pass`.
 */
export async function runChecks(checks: readonly AnyCheck[], facts: CollectedFacts, opts: RunChecksOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const check of checks) {
    const meta = check.meta;
    const base = {
      checkId: meta.id,
      area: areaOf(meta.id),
      title: meta.title,
      references: [...meta.references],
      controls: [...meta.controls],
    };
    const missing = (check.needs as readonly string[]).map((k) => [k, facts.states.get(k)] as const);
    const failed = missing.find(([, s]) => s?.state === 'error');
    if (failed) {
      const s = failed[1] as { state: 'error'; message: string };
      findings.push({
        ...base,
        severity: meta.severity,
        status: 'error',
        message: `Could not evaluate: ${s.message}`,
        errorDetail: s.message,
        remediation: meta.remediation,
        fingerprint: fingerprintOf({ checkId: meta.id, key: 'collector-error' }),
      });
      continue;
    }
    const absent = missing.find(([, s]) => !s || s.state === 'absent');
    if (absent) {
      const s = absent[1];
      findings.push({
        ...base,
        severity: meta.severity,
        status: 'skipped',
        message: `Not applicable: ${s && s.state === 'absent' ? s.reason : `no ${absent[0]} input`}`,
        remediation: meta.remediation,
        fingerprint: fingerprintOf({ checkId: meta.id, key: 'skipped' }),
      });
      continue;
    }
    const input: Record<string, unknown> = {};
    for (const [k, s] of missing) input[k] = (s as { state: 'ok'; value: unknown }).value;

    const reported: Finding[] = [];
    const report = (r: ReportInput<string>): void => {
      const template = (check.messages as Record<string, string>)[r.messageId];
      if (template === undefined) throw new Error(`check ${meta.id} reported unknown messageId "${r.messageId}"`);
      const message = opts.redactor.scrub(formatMessage(template, r.data));
      reported.push({
        ...base,
        severity: r.severity ?? meta.severity,
        status: r.status ?? 'fail',
        message,
        resource: r.resource,
        location: r.location,
        evidence: r.evidence,
        remediation: r.remediation ?? meta.remediation,
        fingerprint: fingerprintOf({
          checkId: meta.id,
          resourceType: r.resource?.type,
          resourceId: r.resource?.id,
          path: r.location?.path,
          key: r.key ?? r.messageId,
        }),
        ...(r.aliases ? { aliases: r.aliases } : {}),
      });
    };
    try {
      await check.run(input as never, { report, config: opts.config, now: opts.now, redactor: opts.redactor });
      if (reported.length === 0) {
        findings.push({
          ...base,
          severity: meta.severity,
          status: 'pass',
          message: 'No problem found.',
          remediation: meta.remediation,
          fingerprint: fingerprintOf({ checkId: meta.id, key: 'pass' }),
        });
      } else {
        findings.push(...dedupeByFingerprint(reported));
      }
    } catch (err) {
      findings.push(...dedupeByFingerprint(reported));
      findings.push({
        ...base,
        severity: meta.severity,
        status: 'error',
        message: `The check failed while running: ${opts.redactor.scrub(errorMessage(err))}`,
        errorDetail: opts.redactor.scrub(errorMessage(err)),
        remediation: meta.remediation,
        fingerprint: fingerprintOf({ checkId: meta.id, key: 'check-threw' }),
      });
    }
  }
  return findings;
}

/** Two reports with one fingerprint are one finding (the first wins): stable identity over runs. */
function dedupeByFingerprint(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.fingerprint) ? false : (seen.add(f.fingerprint), true)));
}
