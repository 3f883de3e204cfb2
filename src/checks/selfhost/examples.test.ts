/**
 * End to end on the shipped examples, through the real audit() orchestration with this area's
 * collectors and checks: the insecure example fails as described in its README, the hardened one
 * passes at --fail-on high. Each example is copied into a fresh git repository with its files
 * added, which is how it is judged once committed (the examples are tracked by the project repo).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../audit.js';
import { composeCollector } from '../../collectors/compose/index.js';
import { selfhostEnvCollector } from '../../collectors/selfhost-env/index.js';
import type { AnyCheck } from '../../core/check.js';
import { FIXED_NOW } from '../../../test/support/check-tester.js';
import { composeChecks } from '../compose/index.js';
import { selfhostChecks } from './index.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');
const checks: AnyCheck[] = [...selfhostChecks, ...composeChecks];
const collectors = [selfhostEnvCollector, composeCollector];

async function committedCopy(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `example-${name}-`));
  await cp(path.join(examples, name), dir, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['add', '-A'], { cwd: dir });
  return dir;
}

const failing = (r: Awaited<ReturnType<typeof audit>>) =>
  r.findings
    .filter((f) => f.status === 'fail')
    .map((f) => `${f.checkId} ${f.severity} ${f.location?.path}:${f.location?.line ?? ''} ${f.resource?.id ?? ''}`)
    .sort();

describe('examples/selfhosted-insecure', async () => {
  const root = await committedCopy('selfhosted-insecure');
  const result = await audit({ root, checks, collectors, now: FIXED_NOW });
  const ids = new Set(result.findings.filter((f) => f.status === 'fail').map((f) => f.checkId));

  it('fails the run at --fail-on high, with a complete (judgeable) result', () => {
    expect(result.summary.blocking).toBeGreaterThan(0);
    expect(result.summary.byStatus.error).toBe(0);
    expect(result.summary.failBySeverity.critical).toBeGreaterThanOrEqual(3);
  });

  it.each([
    'selfhost/openssl-key-strong',
    'selfhost/default-secrets-replaced',
    'selfhost/no-tracked-secrets',
    'selfhost/redis-password-set',
    'selfhost/force-https',
    'selfhost/router-https',
    'selfhost/abuse-protection-enabled',
    'selfhost/router-protection-enabled',
    'selfhost/console-access-restricted',
    'selfhost/production-mode',
    'selfhost/antivirus-enabled',
    'selfhost/security-email-set',
    'selfhost/audit-retention-sufficient',
    'selfhost/env-names-known',
    'selfhost/env-names-current',
    'compose/internal-ports-private',
    'compose/docker-socket-restricted',
    'compose/images-pinned',
    'compose/appwrite-version-current',
  ])('shows %s', (id) => expect(ids.has(id), failing(result).join('\n')).toBe(true));

  it('points at file:line for env findings', () => {
    const key = result.findings.find((f) => f.checkId === 'selfhost/openssl-key-strong' && f.status === 'fail')!;
    expect(key.location).toMatchObject({ path: '.env', line: 12 });
    const ports = result.findings.filter((f) => f.checkId === 'compose/internal-ports-private' && f.status === 'fail').map((f) => f.resource?.id);
    expect(ports.sort()).toEqual(['mariadb', 'redis']);
    const sock = result.findings.filter((f) => f.checkId === 'compose/docker-socket-restricted' && f.status === 'fail').map((f) => f.resource?.id);
    expect(sock).toEqual(['watchtower']);
  });

  it('never puts a secret of the example in any finding, message or evidence', () => {
    const out = JSON.stringify(result);
    for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']) expect(out).not.toContain(secret);
  });
});

describe('examples/selfhosted-hardened', async () => {
  const root = await committedCopy('selfhosted-hardened');
  // Every check, as `appwrite-secops audit` runs them: the secret scanner sees the committed .env too.
  const result = await audit({ root, now: FIXED_NOW, exclude: ['repo/*'] }); // the copy is a bare git repo with no CI

  it('passes at --fail-on high: nothing blocking, nothing unjudged', () => {
    expect(failing(result).filter((f) => /\s(critical|high)\s/.test(f))).toEqual([]);
    expect(result.summary.blocking).toBe(0);
    expect(result.summary.complete).toBe(true);
    expect(result.configPath).toBe(path.join(root, 'appwrite-secops.yaml'));
  });

  it('keeps its committed .env visible as an accepted risk with owner and expiry', () => {
    const excepted = result.findings.filter((f) => f.status === 'excepted');
    const seen = new Set(excepted.map((f) => JSON.stringify([f.checkId, f.location?.path, f.exception?.owner, f.exception?.expires])));
    expect([...seen].sort()).toEqual([
      JSON.stringify(['secrets/no-appwrite-server-secrets', '.env', 'appwrite-secops maintainers', '2030-12-31']),
      JSON.stringify(['selfhost/no-tracked-secrets', '.env', 'appwrite-secops maintainers', '2030-12-31']),
    ]);
  });

  it('has no failing finding at any severity', () => {
    expect(failing(result)).toEqual([]);
  });

  it('never puts a secret of the example in any output', () => {
    const out = JSON.stringify(result);
    for (const secret of ['37f47bf9b4c1e3a72c85bb913e027fce49ad216b28385cea5abb40b82edb7a05', 'cU4r+ME6K4PDvWbPxLFTpzPgwvyHPPyr', 'W8wnOg230lbsuc5xBVeodlj/GESNSR2s']) expect(out).not.toContain(secret);
  });
});
