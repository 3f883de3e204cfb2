/**
 * The stand-in itself, driven only through the official SDKs (and raw fetch where a header must be
 * seen): scope enforcement, key bookkeeping, versions and formats, paging, faults, and every response
 * validated against the spec-derived models.
 */
import { Client as ConsoleClient, Projects } from '@appwrite.io/console';
import { AppwriteException, Client, Project, Query, Storage, TablesDB, Users, Webhooks } from 'node-appwrite';
import { afterEach, describe, expect, it } from 'vitest';
import { findSpecOperation, validateModel, type SchemaFormat } from '../spec-schemas/validate.js';
import { ROUTES, startFakeAppwrite, type FakeAppwrite, type FakeAppwriteOptions } from './index.js';

const SECRET = `standard_${'a1'.repeat(128)}`;
const READ_ALL = ['project.read', 'project.policies.read', 'keys.read', 'platforms.read', 'mocks.read', 'webhooks.read', 'databases.read', 'tables.read', 'buckets.read', 'functions.read', 'users.read', 'teams.read'];

let fake: FakeAppwrite | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(opts: FakeAppwriteOptions & { scopes?: string[]; expire?: string } = {}): Promise<FakeAppwrite> {
  fake = await startFakeAppwrite({
    ...opts,
    seed: opts.seed ?? {
      projects: [
        {
          $id: 'p1',
          keys: [{ name: 'audit', scopes: opts.scopes ?? READ_ALL, secret: SECRET, ...(opts.expire ? { expire: opts.expire } : {}) }],
          platforms: [{ type: 'web', hostname: 'app.example.com' }, { type: 'apple-ios', key: 'com.example.app' }],
          webhooks: [{ url: 'https://hooks.example.com/in', authUsername: 'u', authPassword: 'p4ssw0rd!' }],
          mockNumbers: [{ phone: '+15550100', otp: '123456' }],
          databases: [{ $id: 'db', collections: Array.from({ length: 30 }, (_, i) => ({ $id: `t${String(i).padStart(2, '0')}`, attributes: [{ key: 'n', type: 'integer' as const, required: false }, { key: 's', type: 'string' as const, required: true }] })) }],
          buckets: [{ $id: 'big', totalSize: 9007199254740993n }],
          functions: [{ $id: 'fn', vars: [{ key: 'TOKEN', value: 'x', secret: true }, { key: 'MODE', value: 'live' }] }],
          users: 3,
          teams: 2,
        },
      ],
      consoleSessions: [{ secret: 'console-session-secret', userId: 'owner1' }],
    },
  });
  return fake;
}

const keyClient = (f: FakeAppwrite, secret = SECRET) => new Client().setEndpoint(f.endpoint).setProject('p1').setKey(secret);
const consoleClient = (f: FakeAppwrite, session = 'console-session-secret') => new ConsoleClient().setEndpoint(f.endpoint).setProject('console').setMode('admin').setCookie(`a_session_console=${session}`);

async function failure(p: Promise<unknown>): Promise<AppwriteException> {
  try {
    await p;
  } catch (err) {
    return err as AppwriteException;
  }
  throw new Error('expected the call to fail');
}

function schemaOf(model: string): SchemaFormat {
  return /^[a-z]/.test(model) ? '1.8' : '1.9.5';
}

