/**
 * The routes the stand-in serves: method, path, the version that introduced it, the scopes a caller
 * needs (any one of them, as Appwrite checks), who may call it, and the response model per format
 * (which the spec-validation test uses).
 */
import { FakeError } from './errors.js';
import * as M from './models.js';
import { applyQueries, type ParsedQuery } from './queries.js';
import { newKeySecret, uniqueId } from './seed.js';
import type { FakeProject, FakeState } from './state.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Caller {
  kind: 'guest' | 'key' | 'admin' | 'user';
  scopes: ReadonlySet<string>;
  /** Shown in scope errors, like Appwrite's `app.<project>@service.<host> (role: applications)`. */
  label: string;
  role: string;
}

export interface RouteCtx {
  state: FakeState;
  /** The project the request is about (from the path for console routes, else the header). */
  project: FakeProject;
  params: Record<string, string>;
  queries: ParsedQuery[];
  countTotal: boolean;
  format: M.ModelFormat;
  cloud: boolean;
  now: Date;
  body: Record<string, unknown>;
  caller: Caller;
}

export interface Route {
  method: Method;
  path: string;
  /** First server version that has the route. */
  since?: string;
  scopes: string[];
  /**
   * `console`: only a console member (session + admin mode) may call it; before 1.9.5 project keys,
   * platforms, webhooks and settings exist only there. `any`: keys, admins and users, by scope.
   */
  access: 'console' | 'any' | 'public';
  /** From this version on, project keys may call a console route too (1.9.5 made the old paths aliases). */
  keysSince?: string;
  /** Response model name per format (spec model for 1.8, node-appwrite model for 1.9.5). */
  model?: Partial<Record<M.ModelFormat, string>>;
  status?: number;
  handle(ctx: RouteCtx): unknown;
}

const list = <T extends { $id: string }>(ctx: RouteCtx, items: readonly T[], field: string, render: (t: T) => unknown) => {
  const r = applyQueries(items, ctx.queries, { countTotal: ctx.countTotal });
  return { total: r.total, [field]: r.items.map(render) };
};

const both = (legacy: string, slim: string) => ({ '1.8': legacy, '1.9.5': slim });

function findDatabase(ctx: RouteCtx) {
  const db = ctx.project.databases.find((d) => d.$id === ctx.params.databaseId);
  if (!db) throw new FakeError('database_not_found');
  return db;
}

function findFunction(ctx: RouteCtx) {
  const f = ctx.project.functions.find((x) => x.$id === ctx.params.functionId);
  if (!f) throw new FakeError('function_not_found');
  return f;
}

function createKey(ctx: RouteCtx) {
  const { name, scopes, expire, keyId } = ctx.body as { name?: unknown; scopes?: unknown; expire?: unknown; keyId?: unknown };
  if (typeof name !== 'string' || name.length === 0 || name.length > 128) throw new FakeError('general_argument_invalid', 'Invalid `name` param: Value must be a valid string and at least 1 chars and no longer than 128 chars');
  if (!Array.isArray(scopes)) throw new FakeError('general_argument_invalid', 'Invalid `scopes` param: Value must a valid array no longer than 100 items');
  const at = ctx.now.toISOString().replace('Z', '+00:00');
  const k = {
    $id: typeof keyId === 'string' && keyId !== 'unique()' ? keyId : uniqueId(),
    $createdAt: at,
    $updatedAt: at,
    name,
    expire: typeof expire === 'string' ? expire : '',
    scopes: scopes.map(String),
    secret: newKeySecret(),
    accessedAt: '',
    sdks: [],
  };
  ctx.project.keys.push(k);
  return M.key(k);
}

function deleteKey(ctx: RouteCtx) {
  const i = ctx.project.keys.findIndex((k) => k.$id === ctx.params.keyId);
  if (i === -1) throw new FakeError('key_not_found');
  ctx.project.keys.splice(i, 1);
  return undefined;
}

