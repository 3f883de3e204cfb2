/**
 * Reads one environment's live project through the official SDKs: node-appwrite with the audit key
 * for everything a key may read, and the console SDK with a console session where only the console
 * can read (project settings, keys, platforms and webhooks before 1.9.5). Each part of the snapshot
 * succeeds or fails on its own.
 */
import { Projects } from '@appwrite.io/console';
import { Databases, Functions, Project, Query, Storage, TablesDB, Teams, Users, Webhooks } from 'node-appwrite';
import { redactSecret, sha256Hex, type Redactor } from '../core/redact.js';
import { createCaller, type ApiCaller } from './caller.js';
import type { LiveSettings } from './config.js';
import type { ResolvedEnvironment } from './environments.js';
import { LiveReadError, type LiveErrorInfo } from './errors.js';
import * as N from './normalize.js';
import { compareVersions, OPERATIONS, type OperationId } from './operations.js';
import type { LiveDatabase, LiveSnapshot, Section } from './snapshot.js';
import { createAgent, TappedConsoleClient, TappedServerClient } from './transport.js';

type Raw = Record<string, unknown>;

export interface ReadOptions {
  redactor: Redactor;
  settings: LiveSettings;
  now: Date;
  progress?: (message: string) => void;
  /** Test hooks for the retry clock. */
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
  random?: () => number;
}

const MODERN = '1.9.5';
const TABLES_DB = '1.8.0';

async function section<T>(op: OperationId, fn: () => Promise<T>): Promise<Section<T>> {
  try {
    return { state: 'ok', value: await fn() };
  } catch (err) {
    if (err instanceof LiveReadError) return { state: 'error', error: err.info };
    const o = OPERATIONS[op];
    return { state: 'error', error: { operation: op, request: `${o.method} ${o.path}`, kind: 'other', message: `${o.method} ${o.path}: unexpected response: ${err instanceof Error ? err.message : String(err)}`, hint: 'run with --verbose and report the problem with the server version' } };
  }
}

/** Derives a section from another one's raw value, sharing its failure. */
function derive<R, T>(src: Section<R>, fn: (r: R) => T): Section<T> {
  return src.state === 'ok' ? { state: 'ok', value: fn(src.value) } : src;
}

const failed = <T>(error: LiveErrorInfo): Section<T> => ({ state: 'error', error });

export async function readLiveProject(env: ResolvedEnvironment, opts: ReadOptions): Promise<LiveSnapshot> {
  const { settings, redactor } = opts;
  const cfg = env.config;
  const endpoint = cfg.endpoint.replace(/\/+$/, '');
  const agent = createAgent({ timeoutMs: settings.requestTimeoutMs, selfSigned: cfg.selfSigned });
  let serverVersion: string | undefined;
  const api = createCaller({
    endpoint,
    concurrency: 6,
    pageSize: settings.pageSize,
    maxRetries: settings.maxRetries,
    maxRateLimitWaitMs: settings.maxRateLimitWaitSeconds * 1000,
    sleep: opts.sleep,
    now: opts.clock,
    random: opts.random,
    version: () => serverVersion,
    onRetry: (op, i) => opts.progress?.(`${env.name}: ${OPERATIONS[op].path}: ${i.reason}; retry ${i.attempt} in ${Math.ceil(i.delayMs / 100) / 10}s`),
  });
  const keyClient = new TappedServerClient(agent).setEndpoint(endpoint).setProject(cfg.projectId).setKey(env.secret);
  try {
    opts.progress?.(`${env.name}: reading ${endpoint} project ${cfg.projectId}`);
    const version = await section('health.version', async () => {
      const publicClient = new TappedServerClient(agent).setEndpoint(endpoint);
      const r = (await api.call('health.version', () => publicClient.call('get', new URL(`${endpoint}/health/version`)))) as Raw;
      const v = typeof r.version === 'string' ? r.version : '';
      if (!/^\d+\.\d+/.test(v)) throw new Error(`no version in the health response`);
      serverVersion = v;
      return { version: v, cloud: compareVersions(v, '2.0.0') >= 0 };
    });

    const [settingsPart, data] = await Promise.all([readSettings(api, keyClient, env, agent, serverVersion, redactor), readData(api, keyClient, serverVersion, redactor)]);
    return {
      environment: env.name,
      endpoint,
      projectId: cfg.projectId,
      production: cfg.production,
      ...(cfg.approvedPlatforms ? { approvedPlatforms: [...cfg.approvedPlatforms] } : {}),
      readAt: opts.now.toISOString(),
      credential: { envVar: cfg.credentialEnv, secretHash: sha256Hex(env.secret), secretPreview: redactSecret(env.secret), consoleSession: !!env.consoleSession },
      version,
      ...settingsPart,
      ...data,
    };
  } finally {
    await agent.close();
  }
}