describe('responses match the spec-derived models', () => {
  for (const version of ['1.8.1', '1.9.6', '2.4.0']) {
    it(`Appwrite ${version}`, async () => {
      const f = await start({ version });
      const c = keyClient(f);
      const settled = (p: Promise<unknown>) => p.then(() => undefined, () => undefined);
      await settled(new TablesDB(c).list());
      await settled(new TablesDB(c).listTables({ databaseId: 'db', queries: [Query.limit(5)] }));
      await settled(new Storage(c).listBuckets());
      await settled(new Users(c).list({ queries: [Query.limit(1)] }));
      await settled(new Project(c).get());
      await settled(new Project(c).listKeys());
      await settled(new Project(c).listPolicies());
      await settled(new Project(c).listPlatforms());
      await settled(new Project(c).listMockPhones());
      await settled(new Webhooks(c).list());
      await settled(new Projects(consoleClient(f)).get({ projectId: 'p1' }));
      await settled(new Projects(consoleClient(f)).listDevKeys({ projectId: 'p1' }));
      await settled(new Projects(consoleClient(f)).listPlatforms({ projectId: 'p1' }));
      await settled(new Projects(consoleClient(f)).listWebhooks({ projectId: 'p1' }));
      await settled(new TablesDB(c).listTables({ databaseId: 'db', queries: ['{"method":"nope"}'] }));
      await settled(new TablesDB(keyClient(f, 'standard_unknown')).list());
      const checked = f.exchanges.filter((e) => e.model);
      expect(checked.length).toBeGreaterThan(10);
      const problems = checked.flatMap((e) => validateModel(schemaOf(e.model!), e.model!, JSON.parse(e.body)).map((p) => `${e.method} ${e.path} (${e.format}): ${p}`));
      expect(problems).toEqual([]);
      // Both formats were exercised on 1.9.5+ servers (console SDK asks for 1.8.0).
      if (version !== '1.8.1') expect(new Set(checked.map((e) => e.format))).toEqual(new Set(['1.8', '1.9.5']));
    });
  }

  it('the validator rejects a model with a missing or an invented field', () => {
    expect(validateModel('1.8', 'keyList', { total: 0, keys: [], extra: 1 })).not.toEqual([]);
    expect(validateModel('1.9.5', 'PolicyList', { total: 1 })).not.toEqual([]);
  });

  it('routes that exist in the 1.8.x spec require the spec scopes', () => {
    const mismatches = ROUTES.flatMap((r) => {
      const op = findSpecOperation(r.method, r.path);
      if (!op || r.access === 'public') return [];
      return JSON.stringify([...op.scopes].sort()) === JSON.stringify([...r.scopes].sort()) ? [] : [`${r.method} ${r.path}: spec ${op.scopes.join('|')}, stand-in ${r.scopes.join('|')}`];
    });
    expect(mismatches).toEqual([]);
    expect(ROUTES.filter((r) => findSpecOperation(r.method, r.path)).length).toBeGreaterThan(10);
  });
});