export const ROUTES: Route[] = [
  // Health/version has scope `public`, which key roles lack: call it without a key.
  { method: 'GET', path: '/v1/health/version', access: 'public', scopes: ['public'], handle: () => ({}) },

  // ---- 1.9.5+: project management with an API key -------------------------------------------
  { method: 'GET', path: '/v1/project', since: '1.9.5', access: 'any', scopes: ['project.read'], model: both('project', 'Project'), handle: (c) => M.project(c.project, c.format) },
  {
    method: 'GET',
    path: '/v1/project/policies',
    since: '1.9.5',
    access: 'any',
    scopes: ['project.policies.read', 'policies.read'],
    model: { '1.8': 'PolicyList', '1.9.5': 'PolicyList' },
    handle: (c) => {
      const all = M.policies(c.project, c.cloud).map((p) => ({ ...p, $id: String(p.$id) }));
      return list(c, all, 'policies', (p) => p);
    },
  },
  { method: 'GET', path: '/v1/project/keys', since: '1.9.5', access: 'any', scopes: ['keys.read'], model: both('keyList', 'KeyList'), handle: (c) => list(c, c.project.keys, 'keys', M.key) },
  { method: 'POST', path: '/v1/project/keys', since: '1.9.5', access: 'any', scopes: ['keys.write'], status: 201, model: both('key', 'Key'), handle: createKey },
  { method: 'DELETE', path: '/v1/project/keys/{keyId}', since: '1.9.5', access: 'any', scopes: ['keys.write'], status: 204, handle: deleteKey },
  { method: 'GET', path: '/v1/project/platforms', since: '1.9.5', access: 'any', scopes: ['platforms.read'], model: both('PlatformList', 'PlatformList'), handle: (c) => list(c, c.project.platforms, 'platforms', (p) => M.platform(p, '1.9.5')) },
  {
    method: 'GET',
    path: '/v1/project/mock-phones',
    since: '1.9.5',
    access: 'any',
    scopes: ['mocks.read'],
    model: both('MockNumberList', 'MockNumberList'),
    handle: (c) => list(c, c.project.mockNumbers.map((m) => ({ ...m, $id: m.phone })), 'mockNumbers', (m) => M.mockNumber(m, c.project.$createdAt)),
  },
  { method: 'GET', path: '/v1/webhooks', since: '1.9.5', access: 'any', scopes: ['webhooks.read'], model: both('webhookList', 'WebhookList'), handle: (c) => list(c, c.project.webhooks, 'webhooks', (w) => M.webhook(w, c.format)) },

  // ---- console (every version; 1.9.5 aliases some of them for keys) ---------------------------
  { method: 'GET', path: '/v1/projects/{projectId}', access: 'console', scopes: ['projects.read'], model: both('project', 'Project'), handle: (c) => M.project(c.project, c.format) },
  { method: 'GET', path: '/v1/projects/{projectId}/keys', access: 'console', keysSince: '1.9.5', scopes: ['keys.read'], model: both('keyList', 'KeyList'), handle: (c) => list(c, c.project.keys, 'keys', M.key) },
  { method: 'POST', path: '/v1/projects/{projectId}/keys', access: 'console', keysSince: '1.9.5', scopes: ['keys.write'], status: 201, model: both('key', 'Key'), handle: createKey },
  { method: 'DELETE', path: '/v1/projects/{projectId}/keys/{keyId}', access: 'console', keysSince: '1.9.5', scopes: ['keys.write'], status: 204, handle: deleteKey },
  { method: 'GET', path: '/v1/projects/{projectId}/dev-keys', since: '1.7.0', access: 'console', scopes: ['devKeys.read'], model: { '1.8': 'devKeyList' }, handle: (c) => list(c, c.project.devKeys, 'devKeys', M.devKey) },
  // The 1.8 console lists platforms and webhooks without queries: everything, in one page.
  { method: 'GET', path: '/v1/projects/{projectId}/platforms', access: 'console', keysSince: '1.9.5', scopes: ['platforms.read'], model: { '1.8': 'platformList' }, handle: (c) => ({ total: c.countTotal ? c.project.platforms.length : 0, platforms: c.project.platforms.map((p) => M.platform(p, '1.8')) }) },
  { method: 'GET', path: '/v1/projects/{projectId}/webhooks', access: 'console', keysSince: '1.9.5', scopes: ['projects.read'], model: { '1.8': 'webhookList' }, handle: (c) => ({ total: c.countTotal ? c.project.webhooks.length : 0, webhooks: c.project.webhooks.map((w) => M.webhook(w, '1.8')) }) },

  // ---- project data (keys by scope; console admins too) ---------------------------------------
  { method: 'GET', path: '/v1/databases', access: 'any', scopes: ['databases.read'], model: both('databaseList', 'DatabaseList'), handle: (c) => list(c, c.project.databases, 'databases', M.database) },
  { method: 'GET', path: '/v1/databases/{databaseId}/collections', access: 'any', scopes: ['collections.read'], model: both('collectionList', 'CollectionList'), handle: (c) => { const db = findDatabase(c); return list(c, db.collections, 'collections', (x) => M.collection(x, db, 'collection')); } },
  { method: 'GET', path: '/v1/tablesdb', since: '1.8.0', access: 'any', scopes: ['databases.read'], model: both('databaseList', 'DatabaseList'), handle: (c) => list(c, c.project.databases, 'databases', M.database) },
  { method: 'GET', path: '/v1/tablesdb/{databaseId}/tables', since: '1.8.0', access: 'any', scopes: ['tables.read', 'collections.read'], model: both('tableList', 'TableList'), handle: (c) => { const db = findDatabase(c); return list(c, db.collections, 'tables', (x) => M.collection(x, db, 'table')); } },
  { method: 'GET', path: '/v1/storage/buckets', access: 'any', scopes: ['buckets.read'], model: both('bucketList', 'BucketList'), handle: (c) => list(c, c.project.buckets, 'buckets', M.bucket) },
  { method: 'GET', path: '/v1/functions', access: 'any', scopes: ['functions.read'], model: both('functionList', 'FunctionList'), handle: (c) => list(c, c.project.functions, 'functions', (f) => M.fn(f, c.format)) },
  { method: 'GET', path: '/v1/functions/{functionId}/variables', access: 'any', scopes: ['functions.read'], model: both('variableList', 'VariableList'), handle: (c) => { const f = findFunction(c); return { total: c.countTotal ? f.vars.length : 0, variables: f.vars.map((v) => M.variable(v, f)) }; } },
  { method: 'GET', path: '/v1/users', access: 'any', scopes: ['users.read'], model: both('userList', 'UserList'), handle: (c) => list(c, c.project.users, 'users', M.user) },
  { method: 'GET', path: '/v1/teams', access: 'any', scopes: ['teams.read'], model: both('teamList', 'TeamList'), handle: (c) => list(c, c.project.teams, 'teams', M.team) },
];

/** Matches `/v1/projects/p1/keys` against `/v1/projects/{projectId}/keys`. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const seg = a[i]!;
    if (seg.startsWith('{') && seg.endsWith('}')) params[seg.slice(1, -1)] = decodeURIComponent(b[i]!);
    else if (seg !== b[i]) return undefined;
  }
  return params;
}
