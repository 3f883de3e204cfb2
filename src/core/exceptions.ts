import type { CheckMeta } from './check.js';
import type { Config, ExceptionConfig } from './config.js';
import type { Finding } from './finding.js';
import { fingerprintOf } from './fingerprint.js';
import { globMatch } from './glob.js';

const DAY_MS = 86_400_000;

/** Meta of the findings the exception mechanism itself raises. */
export const EXCEPTION_CHECKS = {
  expired: {
    id: 'exceptions/not-expired',
    title: 'Accepted-risk exceptions are within their expiry date',
    severity: 'high',
    risk: 'An exception that has expired no longer covers its finding; the risk was accepted only until that date.',
    remediation: 'Fix the finding, or review the risk with its owner and set a new expiry date.',
    references: [],
    controls: ['program.exceptions'],
  },
  expiring: {
    id: 'exceptions/expiring-soon',
    title: 'No accepted-risk exception is about to expire unnoticed',
    severity: 'info',
    risk: 'When the exception expires the finding fails the build again, usually at a bad moment.',
    remediation: 'Plan the fix now, or review and extend the exception with its owner.',
    references: [],
    controls: ['program.exceptions'],
  },
  unused: {
    id: 'exceptions/used',
    title: 'Every accepted-risk exception still matches a finding',
    severity: 'low',
    risk: 'An exception that matches nothing is stale; it may start to hide a new, unrelated finding later.',
    remediation: 'Remove the exception from the config, or narrow its scope to the finding it was written for.',
    references: [],
    controls: ['program.exceptions'],
  },
  horizon: {
    id: 'exceptions/within-horizon',
    title: 'Exceptions do not run longer than the policy allows for their severity',
    severity: 'medium',
    risk: 'Risk accepted for too long stops being reviewed.',
    remediation: 'Shorten the expiry to within exceptionPolicy.maxDays for this severity, or raise the limit deliberately.',
    references: [],
    controls: ['program.exceptions'],
  },
} as const satisfies Record<string, CheckMeta>;

export function exceptionMatches(ex: ExceptionConfig, f: Finding): boolean {
  if (!globMatch(ex.check, f.checkId)) return false;
  if (ex.fingerprint && ex.fingerprint !== f.fingerprint) return false;
  if (ex.path && !(f.location && globMatch(ex.path, f.location.path))) return false;
  if (ex.resource && !(f.resource && (f.resource.id === ex.resource || f.resource.name === ex.resource))) return false;
  if (ex.dependencyPath && !(typeof f.evidence?.dependencyPath === 'string' && globMatch(ex.dependencyPath, f.evidence.dependencyPath))) return false;
  if (ex.advisory) {
    const ids = [...(f.aliases ?? [])].map((s) => s.toUpperCase());
    if (!ids.includes(ex.advisory.toUpperCase())) return false;
  }
  return true;
}

/** The expiry day counts in full: an exception expiring 2026-12-01 still applies all of that day (UTC). */
function expiryEnd(expires: string): number {
  return Date.parse(`${expires}T00:00:00Z`) + DAY_MS;
}

/**
 * Applies `config.exceptions` to the findings: a matching, valid exception turns a `fail` into
 * `excepted` (kept in every report with owner and expiry). Adds findings for expired, soon-expiring,
 * too-long and unused exceptions. Pure: same input, same output.
 */
export function applyExceptions(findings: Finding[], config: Config, now: Date): Finding[] {
  const exceptions = config.exceptions;
  if (exceptions.length === 0) return findings;
  const used = new Set<number>();
  const extra: Finding[] = [];
  const t = now.getTime();
  const out = findings.map((f) => {
    if (f.status !== 'fail') return f;
    const idx = exceptions.findIndex((ex) => exceptionMatches(ex, f));
    if (idx === -1) return f;
    const ex = exceptions[idx]!;
    used.add(idx);
    if (expiryEnd(ex.expires) <= t) {
      extra.push(meta(EXCEPTION_CHECKS.expired, idx, ex, `Exception #${idx + 1} for ${f.checkId} (owner ${ex.owner}) expired on ${ex.expires}; the finding fails again.`, f));
      return f;
    }
    const maxDays = config.exceptionPolicy.maxDays[f.severity];
    if (maxDays !== undefined && expiryEnd(ex.expires) - t > (maxDays + 1) * DAY_MS) {
      extra.push(
        meta(EXCEPTION_CHECKS.horizon, idx, ex, `Exception #${idx + 1} for ${f.checkId} runs to ${ex.expires}, beyond the ${maxDays} days allowed for ${f.severity} findings; it is not applied.`, f),
      );
      return f;
    }
    if (expiryEnd(ex.expires) - t <= config.exceptionPolicy.warnWithinDays * DAY_MS) {
      extra.push(meta(EXCEPTION_CHECKS.expiring, idx, ex, `Exception #${idx + 1} for ${f.checkId} (owner ${ex.owner}) expires on ${ex.expires}.`, f));
    }
    return { ...f, status: 'excepted' as const, exception: { reason: ex.reason, owner: ex.owner, expires: ex.expires, index: idx } };
  });
  exceptions.forEach((ex, idx) => {
    if (!used.has(idx)) extra.push(meta(EXCEPTION_CHECKS.unused, idx, ex, `Exception #${idx + 1} (${ex.check}, owner ${ex.owner}) matched no failing finding in this run.`));
  });
  // one finding per exception and kind, even when an exception matched many findings
  const seen = new Set<string>();
  return [...out, ...extra.filter((f) => (seen.has(f.fingerprint) ? false : (seen.add(f.fingerprint), true)))];
}

function meta(m: CheckMeta, idx: number, ex: ExceptionConfig, message: string, covered?: Finding): Finding {
  return {
    checkId: m.id,
    area: 'exceptions',
    title: m.title,
    severity: m.severity,
    status: 'fail',
    message,
    resource: { type: 'exception', id: `exceptions[${idx}]`, name: ex.check },
    evidence: { owner: ex.owner, expires: ex.expires, reason: ex.reason, ...(covered ? { covers: covered.fingerprint } : {}) },
    remediation: m.remediation,
    references: [...m.references],
    controls: [...m.controls],
    fingerprint: fingerprintOf({ checkId: m.id, resourceId: `${ex.check}|${ex.expires}|${ex.owner}|${idx}` }),
  };
}