type SettingsPart = Pick<LiveSnapshot, 'project' | 'policies' | 'authMethods' | 'oauthProviders' | 'mockNumbers' | 'services' | 'protocols' | 'smtp' | 'platforms' | 'webhooks' | 'keys' | 'devKeys'>;

async function readSettings(api: ApiCaller, keyClient: TappedServerClient, env: ResolvedEnvironment, agent: ReturnType<typeof createAgent>, version: string | undefined, redactor: Redactor): Promise<SettingsPart> {
  // Unknown version: try the 1.9.5 routes and fall back when the server does not have them.
  if (version === undefined || compareVersions(version, MODERN) >= 0) {
    const project = new Project(keyClient);
    const raw = await section('project.get', () => api.call('project.get', () => project.get() as Promise<unknown> as Promise<Raw>));
    const routeMissing = raw.state === 'error' && raw.error.kind === 'route-missing';
    if (!(version === undefined && routeMissing)) {
      const [policies, keys, platforms, mockNumbers, webhooks] = await Promise.all([
        section('project.listPolicies', async () => N.policiesFrom(((await api.call('project.listPolicies', () => project.listPolicies() as Promise<unknown>)) as Raw).policies as Raw[])),
        section('project.listKeys', async () => (await api.listAll('project.listKeys', (queries) => project.listKeys({ queries }), 'keys')).map((k) => N.keyFrom(k, redactor))),
        section('project.listPlatforms', async () => (await api.listAll('project.listPlatforms', (queries) => project.listPlatforms({ queries }), 'platforms')).map((p) => N.platformFrom(p, redactor))),
        section('project.listMockPhones', async () => (await api.listAll('project.listMockPhones', (queries) => project.listMockPhones({ queries }), 'mockNumbers', { paging: 'offset' })).map((m) => ({ phone: String(m.number ?? m.phone ?? '') }))),
        section('webhooks.list', async () => (await api.listAll('webhooks.list', (queries) => new Webhooks(keyClient).list({ queries }), 'webhooks')).map((w) => N.webhookFrom(w, redactor))),
      ]);
      return {
        project: derive(raw, (p) => ({ name: String(p.name ?? ''), teamId: String(p.teamId ?? '') })),
        policies,
        authMethods: derive(raw, (p) => N.toggles(p.authMethods)),
        oauthProviders: { state: 'unavailable', reason: 'OAuth2 providers are not read from Appwrite 1.9.5+' },
        mockNumbers,
        services: derive(raw, (p) => N.toggles(p.services)),
        protocols: derive(raw, (p) => N.toggles(p.protocols)),
        smtp: derive(raw, (p) => N.smtpFrom(p, redactor)),
        platforms,
        webhooks,
        keys,
        devKeys: derive(raw, (p) => (Array.isArray(p.devKeys) ? (p.devKeys as Raw[]) : []).map((k) => N.devKeyFrom(k, redactor))),
      };
    }
  }
  return readLegacySettings(api, env, agent, version, redactor);
}

