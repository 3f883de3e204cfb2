/**
 * `keys rotate` end to end through the CLI, on each server flavour: 1.8 (console session), 1.9.x and
 * 2.x (an API key with keys.write). Also dry-run and the waiting state. Secrets are canaries.
 */
import { stat, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, cli, dotenvValue, FLAVOURS, keysNamed, OLD_SECRET, SESSION, setup, storeDump, type Env } from './harness.js';

let e: Env | undefined;
afterEach(async () => {
  await e?.cleanup();
  e = undefined;
});

function noCanary(text: string, extra: string[] = []) {
  for (const s of [ADMIN, OLD_SECRET, SESSION, ...extra]) expect(text.includes(s), 'a raw secret leaked').toBe(false);
}

describe.each(FLAVOURS)('keys rotate on $label', ({ version }) => {
  it('rotates end to end: one key with the policy scopes, the sink holds it, nothing leaks', async () => {
    e = await setup(version);
    const r = await cli(e, ['keys', 'rotate', 'orders-api', '--env', 'prod', '--yes', '--sink', `dotenv:${e.dotenv}:APPWRITE_API_KEY`, '--validate-with', 'test "$APPWRITE_SECOPS_OLD_KEY_ID" = oldkey', '--idle-window', '0']);
    expect(r.err).not.toMatch(/Error:/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rotated "orders-api-prod": oldkey -> r\d{14}oldkey/);
    const keys = keysNamed(e, 'orders-api-prod');
    expect(keys).toHaveLength(1);
    expect(keys[0]!.scopes.sort()).toEqual(['rows.read', 'rows.write']);
    expect(keys[0]!.expire).not.toBe('');
    const secret = keys[0]!.secret;
    expect(await dotenvValue(e)).toBe(secret);
    const text = await readFile(e.dotenv, 'utf8');
    expect(text).toContain('# orders-api production\nAPPWRITE_ENDPOINT=https://appwrite.example.com/v1\n');
    expect(text).toContain('OTHER=keep me\n');
    expect((await stat(e.dotenv)).mode & 0o777).toBe(0o600);
    // Managed the way the flavour requires.
    const creates = e.fake.exchanges.filter((x) => x.method === 'POST' && /keys$/.test(x.path));
    expect(creates.map((x) => x.path)).toEqual([version.startsWith('1.8') ? '/v1/projects/shop/keys' : '/v1/project/keys']);
    const dump = await storeDump(e);
    expect(dump).toContain('key.rotated');
    noCanary(r.out + r.err + dump, [secret]);
  });
});

describe('keys rotate, before and between steps', () => {
  it('--dry-run shows the plan and changes nothing', async () => {
    e = await setup('1.9.6');
    const before = await readFile(e.dotenv, 'utf8');
    const r = await cli(e, ['keys', 'rotate', 'orders-api', '--env', 'prod', '--dry-run', '--sink', `dotenv:${e.dotenv}`]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Dry run: nothing was changed.');
    expect(r.out).toMatch(/scope change: -users\.write/);
    expect(e.fake.exchanges.filter((x) => x.method !== 'GET')).toEqual([]);
    expect(keysNamed(e, 'orders-api-prod').map((k) => k.$id)).toEqual(['oldkey']);
    expect(await readFile(e.dotenv, 'utf8')).toBe(before);
    expect(await storeDump(e)).not.toContain('key.rotation');
  });

  it('waits (exit 3) while traffic has not moved, keeps the old key, and finishes on --resume', async () => {
    e = await setup('1.9.6');
    const first = await cli(e, ['keys', 'rotate', 'orders-api', '--env', 'prod', '--yes', '--sink', `dotenv:${e.dotenv}`, '--idle-window', '1h']);
    expect(first.code).toBe(3);
    expect(first.out).toMatch(/waiting for validation/);
    expect(first.out).toMatch(/has not been used yet/);
    expect(keysNamed(e, 'orders-api-prod')).toHaveLength(2);
    // A second start is refused while one is unfinished.
    const again = await cli(e, ['keys', 'rotate', 'orders-api', '--env', 'prod', '--yes', '--sink', `dotenv:${e.dotenv}`]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/in progress.*--resume/s);
    // The probe is the fast path; the idle window still applies and 0 means none.
    const done = await cli(e, ['keys', 'rotate', 'orders-api', '--env', 'prod', '--resume', '--yes', '--validate-with', 'true', '--idle-window', '0']);
    expect(done.code).toBe(0);
    expect(keysNamed(e, 'orders-api-prod')).toHaveLength(1);
    expect(await dotenvValue(e)).toBe(keysNamed(e, 'orders-api-prod')[0]!.secret);
  });

  it('never deletes the old key before validation passes, unless --force', async () => {
    e = await setup('2.4.0');
    const failing = await cli(e, ['keys', 'rotate', 'orders-api', '--env', 'prod', '--yes', '--sink', `dotenv:${e.dotenv}`, '--validate-with', 'exit 7', '--idle-window', '0']);
    expect(failing.code).toBe(3);
    expect(failing.out).toMatch(/the probe failed: exit 7/);
    expect(keysNamed(e, 'orders-api-prod').map((k) => k.$id)).toContain('oldkey');
    const forced = await cli(e, ['keys', 'rotate', 'orders-api', '--env', 'prod', '--resume', '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/WITHOUT passing validation/);
    expect(keysNamed(e, 'orders-api-prod').map((k) => k.$id)).not.toContain('oldkey');
  });

  it('refuses to run without a terminal unless --yes', async () => {
    e = await setup('1.9.6');
    const r = await cli(e, ['keys', 'rotate', 'orders-api', '--env', 'prod', '--sink', `dotenv:${e.dotenv}`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--yes/);
    expect(e.fake.exchanges.filter((x) => x.method !== 'GET')).toEqual([]);
  });
});
