import { describe, expect, it } from 'vitest';
import type { Config } from '../../core/config.js';
import { runCheck, testCheck } from '../../../test/support/check-tester.js';
import { advisoriesFacts, vulnerability } from '../../deps/__fixtures__/check-facts.js';
import { vulnerabilityFingerprint } from '../../deps/sla.js';
import { noKnownVulnerabilities } from './no-known-vulnerabilities.js';

// FIXED_NOW is 2026-11-29T12:00:00Z
const withDeps = (dependencies: unknown) => ({ dependencies } as unknown as Partial<Config>);

testCheck(noKnownVulnerabilities, {
  valid: [
    { name: 'no vulnerability, every source ran', facts: { advisories: advisoriesFacts() } },
    { name: 'a dev-only vulnerability with prod-only', facts: { advisories: advisoriesFacts({ prodOnly: true, vulnerabilities: [vulnerability({ dev: true })] }) } },
  ],
  invalid: [
    {
      name: 'a high vulnerability inside its SLA',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability()] }) },
      errors: [{ messageId: 'vulnerable', severity: 'high', path: 'package-lock.json', line: 10, resourceId: 'qs', status: 'fail' }],
    },
    {
      name: 'a medium vulnerability published long ago is overdue and escalated',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability({ severity: 'medium', published: '2023-06-21T06:30:28Z' })] }) },
      errors: [{ messageId: 'overdue', severity: 'high' }],
    },
    {
      name: 'the store first saw it last week: the SLA counts from then, not from publication',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability({ severity: 'medium', published: '2023-06-21T06:30:28Z', firstSeen: '2026-11-22T08:00:00Z' })] }) },
      errors: [{ messageId: 'vulnerable', severity: 'medium' }],
    },
    {
      name: 'configured SLA days apply',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability({ published: '2026-11-20T00:00:00Z' })] }) },
      config: withDeps({ sla: { high: 2 } }),
      errors: [{ messageId: 'overdue', severity: 'critical' }],
    },
    {
      name: 'escalation can be turned off',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability({ published: '2020-01-01T00:00:00Z' })] }) },
      config: withDeps({ escalateOverdue: 'none' }),
      errors: [{ messageId: 'overdue', severity: 'high' }],
    },
    {
      name: 'an unrated advisory gets dependencies.unratedSeverity',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability({ severity: undefined })] }) },
      config: withDeps({ unratedSeverity: 'low' }),
      errors: [{ messageId: 'vulnerable', severity: 'low' }],
    },
    {
      name: 'info has no SLA',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability({ severity: 'info' })] }) },
      errors: [{ messageId: 'vulnerableNoSla', severity: 'info' }],
    },
    {
      name: 'dev vulnerabilities count without prod-only',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability({ dev: true })] }) },
      errors: [{ messageId: 'vulnerable' }],
    },
    {
      name: 'a failed source is "could not tell", never a pass',
      facts: { advisories: advisoriesFacts({ sources: [{ source: 'osv-api', origin: 'https://api.osv.dev', ok: false, advisories: 0, message: 'HTTP 503' }] }) },
      errors: [{ messageId: 'sourceFailed', status: 'error' }],
    },
    {
      name: 'an unreadable lockfile is "could not tell"',
      facts: { advisories: advisoriesFacts({ lockfileFailures: [{ path: 'apps/x/yarn.lock', message: 'unexpected token', line: 12 }] }) },
      errors: [{ messageId: 'lockfileUnreadable', status: 'error', path: 'apps/x/yarn.lock', line: 12 }],
    },
    {
      name: 'a git dependency the advisory names',
      facts: { advisories: advisoriesFacts({ unevaluated: [{ package: 'qs', version: 'github:ljharb/qs#abc', advisory: 'GHSA-hrpp-h998-j3pp', location: { path: 'package-lock.json', line: 4 }, reason: 'not a registry version' }] }) },
      errors: [{ messageId: 'unevaluated', status: 'error', line: 4 }],
    },
    {
      name: 'two packages, two findings',
      facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability(), vulnerability({ package: 'express', id: 'GHSA-qw6h-vgh9-j6wx', aliases: ['GHSA-qw6h-vgh9-j6wx'], severity: 'low', direct: true, path: ['express@4.17.1'], versions: ['4.17.1'], location: { path: 'package-lock.json', line: 30 } })] }) },
      errors: [
        { messageId: 'vulnerable', resourceId: 'qs' },
        { messageId: 'vulnerable', resourceId: 'express', severity: 'low', line: 30 },
      ],
    },
  ],
});

describe('deps/no-known-vulnerabilities findings', () => {
  it('carry every alias, the due date, and the remediation', async () => {
    const [f] = await runCheck(noKnownVulnerabilities, { name: 'x', facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability()] }) } });
    expect(f!.aliases).toEqual(['GHSA-hrpp-h998-j3pp', 'CVE-2022-24999']);
    expect(f!.evidence).toMatchObject({ due: '2026-12-20', daysLeft: 21, overdue: false, fixedIn: '6.7.3', fixKind: 'override', direct: 'express', dependencyPath: 'express@4.17.1 > qs@6.7.0' });
    expect(f!.remediation).toMatch(/express@4\.17\.1 requires qs 6\.7\.0/);
    expect(f!.message).toContain('Due 2026-12-20');
  });
  it('has the fingerprint the collector asks the store about', async () => {
    const v = vulnerability();
    const [f] = await runCheck(noKnownVulnerabilities, { name: 'x', facts: { advisories: advisoriesFacts({ vulnerabilities: [v] }) } });
    expect(f!.fingerprint).toBe(vulnerabilityFingerprint(v));
  });
  it('keeps one identity when the version changes (the SLA clock must not restart)', async () => {
    const a = await runCheck(noKnownVulnerabilities, { name: 'x', facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability()] }) } });
    const b = await runCheck(noKnownVulnerabilities, { name: 'x', facts: { advisories: advisoriesFacts({ vulnerabilities: [vulnerability({ versions: ['6.7.1'], location: { path: 'package-lock.json', line: 99 } })] }) } });
    expect(a[0]!.fingerprint).toBe(b[0]!.fingerprint);
  });
});
