import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startOsvStandIn } from '../../deps/osv/__fixtures__/osv-server.js';
import { runMain } from '../../../test/support/run-main.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.resolve(here, '..', '..', '..', 'examples', 'deps-vulnerable');
const tmp = mkdtempSync(path.join(tmpdir(), 'secops-cli-deps-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runMain(['deps', ...args], { cwd: tmp });
}

const offline = ['--osv-db', path.join(example, 'osv')];
// before most of these advisories were published: nothing is overdue, so nothing is escalated
const early = ['--as-of', '2022-01-25'];

describe('appwrite-secops deps', () => {
  it('offline database: findings, exit 1, and a plan with majors flagged', async () => {
    const r = await run([example, ...offline, ...early]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('GHSA-hrpp-h998-j3pp');
    expect(r.stdout).toContain('Remediation plan');
    expect(r.stdout).toMatch(/upgrade express 4\.17\.1 -> 4\.20\.0 fixes 1 advisory \(GHSA-qw6h-vgh9-j6wx\) \[inside \^4\.17\.1\]/);
    expect(r.stdout).toMatch(/upgrade node-fetch 2\.6\.1 -> 2\.6\.7 fixes 1 advisory/);
    expect(r.stdout).toMatch(/express 4\.17\.1 holds back body-parser 1\.19\.0 \(needs >=1\.20\.3\), qs 6\.7\.0 \(needs >=6\.7\.3\), send 0\.17\.1 \(needs >=0\.19\.0\): .*fixes 3 advisories/);
    expect(r.stdout).toMatch(/upgrade jsonwebtoken 8\.5\.1 -> 9\.0\.0 fixes 1 advisory .*\[MAJOR\]/);
    // minimal upgrades first, the major last
    expect(r.stdout.indexOf('upgrade node-fetch')).toBeLessThan(r.stdout.indexOf('upgrade jsonwebtoken'));
  });

  it('npm audit output adds npm\'s upgrade: one express upgrade fixes four advisories', async () => {
    const r = await run([example, ...offline, '--audit-json', path.join(example, 'audit', 'npm-audit.json')]);
    expect(r.stdout).toMatch(/upgrade express 4\.17\.1 -> 4\.21\.2 fixes 4 advisories/);
    // one finding per vulnerability, listing both sources
    expect(r.stdout.match(/has GHSA-hrpp-h998-j3pp/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/has GHSA-hrpp-h998-j3pp: .*Reported by npm-audit, osv-offline\./);
  });

  it('--prod-only --fail-on critical: the only critical is a dev dependency, so exit 0', async () => {
    expect((await run([example, ...offline, ...early, '--fail-on', 'critical'])).code).toBe(1);
    const r = await run([example, ...offline, ...early, '--prod-only', '--fail-on', 'critical']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('minimist');
  });

  it('writes machine formats to files; the plan only follows a text report on stdout', async () => {
    const out = path.join(tmp, 'deps.json');
    const r = await run([example, ...offline, '--format', 'json', '--output', out, '--format', 'text', '--no-plan']);
    expect(r.stdout).not.toContain('Remediation plan');
    const json = JSON.parse(readFileSync(out, 'utf8')) as { findings: { checkId: string; status: string; aliases?: string[]; evidence?: Record<string, unknown> }[] };
    const qs = json.findings.find((f) => f.aliases?.includes('CVE-2022-24999'))!;
    expect(qs.evidence).toMatchObject({ package: 'qs', fixedIn: '6.7.3', fixKind: 'override' });
  });

  it('a bad --audit-json file is an input error (exit 2)', async () => {
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{"auditReportVersion": 2, "vulnerabilities": {"qs": {"via": [');
    const r = await run([example, ...offline, '--audit-json', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json/);
  });

  it('an OSV API that refuses is incomplete (exit 3), and what ran is still reported', async () => {
    const osv = await startOsvStandIn();
    try {
      osv.failNext.push({ status: 400, body: '{"code":3,"message":"bad"}' });
      const r = await run([example, ...offline, '--osv-api', osv.url, '--fail-on', 'none']);
      expect(r.code).toBe(3);
      expect(r.stdout).toContain('GHSA-hrpp-h998-j3pp');
      expect(r.stdout).toMatch(/osv-api source failed/);
    } finally {
      await osv.close();
    }
  });

  it('--as-of moves the SLA clock: today everything here is overdue and escalated', async () => {
    const late = await run([example, ...offline, '--as-of', '2026-11-29', '--format', 'json', '--output', path.join(tmp, 'late.json')]);
    const early2 = await run([example, ...offline, '--as-of', '2022-02-01', '--format', 'json', '--output', path.join(tmp, 'early.json')]);
    expect(late.code).toBe(1);
    expect(early2.code).toBe(1);
    const sev = (f: string) => Object.fromEntries((JSON.parse(readFileSync(path.join(tmp, f), 'utf8')) as { findings: { resource?: { id: string }; severity: string }[] }).findings.filter((x) => x.resource).map((x) => [x.resource!.id, x.severity]));
    expect(sev('late.json')).toMatchObject({ 'node-fetch': 'critical', semver: 'high', express: 'medium' });
    expect(sev('early.json')).toMatchObject({ 'node-fetch': 'high', semver: 'medium', express: 'low' });
    const r = await run([example, ...offline, '--as-of', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a date/);
  });

  it('rejects a malformed --osv-api and contradictory flags', async () => {
    const bad = await run([example, '--osv-api', 'ftp://x']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/not an http\(s\) URL/)]);
    const both = await run([example, '--offline', '--osv-api', 'https://x']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringMatching(/contradict/)]);
  });

  it('exceptions by advisory alias and by package keep findings, excepted, with owner and expiry', async () => {
    const expires = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const config = path.join(tmp, 'appwrite-secops.yaml');
    writeFileSync(
      config,
      `exceptions:
  - check: deps/no-known-vulnerabilities
    advisory: CVE-2022-24999
    reason: qs is only used to parse trusted internal query strings
    owner: team-api
    expires: "${expires}"
  - check: "deps/*"
    resource: send
    path: package-lock.json
    reason: static file serving is disabled in this service
    owner: team-api
    expires: "${expires}"
`,
    );
    const out = path.join(tmp, 'exc.json');
    await run([example, ...offline, '--config', config, '--format', 'json', '--output', out]);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { findings: { status: string; resource?: { id: string }; exception?: { owner: string } }[] };
    const byPkg = (p: string) => json.findings.find((f) => f.resource?.id === p)!;
    expect(byPkg('qs')).toMatchObject({ status: 'excepted', exception: { owner: 'team-api' } });
    expect(byPkg('send').status).toBe('excepted');
    expect(byPkg('body-parser').status).toBe('fail');
  });

  it('never prints a token found in a lockfile URL or a CI step', async () => {
    const canary = 'npm_CANARYtokenDoNotLeak0123456789abcdef';
    const ws = path.join(tmp, 'leaky');
    cpSync(example, ws, { recursive: true });
    const lockPath = path.join(ws, 'package-lock.json');
    writeFileSync(lockPath, readFileSync(lockPath, 'utf8').replace('https://registry.npmjs.org/qs/', `https://ci:${canary}@npm.internal.example/qs/`));
    mkdirSync(path.join(ws, '.github', 'workflows'), { recursive: true });
    writeFileSync(path.join(ws, '.github', 'workflows', 'ci.yml'), `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm install --registry=https://ci:${canary}@npm.internal.example/\n`);
    const out = path.join(tmp, 'leaky.json');
    const r = await run([ws, ...offline, '--format', 'text', '--format', 'json', '--output', out, '--format', 'sarif', '--output', path.join(tmp, 'leaky.sarif')]);
    expect(r.stdout).toContain('npm install');
    for (const text of [r.stdout, r.stderr, readFileSync(out, 'utf8'), readFileSync(path.join(tmp, 'leaky.sarif'), 'utf8')]) expect(text.includes(canary)).toBe(false);
  });
});
