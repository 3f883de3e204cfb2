/**
 * The live audit end to end: real collectors, checks and reporters, the official SDKs, and the Appwrite
 * stand-in on 127.0.0.1 in each version flavour, with missing scopes, expired keys, 429 storms, 5xx and
 * dropped connections. Every stand-in response is validated against the spec-derived models, and no
 * report may contain a raw secret.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../core/errors.js';
import { exitCodeFor } from '../core/result.js';
import { startFakeAppwrite, type FakeAppwrite, type ProjectSeed } from '../../test/support/fake-appwrite/index.js';
import { runLiveAudit, workspace, type EnvSpec, type Workspace } from '../../test/support/fake-appwrite/live-harness.js';
import { validateModel } from '../../test/support/spec-schemas/validate.js';
import { requiredScopes } from './operations.js';

// The environments and live sections as the lead will wire them into the root config schema.
vi.mock('../core/config-sections.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../core/config-sections.js')>();
  const { liveConfigSection } = await import('./config.js');
  return { areaSections: { ...orig.areaSections, ...liveConfigSection } };
});

const NOW = new Date('2026-11-29T12:00:00Z');
const AUDIT_KEY = `standard_${'c0ffee'.repeat(42)}c0ff`;
const COPIED_KEY = `standard_${'5ca1ab1e'.repeat(32)}`;
const SMTP_PASSWORD = 'Smtp-Pa55word-canary-77';
const STRIPE = 'sk_live_CANARYlivefunctionvar9';
const SESSION = 'console-session-canary-1234567890';
const READ_SCOPES = requiredScopes('1.9.6').key.map((s) => s.scope);

function insecureShop(over: Partial<ProjectSeed> = {}): ProjectSeed {
  return {
    $id: 'shop',
    name: 'Shop',
    keys: [
      { name: 'audit', scopes: READ_SCOPES, secret: AUDIT_KEY, expire: '2027-01-01T00:00:00.000+00:00' },
      { name: 'legacy-backend', scopes: ['users.read', 'users.write', 'keys.write'], secret: COPIED_KEY, expire: '', accessedAt: '2026-05-01T00:00:00.000+00:00', sdks: ['Node.js', 'Web'] },
      { name: 'old', scopes: ['users.read'], expire: '2026-06-01T00:00:00.000+00:00', accessedAt: '2026-05-30T00:00:00.000+00:00' },
    ],
    devKeys: [{ name: 'laptop', expire: '2027-03-01T00:00:00.000+00:00' }],
    platforms: [{ type: 'web', hostname: '*' }, { type: 'web', hostname: 'localhost' }, { type: 'web', hostname: 'shop.example.com' }],
    webhooks: [{ url: 'http://hooks.example.com/in', tls: false, authUsername: 'hook', authPassword: 'hook-password-canary-1' }],
    smtp: { enabled: false, password: SMTP_PASSWORD },
    authMethods: { anonymous: true },
    mockNumbers: [{ phone: '+15550100', otp: '123456' }],
    oauthProviders: [{ key: 'github', name: 'GitHub', appId: 'app', secret: 'oauth-secret-canary-42', enabled: true }],
    databases: [{ $id: 'main', collections: [{ $id: 'orders', $permissions: ['read("users")', 'write("any")'], security: false, attributes: [{ key: 'email', type: 'string', required: true }] }] }],
    buckets: [{ $id: 'uploads', $permissions: ['read("users")'], totalSize: 9007199254740993n, maximumFileSize: 9007199254740993n }],
    functions: [{ $id: 'checkout', execute: ['users'], scopes: ['users.read'], vars: [{ key: 'STRIPE_SECRET', value: STRIPE, secret: false }] }],
    users: 5,
    teams: 2,
    ...over,
  };
}

let fake: FakeAppwrite | undefined;
let ws: Workspace | undefined;
afterEach(async () => {
  await fake?.close();
  await ws?.cleanup();
  fake = undefined;
  ws = undefined;
});

async function setup(version: string, projects: ProjectSeed[], envs: (endpoint: string) => Record<string, EnvSpec>, extra: Parameters<typeof workspace>[1] = {}) {
  fake = await startFakeAppwrite({ version, now: () => NOW, seed: { projects, consoleSessions: [{ secret: SESSION, userId: 'owner' }] } });
  ws = await workspace(envs(fake.endpoint), extra);
  return { fake, ws };
}

const prodEnv = (endpoint: string, over: Partial<EnvSpec> = {}): Record<string, EnvSpec> => ({ prod: { endpoint, projectId: 'shop', credentialEnv: 'AW_PROD_KEY', production: true, ...over } });
const VARS = { AW_PROD_KEY: AUDIT_KEY, AW_PROD_SESSION: SESSION };

function allSecrets(f: FakeAppwrite): string[] {
  return [...f.state.projects.values()].flatMap((p) => [
    ...p.keys.map((k) => k.secret),
    ...p.devKeys.map((k) => k.secret),
    ...p.webhooks.flatMap((w) => [w.secret, w.authPassword]),
    p.smtp.password,
    ...p.oauthProviders.map((o) => o.secret),
    ...p.functions.flatMap((fn) => fn.vars.map((v) => v.value)),
  ]).filter((s) => s.length >= 8).concat([SESSION]);
}

function expectNoSecrets(output: string, f: FakeAppwrite): void {
  for (const s of allSecrets(f)) expect(output.includes(s), `a secret (${s.slice(0, 4)}…) leaked into the report`).toBe(false);
  expect(output).not.toContain('user1@example.test');
}

function expectSpecValid(f: FakeAppwrite): void {
  const problems = f.exchanges.filter((e) => e.model).flatMap((e) => validateModel(/^[a-z]/.test(e.model!) ? '1.8' : '1.9.5', e.model!, JSON.parse(e.body)).map((p) => `${e.method} ${e.path}: ${p}`));
  expect(problems).toEqual([]);
}

const EXPECTED_FAILING = [
  'live/platforms-restricted',
  'live/webhooks-secure',
  'live/smtp-configured',
  'live/keys-expire',
  'live/no-expired-keys',
  'live/keys-recently-used',
  'live/key-scopes-least-privilege',
  'live/keys-not-used-by-clients',
  'live/no-dev-keys-in-production',
  'auth/no-mock-numbers',
  'auth/risky-methods-disabled',
  'auth/policies-meet-baseline',
  'permissions/no-public-write',
];

describe('live audit per version flavour', () => {
  const flavours: { version: string; env: (e: string) => Record<string, EnvSpec>; extra: string[]; cloudPasses: string[] }[] = [
    { version: '1.8.1', env: (e: string) => prodEnv(e, { consoleSessionEnv: 'AW_PROD_SESSION' }), extra: ['live/server-version-current'], cloudPasses: [] },
    { version: '1.9.6', env: (e: string) => prodEnv(e), extra: [], cloudPasses: [] },
    // Cloud sends security e-mails itself: no custom SMTP is fine there.
    { version: '2.4.0', env: (e: string) => prodEnv(e), extra: [], cloudPasses: ['live/smtp-configured'] },
  ];
  for (const fl of flavours) {
    it(`Appwrite ${fl.version}: finds the insecure settings, keys and permissions; reports no secret`, async () => {
      const { fake: f, ws: w } = await setup(fl.version, [insecureShop()], fl.env);
      const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
      const failing = new Set(run.result.findings.filter((x) => x.status === 'fail').map((x) => x.checkId));
      for (const id of [...EXPECTED_FAILING, ...fl.extra]) expect(failing.has(id), `${id} on ${fl.version}`).toBe(!fl.cloudPasses.includes(id));
      expect(run.errors().map((e) => e.message)).toEqual([]);
      expect(exitCodeFor(run.result.summary)).toBe(1);
      expect(run.failing('permissions/no-public-write')[0]?.location?.path).toBe(`${f.endpoint}/tablesdb/main/tables/orders`);
      expect(run.result.inputs.map((i) => i.kind)).toContain('appwrite-live');
      expectNoSecrets(run.output, f);
      expectSpecValid(f);
      // The audit key was called from the server SDK, and its use recorded.
      expect(f.project('shop').keys[0]!.sdks).toContain('Node.js');
      if (fl.version === '1.8.1') expect(f.exchanges.some((e) => e.path === '/v1/projects/shop' && e.headers['x-sdk-name'] === 'Console')).toBe(true);
      else expect(f.exchanges.some((e) => e.path.startsWith('/v1/projects/'))).toBe(false);
    });
  }

  it('Appwrite 1.8.1 without a console session: settings, keys, platforms and webhooks are "could not tell", naming the fix', async () => {
    const { ws: w } = await setup('1.8.1', [insecureShop()], (e) => prodEnv(e));
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    for (const id of ['live/platforms-restricted', 'live/webhooks-secure', 'live/keys-expire', 'live/no-dev-keys-in-production', 'permissions/config-valid']) {
      const errs = run.errors(id);
      expect(errs.length, id).toBeGreaterThan(0);
      expect(errs[0]!.message).toContain('consoleSessionEnv');
    }
    // What the key can read is still judged.
    expect(run.failing('permissions/no-public-write').length).toBeGreaterThan(0);
    expect(run.result.summary.complete).toBe(false);
  });
});

describe('credentials and scopes', () => {
  it('a missing scope becomes an error finding that names it; the rest is judged', async () => {
    const shop = insecureShop();
    shop.keys![0]!.scopes = READ_SCOPES.filter((s) => s !== 'keys.read' && s !== 'webhooks.read');
    const { ws: w } = await setup('1.9.6', [shop], (e) => prodEnv(e));
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    for (const id of ['live/keys-expire', 'live/keys-not-used-by-clients', 'live/key-scopes-least-privilege']) {
      expect(run.errors(id)[0]?.message, id).toMatch(/lacks scope keys\.read/);
      expect(run.errors(id)[0]?.evidence?.scopesNeeded).toBe('keys.read');
    }
    expect(run.errors('live/webhooks-secure')[0]?.message).toMatch(/webhooks\.read/);
    expect(run.failing('live/platforms-restricted').length).toBeGreaterThan(0);
    expect(run.result.summary.complete).toBe(false);
  });

  it('an expired audit key: nothing is judged as passing, the run is incomplete', async () => {
    const shop = insecureShop();
    shop.keys![0]!.expire = '2026-11-01T00:00:00.000+00:00';
    const { ws: w } = await setup('1.9.6', [shop], (e) => prodEnv(e));
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    expect(run.errors('live/keys-expire')[0]?.message).toContain('the audit key has expired');
    expect(run.errors('live/platforms-restricted').length).toBe(1);
    expect(run.result.findings.filter((x) => x.checkId.startsWith('live/') && x.status === 'pass').map((x) => x.checkId).sort()).toEqual(['live/key-secrets-unique', 'live/project-matches-config', 'live/server-version-current']);
    expect(exitCodeFor(run.result.summary)).toBe(3);
  });

  it('a key of another project is treated as a guest and said so', async () => {
    const { ws: w } = await setup('1.9.6', [insecureShop()], (e) => prodEnv(e));
    const run = await runLiveAudit(w, { envs: ['prod'], vars: { AW_PROD_KEY: `standard_${'00'.repeat(128)}` }, now: NOW });
    expect(run.errors('live/keys-expire')[0]?.message).toContain('treated the request as a guest');
  });

  it('unknown environments and unset variables stop the run before any request (exit 2)', async () => {
    const { fake: f, ws: w } = await setup('1.9.6', [insecureShop()], (e) => prodEnv(e));
    await expect(runLiveAudit(w, { envs: ['staging'], vars: VARS })).rejects.toThrow(InputError);
    await expect(runLiveAudit(w, { envs: ['staging'], vars: VARS })).rejects.toThrow(/unknown environment "staging".*/);
    await expect(runLiveAudit(w, { envs: ['prod'], vars: {} })).rejects.toThrow(/AW_PROD_KEY is not set/);
    expect(f.exchanges).toEqual([]);
  });
});