describe('callers and scopes', () => {
  it('refuses a key without the route scope, naming it', async () => {
    const f = await start({ scopes: ['users.read'] });
    const e = await failure(new Project(keyClient(f)).listKeys());
    expect([e.code, e.type]).toEqual([401, 'general_unauthorized_scope']);
    expect(e.message).toContain('keys.read');
    await expect(new Users(keyClient(f)).list()).resolves.toMatchObject({ total: 3 });
  });

  it('checks expiry before scopes: an expired key gets project_key_expired', async () => {
    const f = await start({ scopes: [], expire: '2026-01-01T00:00:00.000+00:00', now: () => new Date('2026-06-01T00:00:00Z') });
    const e = await failure(new Project(keyClient(f)).listKeys());
    expect([e.code, e.type]).toEqual([401, 'project_key_expired']);
  });

  it('treats an unknown key as a guest and an unknown project as not found', async () => {
    const f = await start();
    const guest = await failure(new Project(keyClient(f, 'standard_nope')).listKeys());
    expect(guest.type).toBe('general_unauthorized_scope');
    expect(guest.message).toContain('(role: guests)');
    const noProject = await failure(new Users(new Client().setEndpoint(f.endpoint).setProject('nope').setKey(SECRET)).list());
    expect([noProject.code, noProject.type]).toEqual([404, 'project_not_found']);
  });

  it('answers health/version without a key and refuses it with one (keys lack the public scope)', async () => {
    const f = await start({ version: '1.8.1' });
    await expect(new Client().setEndpoint(f.endpoint).call('get', new URL(`${f.endpoint}/health/version`))).resolves.toMatchObject({ version: '1.8.1' });
    const e = await failure(keyClient(f).call('get', new URL(`${f.endpoint}/health/version`), { 'X-Appwrite-Project': 'p1' }));
    expect(e.type).toBe('general_unauthorized_scope');
  });

  it('records accessedAt at most once per 24 hours and each SDK name once', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const f = await start({ now: () => now });
    await new Users(keyClient(f)).list();
    expect(f.project('p1').keys[0]!.accessedAt).toBe('2026-03-01T08:00:00.000+00:00');
    now = new Date('2026-03-01T20:00:00Z');
    await new Users(keyClient(f)).list();
    expect(f.project('p1').keys[0]!.accessedAt).toBe('2026-03-01T08:00:00.000+00:00');
    now = new Date('2026-03-02T09:00:00Z');
    await new Users(keyClient(f).addHeader('x-sdk-name', 'Web')).list();
    await new Users(keyClient(f)).list();
    expect(f.project('p1').keys[0]!.accessedAt).toBe('2026-03-02T09:00:00.000+00:00');
    expect(f.project('p1').keys[0]!.sdks).toEqual(['Node.js', 'Web']);
  });

  it('handles JWT callers: invalid token, token plus cookie', async () => {
    const f = await start();
    const jwt = await failure(new Users(new Client().setEndpoint(f.endpoint).setProject('p1').setJWT('bad')).list());
    expect([jwt.code, jwt.type]).toEqual([401, 'user_jwt_invalid']);
    const both = await failure(new Users(new Client().setEndpoint(f.endpoint).setProject('p1').setJWT('bad').setCookie('a_session_p1=x')).list());
    expect([both.code, both.type]).toEqual([403, 'user_jwt_and_cookie_set']);
    f.state.jwts.set('good-jwt', { projectId: 'p1', userId: 'user1', expire: '2999-01-01T00:00:00.000+00:00' });
    const user = await failure(new Users(new Client().setEndpoint(f.endpoint).setProject('p1').setJWT('good-jwt')).list());
    expect([user.code, user.type]).toEqual([401, 'general_unauthorized_scope']);
    expect(user.message).toContain('(role: users)');
  });
});

describe('version switch', () => {
  it('1.8.x: key management only through the console, with a session', async () => {
    const f = await start({ version: '1.8.1' });
    const e = await failure(new Project(keyClient(f)).listKeys());
    expect([e.code, e.type]).toEqual([404, 'general_route_not_found']);
    const viaKey = await failure(new Projects(new ConsoleClient().setEndpoint(f.endpoint).setProject('p1').setKey(SECRET)).listKeys({ projectId: 'p1' }));
    expect(viaKey.type).toBe('general_unauthorized_scope');
    const noSession = await failure(new Projects(consoleClient(f, 'wrong')).get({ projectId: 'p1' }));
    expect([noSession.code, noSession.type]).toEqual([401, 'general_unauthorized_scope']);
    const project = await new Projects(consoleClient(f)).get({ projectId: 'p1' });
    expect(project.keys).toHaveLength(1);
    expect(project.authDuration).toBe(31536000);
    expect(project.webhooks[0]).toMatchObject({ security: true, httpUser: 'u' });
  });

  it('1.9.5+: keys with keys.read use /v1/project/keys; old paths are aliases; console gets the legacy model', async () => {
    const f = await start({ version: '1.9.6' });
    expect((await new Project(keyClient(f)).listKeys()).total).toBe(1);
    const alias = await new Projects(new ConsoleClient().setEndpoint(f.endpoint).setProject('p1').setKey(SECRET)).listKeys({ projectId: 'p1' });
    expect(alias.total).toBe(1);
    const slim = (await new Project(keyClient(f)).get()) as unknown as Record<string, unknown>;
    expect(slim.authDuration).toBeUndefined();
    expect(slim.authMethods).toContainEqual({ $id: 'email-password', enabled: true });
    const legacy = await new Projects(consoleClient(f)).get({ projectId: 'p1' });
    expect(legacy.authDuration).toBe(31536000);
    const hooks = await new Webhooks(keyClient(f)).list();
    expect(hooks.webhooks[0]).toMatchObject({ tls: true, authUsername: 'u', secret: '' });
    const policies = await new Project(keyClient(f)).listPolicies();
    expect(policies.policies.map((p) => p.$id)).not.toContain('deny-free-email');
  });

  it('2.x (Cloud): adds the deny-* e-mail policies', async () => {
    const f = await start({ version: '2.4.0' });
    const policies = await new Project(keyClient(f)).listPolicies();
    expect(policies.policies.map((p) => p.$id)).toContain('deny-free-email');
  });

  it('revives int64 values as BigInt in node-appwrite', async () => {
    const f = await start();
    const buckets = await new Storage(keyClient(f)).listBuckets();
    expect(buckets.buckets[0]!.totalSize).toBe(9007199254740993n);
  });
});

