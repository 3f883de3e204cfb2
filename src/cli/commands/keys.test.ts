/**
 * `keys list` and `keys required-scopes`, run in-process against the Appwrite stand-in. The key
 * secrets are canaries: no output may contain them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { startFakeAppwrite, type FakeAppwrite } from '../../../test/support/fake-appwrite/index.js';
import { runMain } from '../../../test/support/run-main.js';

// The environments section as the lead will wire it into the root config schema.
vi.mock('../../core/config-sections.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../core/config-sections.js')>();
  const { liveConfigSection } = await import('../../live/config.js');
  return { areaSections: { ...orig.areaSections, ...liveConfigSection } };
});

const AUDIT = `standard_${'a7'.repeat(128)}`;
const BACKEND = `standard_${'b8'.repeat(128)}`;
const SESSION = 'console-session-canary-0987654321';

async function run(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<{ out: string; err: string; code: number }> {
  const r = await runMain(argv, { cwd, env });
  return { out: r.stdout, err: r.stderr, code: r.code };
}

let fake: FakeAppwrite | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  fake = undefined;
  dir = undefined;
});

async function setup(version: string, envs: (endpoint: string) => Record<string, unknown>): Promise<string> {
  fake = await startFakeAppwrite({
    version,
    now: () => new Date('2026-11-29T12:00:00Z'),
    seed: {
      projects: [
        {
          $id: 'shop',
          keys: [
            { name: 'audit', scopes: ['keys.read', 'project.read'], secret: AUDIT, expire: '2027-01-01T00:00:00.000+00:00', $createdAt: '2026-11-01T00:00:00.000+00:00' },
            { name: 'backend', scopes: ['users.read', 'users.write'], secret: BACKEND, expire: '', accessedAt: '2026-11-20T00:00:00.000+00:00', sdks: ['Node.js', 'Web'], $createdAt: '2026-01-01T00:00:00.000+00:00' },
          ],
          devKeys: [{ name: 'laptop', expire: '2027-02-01T00:00:00.000+00:00' }],
        },
      ],
      consoleSessions: [{ secret: SESSION, userId: 'owner' }],
    },
  });
  dir = await mkdtemp(path.join(os.tmpdir(), 'aw-keys-cli-'));
  await writeFile(path.join(dir, 'appwrite-secops.yaml'), stringify({ environments: envs(fake.endpoint) }));
  return dir;
}

const prod = (endpoint: string, extra: Record<string, unknown> = {}) => ({ prod: { endpoint, projectId: 'shop', credentialEnv: 'AW_KEY', production: true, ...extra } });

function expectNoSecret(text: string): void {
  for (const s of [AUDIT, BACKEND, SESSION, ...(fake ? [...fake.state.projects.values()].flatMap((p) => p.devKeys.map((k) => k.secret)) : [])]) expect(text.includes(s)).toBe(false);
}

describe('keys list', () => {
  for (const version of ['1.9.6', '2.4.0']) {
    it(`lists name, scopes, expiry, last access, SDKs and age (Appwrite ${version})`, async () => {
      const cwd = await setup(version, (e) => prod(e));
      const r = await run(cwd, ['keys', 'list', '--env', 'prod'], { AW_KEY: AUDIT });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/prod \(production\): project shop at .*, Appwrite /);
      const backend = r.out.split('\n').find((l) => l.trim().startsWith('backend'))!;
      expect(backend).toMatch(/users\.read,users\.write\s+never\s+2026-11-20\s+Node\.js,Web\s+332d\s+stan…#[0-9a-f]{8}/);
      expect(r.out).toContain('laptop');
      expectNoSecret(r.out + r.err);
    });
  }

  it('JSON output with hashes instead of secrets', async () => {
    const cwd = await setup('1.9.6', (e) => prod(e));
    const r = await run(cwd, ['keys', 'list', '--format', 'json'], { AW_KEY: AUDIT });
    const json = JSON.parse(r.out) as { environments: { environment: string; keys: { name: string; expire: string | null; sdks: string[]; secretHash: string }[] }[] };
    expect(json.environments[0]!.keys.map((k) => [k.name, k.expire, k.sdks])).toEqual([
      ['audit', '2027-01-01T00:00:00.000+00:00', ['Node.js']],
      ['backend', null, ['Node.js', 'Web']],
    ]);
    expect(json.environments[0]!.keys[1]!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expectNoSecret(r.out);
  });

  it('Appwrite 1.8.1 reads keys through the console session', async () => {
    const cwd = await setup('1.8.1', (e) => prod(e, { consoleSessionEnv: 'AW_SESSION' }));
    const r = await run(cwd, ['keys', 'list', '--env', 'prod'], { AW_KEY: AUDIT, AW_SESSION: SESSION });
    expect(r.code).toBe(0);
    expect(r.out).toContain('backend');
    expect(fake!.exchanges.find((e) => e.path === '/v1/projects/shop')?.headers['x-sdk-name']).toBe('Console');
    expectNoSecret(r.out + r.err);
  });

  it('Appwrite 1.8.1 without a console session: incomplete (exit 3), says how to fix it', async () => {
    const cwd = await setup('1.8.1', (e) => prod(e));
    const r = await run(cwd, ['keys', 'list'], { AW_KEY: AUDIT });
    expect(r.code).toBe(3);
    expect(r.out).toContain('could not read');
    expect(r.err).toContain('consoleSessionEnv');
  });

  it('a key without keys.read: exit 3 naming the scope', async () => {
    const cwd = await setup('1.9.6', (e) => prod(e));
    fake!.project('shop').keys[0]!.scopes = ['project.read'];
    const r = await run(cwd, ['keys', 'list'], { AW_KEY: AUDIT });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/lacks scope keys\.read/);
  });

  it('usage and input errors exit 2 before any request', async () => {
    const cwd = await setup('1.9.6', (e) => prod(e));
    expect((await run(cwd, ['keys', 'list', '--env', 'stage'], { AW_KEY: AUDIT })).err).toMatch(/unknown environment "stage".*configured environments: prod/);
    const unset = await run(cwd, ['keys', 'list', '--env', 'prod'], {});
    expect([unset.code, /AW_KEY is not set/.test(unset.err)]).toEqual([2, true]);
    expect(fake!.exchanges).toEqual([]);
  });

  it('a secret written into the config instead of a variable name is refused, not echoed', async () => {
    const cwd = await setup('1.9.6', (e) => ({ prod: { endpoint: e, projectId: 'shop', credentialEnv: AUDIT } }));
    const r = await run(cwd, ['keys', 'list'], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('looks like a secret');
    expect(r.err.includes(AUDIT)).toBe(false);
  });
});

describe('keys required-scopes', () => {
  it('prints the read scopes the live audit calls need', async () => {
    const r = await run(os.tmpdir(), ['keys', 'required-scopes']);
    expect(r.code).toBe(0);
    for (const s of ['keys.read', 'project.read', 'project.policies.read', 'platforms.read', 'webhooks.read', 'tables.read', 'users.read']) expect(r.out).toMatch(new RegExp(`^  ${s.replace('.', '\\.')}\\s`, 'm'));
    expect(r.out).not.toMatch(/\.write/);
    expect(r.out).toContain('consoleSessionEnv');
  });

  it('for a 1.8 server, JSON, with the console-only reads', async () => {
    const r = await run(os.tmpdir(), ['keys', 'required-scopes', '--server-version', '1.8.1', '--format', 'json']);
    const json = JSON.parse(r.out) as { scopes: { scope: string }[]; consoleSession: { path: string }[] };
    expect(json.scopes.map((s) => s.scope)).not.toContain('keys.read');
    expect(json.consoleSession.map((c) => c.path)).toContain('/v1/projects/{projectId}');
  });

  it('refuses a version that is not one', async () => {
    expect((await run(os.tmpdir(), ['keys', 'required-scopes', '--server-version', 'latest'])).code).toBe(2);
  });
});