describe('faults', () => {
  it('a 429 storm is waited out by X-RateLimit-Reset, then read', async () => {
    const { fake: f, ws: w } = await setup('1.9.6', [insecureShop()], (e) => prodEnv(e));
    f.inject({ kind: 'rate-limit', resetInSeconds: 1, times: 2, match: { path: '/v1/project/keys' } });
    const t0 = Date.now();
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(f.exchanges.filter((e) => e.path === '/v1/project/keys').map((e) => e.status)).toEqual([429, 429, 200]);
    expect(run.errors()).toEqual([]);
    expect(run.failing('live/keys-expire').length).toBe(1);
  });

  it('a rate-limit window longer than the allowed wait fails that read at once', async () => {
    const { fake: f, ws: w } = await setup('1.9.6', [insecureShop()], (e) => prodEnv(e));
    f.inject({ kind: 'rate-limit', resetInSeconds: 3600, match: { path: '/v1/webhooks' } });
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    expect(run.errors('live/webhooks-secure')[0]?.message).toMatch(/rate limited until/);
    expect(f.exchanges.filter((e) => e.path === '/v1/webhooks')).toHaveLength(1);
  });

  it('5xx answers and dropped connections are retried with backoff', async () => {
    const { fake: f, ws: w } = await setup('1.9.6', [insecureShop()], (e) => prodEnv(e));
    f.inject({ kind: 'status', status: 503, times: 2, match: { path: '/v1/storage/buckets' } });
    f.inject({ kind: 'status', status: 502, body: 'html', times: 1, match: { path: '/v1/project/platforms' } });
    f.inject({ kind: 'reset', times: 1, match: { path: '/v1/project' } });
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    expect(run.errors()).toEqual([]);
    expect(f.exchanges.filter((e) => e.path === '/v1/storage/buckets').map((e) => e.status)).toEqual([503, 503, 200]);
    expect(run.failing('live/smtp-configured').length).toBe(1);
  });

  it('a server that keeps failing becomes an error finding, after the configured retries', async () => {
    const { fake: f, ws: w } = await setup('1.9.6', [insecureShop()], (e) => prodEnv(e), { live: { maxRetries: 1 } });
    f.inject({ kind: 'status', status: 500, match: { path: '/v1/webhooks' } });
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    expect(run.errors('live/webhooks-secure')[0]?.message).toMatch(/server failed \(500 general_unknown\) after retries/);
    expect(f.exchanges.filter((e) => e.path === '/v1/webhooks')).toHaveLength(2);
  });
});

