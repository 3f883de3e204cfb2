import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { SEVERITIES } from '../core/severity.js';
import { FIXTURE_RESULT, METAS, finding, makeResult } from './__fixtures__/result.js';
import { describeErrors, sarifValidator } from './__fixtures__/validators.js';
import { DEFAULT_ANCHOR, encodePath, FINGERPRINT_KEY, isFilePath, renderSarif, ruleName, SECURITY_SEVERITY } from './sarif.js';

function render(result = FIXTURE_RESULT): Log {
  return JSON.parse(renderSarif(result)) as Log;
}

function expectValid(log: unknown): void {
  const validate = sarifValidator();
  const ok = validate(log);
  expect(ok, describeErrors(validate.errors)).toBe(true);
}

const run = (log: Log) => log.runs[0]!;
const one = (f: Finding, over: Parameters<typeof makeResult>[0] = {}) => run(render(makeResult({ findings: [f], ...over }))).results![0]!;

describe('sarif reporter', () => {
  it('matches the snapshot', async () => {
    await expect(renderSarif(FIXTURE_RESULT)).toMatchFileSnapshot('./__snapshots__/report.sarif');
  });

  it('validates against the OASIS SARIF 2.1.0 schema', () => {
    expectValid(render());
  });

  it('is checked by a validator that does reject bad SARIF (a test that cannot fail is a defect)', () => {
    const bad = render();
    run(bad).results![0]!.level = 'fatal' as never;
    run(bad).results![1]!.locations![0]!.physicalLocation!.region = { startLine: 0 };
    expect(sarifValidator()(bad)).toBe(false);
    expect(describeErrors(sarifValidator().errors)).toMatch(/startLine|level/);
  });

  it('describes the tool and one rule per check', () => {
    const driver = run(render()).tool.driver;
    expect(driver).toMatchObject({ name: 'appwrite-secops', version: '0.1.0', semanticVersion: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules!.map((r) => r.id)).toEqual(FIXTURE_RESULT.checks.map((c) => c.id));
    const rule = driver.rules!.find((r) => r.id === 'selfhost/force-https')!;
    expect(rule).toMatchObject({
      name: 'SelfhostForceHttps',
      shortDescription: { text: METAS.forceHttps.title },
      fullDescription: { text: METAS.forceHttps.risk },
      helpUri: METAS.forceHttps.references[0],
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'selfhost', 'hardening.https'], 'security-severity': '8.0' },
    });
    expect(rule.help!.text).toContain(METAS.forceHttps.remediation);
    expect(rule.help!.text).toContain(METAS.forceHttps.references[0]);
    expect(rule.help!.markdown).toContain('`_APP_OPTIONS_FORCE_HTTPS`=enabled');
  });

  it('gives every severity a security-severity inside its GitHub band and a level', () => {
    const bands = { critical: [9.0, 10], high: [7.0, 8.9], medium: [4.0, 6.9], low: [0.1, 3.9], info: [0, 0] } as const;
    for (const s of SEVERITIES) {
      const n = Number(SECURITY_SEVERITY[s]);
      expect(n, s).toBeGreaterThanOrEqual(bands[s][0]);
      expect(n, s).toBeLessThanOrEqual(bands[s][1]);
    }
    const levels = SEVERITIES.map((s) => one(finding(METAS.forceHttps, { severity: s, message: 'm', location: { path: '.env', line: 1 } })).level);
    expect(levels).toEqual(['error', 'error', 'warning', 'note', 'note']);
  });

  it('has results for fail and excepted findings only, each pointing at its rule', () => {
    const log = render();
    const results = run(log).results!;
    const expected = FIXTURE_RESULT.findings.filter((f) => f.status === 'fail' || f.status === 'excepted');
    expect(results).toHaveLength(expected.length);
    for (const r of results) expect(run(log).tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(new Set(results.map((r) => r.partialFingerprints![FINGERPRINT_KEY]))).toEqual(new Set(expected.map((f) => f.fingerprint)));
  });

  it('marks an excepted finding as an accepted external suppression with owner and expiry', () => {
    const r = run(render()).results!.find((x) => x.ruleId === 'selfhost/console-access-restricted')!;
    expect(r.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Console is only reachable over the VPN (INFRA-412). (owner platform-team@example.com, expires 2026-12-10)',
        properties: { owner: 'platform-team@example.com', expires: '2026-12-10', exceptionIndex: 0 },
      },
    ]);
    expect(run(render()).results!.filter((x) => x.suppressions).length).toBe(1);
  });

  it('turns could-not-tell findings into notifications and marks the run unsuccessful', () => {
    const inv = run(render()).invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    const notes = inv.toolExecutionNotifications!;
    const couldNotTell = notes.filter((n) => n.descriptor?.id === 'could-not-tell');
    expect(couldNotTell.map((n) => n.associatedRule!.id).sort()).toEqual(['compose/docker-sock-restricted', 'repo/workflow-permissions']);
    expect(couldNotTell.every((n) => n.level === 'error')).toBe(true);
    expect(couldNotTell.find((n) => n.associatedRule!.id === 'compose/docker-sock-restricted')!.message.text).toContain('EACCES');
    const diagnostics = notes.filter((n) => n.descriptor?.id === 'input-problem');
    expect(diagnostics.map((n) => [n.level, n.locations?.[0]?.physicalLocation?.region?.startLine])).toEqual([
      ['warning', 4],
      ['warning', 31],
      ['error', 4],
    ]);
  });

  it('marks a complete run successful and leaves out empty notification lists', () => {
    const log = render(makeResult({ findings: [finding(METAS.forceHttps, { message: 'm', location: { path: '.env', line: 2 } })], diagnostics: [] }));
    expect(run(log).invocations).toEqual([{ executionSuccessful: true, startTimeUtc: '2026-11-29T12:00:00.000Z', endTimeUtc: '2026-11-29T12:00:00.412Z' }]);
    expectValid(log);
  });

  it('writes relative file locations against %SRCROOT% with a region only when the line is known', () => {
    const loc = (f: Finding) => one(f).locations![0]!.physicalLocation!;
    expect(loc(finding(METAS.forceHttps, { message: 'm', location: { path: '.env', line: 12, column: 3 } }))).toEqual({
      artifactLocation: { uri: '.env', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 3 },
    });
    expect(loc(finding(METAS.forceHttps, { message: 'm', location: { path: '.env' } }))).toEqual({ artifactLocation: { uri: '.env', uriBaseId: '%SRCROOT%' } });
    expect(loc(finding(METAS.forceHttps, { message: 'm', location: { path: '.env', line: 0, column: 5 } }))).toEqual({ artifactLocation: { uri: '.env', uriBaseId: '%SRCROOT%' } });
    expect(loc(finding(METAS.forceHttps, { message: 'm', location: { path: './a.env', line: 2, endLine: 4, endColumn: 7 } }))).toEqual({
      artifactLocation: { uri: 'a.env', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, endLine: 4, endColumn: 7 },
    });
  });

  it.each<[string, string, { uri: string; uriBaseId?: string }]>([
    ['spaces and #', 'my dir/.env #1', { uri: 'my%20dir/.env%20%231', uriBaseId: '%SRCROOT%' }],
    ['percent and ?', 'a%b/c?.yml', { uri: 'a%25b/c%3F.yml', uriBaseId: '%SRCROOT%' }],
    ['non-ASCII', 'déploiement/.env', { uri: 'd%C3%A9ploiement/.env', uriBaseId: '%SRCROOT%' }],
    ['a colon in the first segment', 'a:b/.env', { uri: 'a%3Ab/.env', uriBaseId: '%SRCROOT%' }],
    ['an absolute path inside the root', '/srv/appwrite/deploy/.env', { uri: 'deploy/.env', uriBaseId: '%SRCROOT%' }],
    ['an absolute path outside the root', '/etc/appwrite/.env', { uri: 'file:///etc/appwrite/.env' }],
    ['a sibling folder that shares the prefix', '/srv/appwrite-old/.env', { uri: 'file:///srv/appwrite-old/.env' }],
    ['a Windows path', 'C:\\deploy\\.env', { uri: 'file:///C:/deploy/.env' }],
  ])('encodes %s as a valid URI', (_name, p, artifact) => {
    const log = render(makeResult({ findings: [finding(METAS.forceHttps, { message: 'm', location: { path: p, line: 1 } })] }));
    expect(run(log).results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual(artifact);
    expectValid(log);
  });

  it('gives a result without a file a logical location, anchored at the config file for GitHub', () => {
    const live = one(finding(METAS.publicCollection, { message: 'm', resource: { type: 'collection', id: 'orders', name: 'Orders' }, location: { path: 'https://cloud.appwrite.io/v1/projects/shop' } }));
    expect(live.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'appwrite-secops.yaml', uriBaseId: '%SRCROOT%' }, properties: { anchor: true } },
        logicalLocations: [{ name: 'Orders', fullyQualifiedName: 'collection/orders', kind: 'collection' }],
      },
    ]);
    expect(live.properties!.location).toBe('https://cloud.appwrite.io/v1/projects/shop');
    const nested = one(finding(METAS.keyExpiry, { message: 'm' }), { configPath: '/srv/appwrite/config/secops.yml' });
    expect(nested.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'config/secops.yml', uriBaseId: '%SRCROOT%' });
    expect(nested.locations![0]!.logicalLocations).toEqual([{ name: 'keys/expiry-set', fullyQualifiedName: 'keys/expiry-set', kind: 'resource' }]);
    const outside = one(finding(METAS.keyExpiry, { message: 'm', location: { path: 'env:APPWRITE_API_KEY' } }), { configPath: '/home/me/secops.yaml' });
    expect(outside.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: DEFAULT_ANCHOR, uriBaseId: '%SRCROOT%' });
    expect(outside.locations![0]!.logicalLocations![0]!.fullyQualifiedName).toBe('env:APPWRITE_API_KEY');
  });

  it('gives every result a physical artifact URI (GitHub rejects the whole file otherwise)', () => {
    for (const r of run(render()).results!) expect(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri, r.ruleId).toBeTruthy();
  });

  it('keeps a result valid and addressable when its check is missing from result.checks', () => {
    const orphan: Finding = { ...finding(METAS.forceHttps, { message: 'm', location: { path: '.env', line: 1 } }), checkId: 'custom/thing', area: 'custom', references: ['not a url'] };
    const log = render(makeResult({ findings: [orphan], checks: [] }));
    const rule = run(log).tool.driver.rules![run(log).results![0]!.ruleIndex!]!;
    expect(rule.id).toBe('custom/thing');
    expect(rule.helpUri).toBeUndefined();
    expectValid(log);
  });

  it.each<[string, Partial<Finding>]>([
    ['an empty message', { message: '' }],
    ['control characters and quotes', { message: 'a\u0000b\u001b[31m"c"\n{0}' }],
    ['BigInt evidence', { evidence: { size: 10n ** 30n as unknown as number } }],
    ['a location column without a line', { location: { path: '.env', column: 9 } }],
  ])('stays schema-valid with %s', (_name, over) => {
    const log = render(makeResult({ findings: [finding(METAS.forceHttps, { message: 'm', ...over })] }));
    expectValid(log);
    expect(run(log).results![0]!.message.text?.length ?? 0).toBeGreaterThan(0);
  });

  it('stays valid with no findings, no checks and an unparseable start time', () => {
    const log = render(makeResult({ findings: [], checks: [], diagnostics: [], startedAt: 'not a date', tool: { name: 'appwrite-secops', version: 'dev' } }));
    expectValid(log);
    expect(run(log).results).toEqual([]);
    expect(run(log).tool.driver.semanticVersion).toBeUndefined();
  });

  it('writes BigInt as a decimal string', () => {
    const r: Result = one(finding(METAS.forceHttps, { message: 'm', evidence: { size: 2n ** 64n as unknown as number } }));
    expect(r.properties!.evidence).toEqual({ size: '18446744073709551616' });
  });
});

describe('sarif helpers', () => {
  it.each([
    ['selfhost/force-https', 'SelfhostForceHttps'],
    ['deps/no-known-vulnerabilities', 'DepsNoKnownVulnerabilities'],
    ['exceptions/not-expired', 'ExceptionsNotExpired'],
  ])('ruleName(%s) = %s', (id, name) => expect(ruleName(id)).toBe(name));

  it.each([
    ['.env', true],
    ['deploy/docker-compose.yml', true],
    ['/etc/appwrite/.env', true],
    ['C:\\x\\.env', true],
    ['file:///etc/x', true],
    ['https://cloud.appwrite.io/v1', false],
    ['env:APPWRITE_KEY', false],
  ])('isFilePath(%s) = %s', (p, expected) => expect(isFilePath(p)).toBe(expected));

  it('encodes path segments but keeps the slashes', () => {
    expect(encodePath('a b/c#d/e')).toBe('a%20b/c%23d/e');
  });
});
