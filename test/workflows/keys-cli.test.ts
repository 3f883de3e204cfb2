/**
 * `keys audit`, `keys create` and `keys revoke --break-glass` through the CLI against the stand-in.
 * Every secret is a canary: none may appear in stdout, stderr or the store.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, cli, FLAVOURS, keysNamed, OLD_SECRET, SESSION, setup, store, storeDump, type Env } from './harness.js';

let e: Env | undefined;
afterEach(async () => {
  await e?.cleanup();
  e = undefined;
});

const noCanary = (text: string, extra: string[] = []) => {
  for (const s of [ADMIN, OLD_SECRET, SESSION, ...extra]) expect(text.includes(s), 'a raw secret leaked').toBe(false);
};

describe('keys audit', () => {
  it('reports keys against the policy and exits 1 on high findings', async () => {
    e = await setup('1.9.6', { keys: { services: { 'orders-api': { scopes: ['rows.read', 'rows.write'], environments: ['prod'] }, 'billing-fn': { scopes: ['users.read'] } } } });
    const r = await cli(e, ['keys', 'audit', '--env', 'prod', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { findings: { checkId: string; status: string; resource?: { id: string } }[] };
    const failing = report.findings.filter((f) => f.status === 'fail').map((f) => `${f.checkId} ${f.resource?.id}`).sort();
    expect(failing, JSON.stringify(failing)).toEqual(['keys/expiry-set oldkey', 'keys/keys-rotated oldkey', 'keys/scopes-within-policy oldkey', 'keys/service-keys-present prod:billing-fn']);
    noCanary(r.out + r.err);
  });

  it('derives a service\'s scopes from its code (derive: code)', async () => {
    e = await setup('1.9.6', { keys: { services: { 'orders-api': { derive: 'code', paths: ['services/orders'], environments: ['prod'] } } } });
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(path.join(e.dir, 'services/orders'), { recursive: true });
    await writeFile(
      path.join(e.dir, 'services/orders/db.ts'),
      "import { Client, TablesDB } from 'node-appwrite';\nconst client = new Client().setEndpoint('https://a.example/v1').setProject('shop').setKey(process.env.APPWRITE_API_KEY!);\nconst db = new TablesDB(client);\nexport const list = () => db.listRows({ databaseId: 'shop', tableId: 'orders' });\nexport const add = (data: object) => db.createRow({ databaseId: 'shop', tableId: 'orders', rowId: 'unique()', data });\n",
    );
    const r = await cli(e, ['keys', 'audit', '--env', 'prod', '--format', 'json']);
    const report = JSON.parse(r.out) as { findings: { checkId: string; status: string; message: string }[] };
    const over = report.findings.filter((f) => f.checkId === 'keys/scopes-within-policy' && f.status === 'fail');
    expect(over.map((f) => f.message)).toEqual(['prod: key "orders-api-prod" of service orders-api holds users.write beyond its policy (derived from services/orders).']);
  });

  it('says how to write a policy when there is none', async () => {
    e = await setup('1.9.6', { keys: { services: {} } });
    const r = await cli(e, ['keys', 'audit', '--env', 'prod']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no key policy.*keys:/s);
  });
});

describe('keys create', () => {
  it('creates the service key with the policy scopes and expiry; the secret only reaches the sink', async () => {
    e = await setup('1.9.6', { keys: { services: { 'billing-fn': { scopes: ['users.read'], sink: { dotenv: { path: 'billing/.env.{env}', variable: 'BILLING_KEY' } } } } } });
    await (await import('node:fs/promises')).mkdir(path.join(e.dir, 'billing'));
    const r = await cli(e, ['keys', 'create', '--service', 'billing-fn', '--env', 'prod']);
    expect(r.code, r.err).toBe(0);
    const [k] = keysNamed(e, 'billing-fn-prod');
    expect(k!.scopes).toEqual(['users.read']);
    expect(Date.parse(k!.expire) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const file = path.join(e.dir, 'billing/.env.prod');
    expect(await readFile(file, 'utf8')).toBe(`BILLING_KEY=${k!.secret}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    noCanary(r.out + r.err + (await storeDump(e)), [k!.secret]);
    // A second create is refused: that is a rotation.
    const again = await cli(e, ['keys', 'create', '--service', 'billing-fn', '--env', 'prod']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists.*keys rotate/s);
  });

  it('prints the secret only with --show-secret', async () => {
    e = await setup('2.4.0', { keys: { services: { 'billing-fn': { scopes: ['users.read'] } } } });
    const r = await cli(e, ['keys', 'create', '--service', 'billing-fn', '--env', 'prod', '--show-secret']);
    expect(r.code, r.err).toBe(0);
    const [k] = keysNamed(e, 'billing-fn-prod');
    expect(r.out).toBe(`${k!.secret}\n`);
    expect(r.err).not.toContain(k!.secret);
  });

  it('deletes the key again when the sink fails', async () => {
    e = await setup('1.8.1', { keys: { services: { 'billing-fn': { scopes: ['users.read'] } } } });
    const r = await cli(e, ['keys', 'create', '--service', 'billing-fn', '--env', 'prod', '--sink', 'command:cat >/dev/null; echo refused >&2; exit 4']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/could not be delivered.*\(exit 4\): refused.*deleted again/s);
    expect(keysNamed(e, 'billing-fn-prod')).toEqual([]);
  });
});

describe.each(FLAVOURS)('keys revoke --break-glass on $label', ({ version }) => {
  it('records evidence first, deletes the key, opens an incident, delivers a replacement', async () => {
    e = await setup(version);
    const r = await cli(e, ['keys', 'revoke', 'oldkey', '--env', 'prod', '--break-glass', '--replace', '--sink', `dotenv:${e.dotenv}`]);
    expect(r.code, r.err).toBe(0);
    const keys = keysNamed(e, 'orders-api-prod');
    expect(keys.map((k) => k.$id)).not.toContain('oldkey');
    expect(keys).toHaveLength(1);
    expect(keys[0]!.scopes.sort()).toEqual(['rows.read', 'rows.write']);
    expect(/APPWRITE_API_KEY=(.*)/.exec(await readFile(e.dotenv, 'utf8'))?.[1]).toBe(keys[0]!.secret);
    const s = await store(e);
    const evidence = await s.listEvidence();
    const incidents = await s.listStates('incident');
    await s.close();
    expect(evidence.map((x) => x.kind)).toEqual(['key.revoke.evidence', 'key.revoked', 'key.replaced']);
    const first = evidence[0]!.data as { key: { id: string; accessedAt: string; sdks: string[]; secretPreview: string; scopes: string[] }; recentActivity: { available: boolean } };
    expect(first.key).toMatchObject({ id: 'oldkey', accessedAt: '2026-01-01T00:00:00.000+00:00', sdks: ['Node.js'], scopes: ['rows.read', 'rows.write', 'users.write'] });
    expect(first.key.secretPreview).toMatch(/^stan…#[0-9a-f]{8}$/);
    expect(first.recentActivity.available).toBe(false);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.state).toMatchObject({ type: 'api-key-compromise', status: 'open', action: 'deleted', key: { id: 'oldkey' }, replacement: { name: 'orders-api-prod' } });
    noCanary(r.out + r.err + (await storeDump(e)), [keys[0]!.secret]);
  });
});

describe('keys revoke', () => {
  it('refuses without --break-glass and changes nothing', async () => {
    e = await setup('1.9.6');
    const r = await cli(e, ['keys', 'revoke', 'oldkey', '--env', 'prod']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--break-glass/);
    expect(keysNamed(e, 'orders-api-prod').map((k) => k.$id)).toEqual(['oldkey']);
  });

  it('a 1.8 server without a console session: says how to fix it', async () => {
    e = await setup('1.8.1');
    delete e.vars.CONSOLE_SESSION;
    const r = await cli(e, ['keys', 'revoke', 'oldkey', '--env', 'prod', '--break-glass']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/only through the console.*consoleSessionEnv/s);
  });
});