/** Before 1.9.5 only the console can read settings, keys, platforms and webhooks: one call returns them all. */
async function readLegacySettings(api: ApiCaller, env: ResolvedEnvironment, agent: ReturnType<typeof createAgent>, version: string | undefined, redactor: Redactor): Promise<SettingsPart> {
  let raw: Section<Raw>;
  if (!env.consoleSession) {
    const o = OPERATIONS['console.getProject'];
    raw = failed({
      operation: 'console.getProject',
      request: `${o.method} ${o.path}`,
      kind: 'needs-console',
      message: `Appwrite ${version ?? '(version unknown)'} lets only the console read project settings, keys, platforms and webhooks (before 1.9.5)`,
      hint: `set consoleSessionEnv for environment "${env.name}" to a variable holding the a_session_console cookie of a project member, or upgrade to 1.9.5+ where the audit key can read them`,
    });
  } else {
    const client = new TappedConsoleClient(agent).setEndpoint(env.config.endpoint.replace(/\/+$/, '')).setProject('console').setMode('admin').setCookie(`a_session_console=${env.consoleSession}`);
    raw = await section('console.getProject', () => api.call('console.getProject', () => new Projects(client).get({ projectId: env.config.projectId }) as Promise<unknown> as Promise<Raw>));
  }
  const list = (p: Raw, field: string) => (Array.isArray(p[field]) ? (p[field] as Raw[]) : []);
  return {
    project: derive(raw, (p) => ({ name: String(p.name ?? ''), teamId: String(p.teamId ?? '') })),
    policies: derive(raw, N.legacyPolicies),
    authMethods: derive(raw, N.legacyAuthMethods),
    oauthProviders: derive(raw, (p) =>
      list(p, 'oAuthProviders').map((o) => {
        redactor.add(String(o.secret ?? ''));
        return { key: String(o.key ?? ''), enabled: o.enabled === true };
      }),
    ),
    mockNumbers: derive(raw, (p) => list(p, 'authMockNumbers').map((m) => ({ phone: String(m.phone ?? '') }))),
    services: derive(raw, N.legacyServices),
    protocols: raw.state === 'error' ? raw : { state: 'unavailable', reason: 'the 1.8 project model does not report API protocols' },
    smtp: derive(raw, (p) => N.smtpFrom(p, redactor)),
    platforms: derive(raw, (p) => list(p, 'platforms').map((x) => N.platformFrom(x, redactor))),
    webhooks: derive(raw, (p) => list(p, 'webhooks').map((x) => N.webhookFrom(x, redactor))),
    keys: derive(raw, (p) => list(p, 'keys').map((x) => N.keyFrom(x, redactor))),
    devKeys: derive(raw, (p) => list(p, 'devKeys').map((x) => N.devKeyFrom(x, redactor))),
  };
}

type DataPart = Pick<LiveSnapshot, 'databases' | 'buckets' | 'functions' | 'users' | 'teams'>;

async function readData(api: ApiCaller, client: TappedServerClient, version: string | undefined, redactor: Redactor): Promise<DataPart> {
  const [databases, buckets, functions, users, teams] = await Promise.all([
    section('tablesDB.list', () => readDatabases(api, client, version)),
    section('storage.listBuckets', async () => (await api.listAll('storage.listBuckets', (queries) => new Storage(client).listBuckets({ queries }), 'buckets')).map(N.bucketFrom)),
    section('functions.list', async () => (await api.listAll('functions.list', (queries) => new Functions(client).list({ queries }), 'functions')).map((f) => N.functionFrom(f, redactor))),
    // Counts only: one record comes back and is dropped here, so no personal data is kept.
    section('users.list', async () => ({ total: N.num(((await api.call('users.list', () => new Users(client).list({ queries: [Query.limit(1)] }) as Promise<unknown>)) as Raw).total) })),
    section('teams.list', async () => ({ total: N.num(((await api.call('teams.list', () => new Teams(client).list({ queries: [Query.limit(1)] }) as Promise<unknown>)) as Raw).total) })),
  ]);
  return { databases, buckets, functions, users, teams };
}

async function readDatabases(api: ApiCaller, client: TappedServerClient, version: string | undefined): Promise<LiveDatabase[]> {
  const useTables = version === undefined || compareVersions(version, TABLES_DB) >= 0;
  if (useTables) {
    const tdb = new TablesDB(client);
    try {
      const dbs = await api.listAll('tablesDB.list', (queries) => tdb.list({ queries }), 'databases');
      return await Promise.all(
        dbs.map(async (d) => ({
          ...dbFields(d),
          collections: (await api.listAll('tablesDB.listTables', (queries) => tdb.listTables({ databaseId: String(d.$id), queries }), 'tables')).map((t) => N.collectionFrom(t, 'table')),
        })),
      );
    } catch (err) {
      if (!(version === undefined && err instanceof LiveReadError && err.info.kind === 'route-missing')) throw err;
    }
  }
  const legacy = new Databases(client);
  const dbs = await api.listAll('databases.list', (queries) => legacy.list({ queries }), 'databases');
  return Promise.all(
    dbs.map(async (d) => ({
      ...dbFields(d),
      collections: (await api.listAll('databases.listCollections', (queries) => legacy.listCollections({ databaseId: String(d.$id), queries }), 'collections')).map((c) => N.collectionFrom(c, 'collection')),
    })),
  );
}

function dbFields(d: Raw): Omit<LiveDatabase, 'collections'> {
  return { id: String(d.$id ?? ''), name: String(d.name ?? ''), enabled: d.enabled !== false, type: String(d.type ?? '') };
}