describe('across environments and sources', () => {
  it('the same key secret in two environments is found by hash and never printed', async () => {
    const dev: ProjectSeed = { $id: 'shop-dev', keys: [{ name: 'audit', scopes: READ_SCOPES, secret: `standard_${'de'.repeat(128)}` }, { name: 'copied-from-prod', scopes: ['users.read'], secret: COPIED_KEY }] };
    const { fake: f, ws: w } = await setup('1.9.6', [insecureShop(), dev], (e) => ({ ...prodEnv(e), dev: { endpoint: e, projectId: 'shop-dev', credentialEnv: 'AW_DEV_KEY' } }));
    const run = await runLiveAudit(w, { all: true, vars: { ...VARS, AW_DEV_KEY: `standard_${'de'.repeat(128)}` }, now: NOW });
    const shared = run.failing('live/key-secrets-unique');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.message).toContain('dev: key "copied-from-prod"');
    expect(shared[0]!.message).toContain('prod: key "legacy-backend"');
    expect(shared[0]!.severity).toBe('critical');
    expectNoSecrets(run.output, f);
  });

  it('drift from appwrite.json, and the file-based permission checks on live state (one implementation, two sources)', async () => {
    const file = { projectId: 'shop', databases: [{ $id: 'main', name: 'main' }], tablesDB: [{ $id: 'main', name: 'main' }], tables: [{ $id: 'orders', $permissions: ['read("users")'], databaseId: 'main', name: 'orders', rowSecurity: false, columns: [], indexes: [] }] };
    const { ws: w } = await setup('1.9.6', [insecureShop()], (e) => prodEnv(e), { files: { 'appwrite.config.json': JSON.stringify(file, null, 2) } });
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    const drift = run.failing('live/project-matches-config');
    expect(drift.find((d) => d.resource?.id === 'main/orders')?.message).toMatch(/live adds write\("any"\)/);
    expect(drift.some((d) => d.resource?.id === 'uploads' && /not declared/.test(d.message))).toBe(true);
    // The same no-public-write check judged the live table (the file has no public write).
    const publicWrite = run.failing('permissions/no-public-write');
    expect(publicWrite.length).toBeGreaterThan(0);
    expect(new Set(publicWrite.map((x) => x.location?.path))).toEqual(new Set([expect.stringMatching(/\/tablesdb\/main\/tables\/orders$/)]));
  });

  it('pages through long lists to the end', async () => {
    const tables = Array.from({ length: 130 }, (_, i) => ({ $id: `t${String(i).padStart(3, '0')}`, $permissions: i === 129 ? ['write("any")'] : [] }));
    const { fake: f, ws: w } = await setup('1.9.6', [insecureShop({ databases: [{ $id: 'main', collections: tables }] })], (e) => prodEnv(e));
    const run = await runLiveAudit(w, { envs: ['prod'], vars: VARS, now: NOW });
    expect(run.failing('permissions/no-public-write').map((x) => x.resource?.id)).toContain('main/t129');
    const pages = f.exchanges.filter((e) => e.path === '/v1/tablesdb/main/tables');
    expect(pages).toHaveLength(2);
    expect(decodeURIComponent(pages[1]!.search)).toContain('{"method":"cursorAfter","values":["t099"]}');
  });
});