describe('queries and paging', () => {
  it('defaults to 25, pages with cursorAfter and offset, counts the total', async () => {
    const f = await start();
    const t = new TablesDB(keyClient(f));
    const first = await t.listTables({ databaseId: 'db' });
    expect([first.total, first.tables.length]).toEqual([30, 25]);
    const next = await t.listTables({ databaseId: 'db', queries: [Query.limit(10), Query.cursorAfter('t24')] });
    expect(next.tables.map((x) => x.$id)).toEqual(['t25', 't26', 't27', 't28', 't29']);
    const off = await t.listTables({ databaseId: 'db', queries: [Query.limit(2), Query.offset(3)] });
    expect(off.tables.map((x) => x.$id)).toEqual(['t03', 't04']);
    expect((await t.listTables({ databaseId: 'db', total: false })).total).toBe(0);
  });

  it('rejects an unknown cursor and a malformed query', async () => {
    const f = await start();
    const t = new TablesDB(keyClient(f));
    expect((await failure(t.listTables({ databaseId: 'db', queries: [Query.cursorAfter('gone')] }))).type).toBe('general_cursor_not_found');
    expect((await failure(t.listTables({ databaseId: 'db', queries: ['{not json'] }))).type).toBe('general_query_invalid');
    expect((await failure(t.listTables({ databaseId: 'nope' }))).type).toBe('database_not_found');
  });
});

describe('faults', () => {
  it('429 carries X-RateLimit-* headers and an Appwrite body, for as many requests as asked', async () => {
    const f = await start();
    f.inject({ kind: 'rate-limit', resetInSeconds: 30, limit: 60, times: 1, match: { path: '/v1/users' } });
    const res = await fetch(`${f.endpoint}/users`, { headers: { 'x-appwrite-project': 'p1', 'x-appwrite-key': SECRET } });
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-limit')).toBe('60');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 + 20);
    expect(await res.json()).toMatchObject({ code: 429, type: 'general_rate_limit_exceeded' });
    await expect(new Users(keyClient(f)).list()).resolves.toMatchObject({ total: 3 });
  });

  it('5xx with a JSON or an HTML body, dropped connections and latency', async () => {
    const f = await start();
    f.inject({ kind: 'status', status: 503, times: 1 });
    const json = await failure(new Users(keyClient(f)).list());
    expect([json.code, json.type]).toEqual([503, 'general_unknown']);
    f.inject({ kind: 'status', status: 502, body: 'html', times: 1 });
    const html = await failure(new Users(keyClient(f)).list());
    expect(html.code).toBe(502);
    f.inject({ kind: 'reset', times: 1 });
    const reset = await failure(new Users(keyClient(f)).list());
    expect(reset).toBeInstanceOf(TypeError);
    f.inject({ kind: 'latency', ms: 120, times: 1 });
    const t0 = Date.now();
    await new Users(keyClient(f)).list();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
  });
});
