import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from './config-schema.js';
import { applyExceptions } from './exceptions.js';
import type { Finding } from './finding.js';

const NOW = new Date('2026-11-29T12:00:00Z');

function finding(over: Partial<Finding> = {}): Finding {
  return {
    checkId: 'selfhost/force-https',
    area: 'selfhost',
    title: 't',
    severity: 'high',
    status: 'fail',
    message: 'm',
    resource: { type: 'env-var', id: '_APP_OPTIONS_FORCE_HTTPS' },
    location: { path: 'deploy/.env', line: 3 },
    remediation: 'r',
    references: [],
    controls: [],
    fingerprint: 'fp-1234567890',
    ...over,
  };
}

const ex = (over: Record<string, unknown> = {}) => ({ check: 'selfhost/force-https', reason: 'TLS ends at the load balancer', owner: 'platform-team', expires: '2026-12-31', ...over });
const cfg = (exceptions: unknown[], extra: Partial<ConfigInput> = {}) => configSchema.parse({ exceptions, ...extra });

describe('applyExceptions', () => {
  it.each([
    ['check id', ex(), true],
    ['check glob', ex({ check: 'selfhost/*' }), true],
    ['other check', ex({ check: 'compose/*' }), false],
    ['fingerprint', ex({ fingerprint: 'fp-1234567890' }), true],
    ['other fingerprint', ex({ fingerprint: 'fp-0000000000' }), false],
    ['path glob', ex({ path: 'deploy/*' }), true],
    ['other path', ex({ path: 'other/**' }), false],
    ['resource', ex({ resource: '_APP_OPTIONS_FORCE_HTTPS' }), true],
    ['other resource', ex({ resource: '_APP_ENV' }), false],
    ['advisory without aliases', ex({ advisory: 'CVE-2024-1' }), false],
  ])('scope by %s', (_name, e, applies) => {
    const [f] = applyExceptions([finding()], cfg([e]), NOW);
    expect(f!.status).toBe(applies ? 'excepted' : 'fail');
    if (applies) expect(f!.exception).toMatchObject({ owner: 'platform-team', expires: '2026-12-31', index: 0 });
  });

  it('matches advisories through any alias, case-insensitively', () => {
    const [f] = applyExceptions([finding({ aliases: ['GHSA-xxxx-yyyy-zzzz', 'CVE-2024-1234'] })], cfg([ex({ check: 'deps/*', advisory: 'cve-2024-1234' })]), NOW);
    expect(f!.status).toBe('fail'); // the check id scope still has to match
    const [g] = applyExceptions([finding({ checkId: 'deps/no-known-vulnerabilities', aliases: ['GHSA-xxxx-yyyy-zzzz', 'CVE-2024-1234'] })], cfg([ex({ check: 'deps/*', advisory: 'cve-2024-1234' })]), NOW);
    expect(g!.status).toBe('excepted');
  });

  it('scopes dependency findings by dependency path glob', () => {
    const dep = finding({ checkId: 'deps/no-known-vulnerabilities', evidence: { dependencyPath: 'express@4.17.1 > body-parser@1.19.0 > qs@6.7.0' } });
    expect(applyExceptions([dep], cfg([ex({ check: 'deps/*', dependencyPath: 'express@* > body-parser@* > qs@*' })]), NOW)[0]!.status).toBe('excepted');
    expect(applyExceptions([dep], cfg([ex({ check: 'deps/*', dependencyPath: 'koa@* > qs@*' })]), NOW)[0]!.status).toBe('fail');
  });

  it('an expired exception makes the finding fail again and says so', () => {
    const out = applyExceptions([finding()], cfg([ex({ expires: '2026-11-28' })]), NOW);
    expect(out[0]!.status).toBe('fail');
    expect(out.map((f) => f.checkId)).toContain('exceptions/not-expired');
  });

  it('the expiry day still counts in full', () => {
    expect(applyExceptions([finding()], cfg([ex({ expires: '2026-11-29' })]), NOW)[0]!.status).toBe('excepted');
  });

  it('warns about exceptions expiring within the window', () => {
    const out = applyExceptions([finding()], cfg([ex({ expires: '2026-12-05' })]), NOW);
    expect(out[0]!.status).toBe('excepted');
    expect(out.find((f) => f.checkId === 'exceptions/expiring-soon')?.severity).toBe('info');
    expect(applyExceptions([finding()], cfg([ex({ expires: '2027-01-20' })]), NOW).map((f) => f.checkId)).not.toContain('exceptions/expiring-soon');
  });

  it('refuses an exception beyond the horizon for the severity', () => {
    const out = applyExceptions([finding({ severity: 'critical' })], cfg([ex({ expires: '2027-06-01' })]), NOW);
    expect(out[0]!.status).toBe('fail');
    expect(out.map((f) => f.checkId)).toContain('exceptions/within-horizon');
    const relaxed = applyExceptions([finding({ severity: 'critical' })], cfg([ex({ expires: '2027-06-01' })], { exceptionPolicy: { maxDays: { critical: 400 } } }), NOW);
    expect(relaxed[0]!.status).toBe('excepted');
  });

  it('reports unused exceptions once', () => {
    const out = applyExceptions([finding({ status: 'pass' })], cfg([ex(), ex({ check: 'compose/*' })]), NOW);
    expect(out.filter((f) => f.checkId === 'exceptions/used')).toHaveLength(2);
  });

  it('never excepts a pass, an error or a skip', () => {
    for (const status of ['pass', 'error', 'skipped'] as const) {
      expect(applyExceptions([finding({ status })], cfg([ex()]), NOW)[0]!.status).toBe(status);
    }
  });
});
