import { compareText } from '../core/compare.js';
/**
 * Every Appwrite API operation the live collectors call: the single source for `keys required-scopes`
 * and for the "missing scope" error findings. Scopes are Appwrite's (any one of a route's scopes
 * suffices; the first is the current name, later ones are deprecated aliases). A test checks the
 * operations that exist in the 1.8.x spec against it, so the table cannot drift.
 */

export type OperationId =
  | 'health.version'
  | 'project.get'
  | 'project.listPolicies'
  | 'project.listKeys'
  | 'project.listPlatforms'
  | 'project.listMockPhones'
  | 'webhooks.list'
  | 'console.getProject'
  | 'tablesDB.list'
  | 'tablesDB.listTables'
  | 'databases.list'
  | 'databases.listCollections'
  | 'storage.listBuckets'
  | 'functions.list'
  | 'users.list'
  | 'teams.list';

export interface Operation {
  id: OperationId;
  method: 'GET';
  path: string;
  /** `key`: the audit API key; `console`: a console session; `public`: no credential at all. */
  auth: 'key' | 'console' | 'public';
  /** Any one of these is enough. Empty for public routes. */
  scopes: readonly string[];
  /** First server version with the route; older servers answer 404 general_route_not_found. */
  since?: string;
  /** Used only on servers older than this (the newer route replaces it). */
  until?: string;
  /** What the audit reads from it. */
  reads: string;
}

export const OPERATIONS: Record<OperationId, Operation> = {
  'health.version': { id: 'health.version', method: 'GET', path: '/v1/health/version', auth: 'public', scopes: [], reads: 'server version (called without the key: keys lack the public scope)' },
  'project.get': { id: 'project.get', method: 'GET', path: '/v1/project', auth: 'key', scopes: ['project.read'], since: '1.9.5', reads: 'auth methods, services, protocols, SMTP, dev keys' },
  'project.listPolicies': { id: 'project.listPolicies', method: 'GET', path: '/v1/project/policies', auth: 'key', scopes: ['project.policies.read', 'policies.read'], since: '1.9.5', reads: 'password and session policies' },
  'project.listKeys': { id: 'project.listKeys', method: 'GET', path: '/v1/project/keys', auth: 'key', scopes: ['keys.read'], since: '1.9.5', reads: 'API keys: scopes, expiry, last access, SDKs' },
  'project.listPlatforms': { id: 'project.listPlatforms', method: 'GET', path: '/v1/project/platforms', auth: 'key', scopes: ['platforms.read'], since: '1.9.5', reads: 'platforms (the CORS and origin allow-list)' },
  'project.listMockPhones': { id: 'project.listMockPhones', method: 'GET', path: '/v1/project/mock-phones', auth: 'key', scopes: ['mocks.read'], since: '1.9.5', reads: 'mock phone numbers' },
  'webhooks.list': { id: 'webhooks.list', method: 'GET', path: '/v1/webhooks', auth: 'key', scopes: ['webhooks.read'], since: '1.9.5', reads: 'webhooks: URL, TLS, authentication' },
  'console.getProject': { id: 'console.getProject', method: 'GET', path: '/v1/projects/{projectId}', auth: 'console', scopes: ['projects.read'], until: '1.9.5', reads: 'settings, keys, dev keys, platforms and webhooks (servers before 1.9.5)' },
  'tablesDB.list': { id: 'tablesDB.list', method: 'GET', path: '/v1/tablesdb', auth: 'key', scopes: ['databases.read'], since: '1.8.0', reads: 'databases' },
  'tablesDB.listTables': { id: 'tablesDB.listTables', method: 'GET', path: '/v1/tablesdb/{databaseId}/tables', auth: 'key', scopes: ['tables.read', 'collections.read'], since: '1.8.0', reads: 'tables with their permissions and row security' },
  'databases.list': { id: 'databases.list', method: 'GET', path: '/v1/databases', auth: 'key', scopes: ['databases.read'], until: '1.8.0', reads: 'databases (servers before 1.8)' },
  'databases.listCollections': { id: 'databases.listCollections', method: 'GET', path: '/v1/databases/{databaseId}/collections', auth: 'key', scopes: ['collections.read'], until: '1.8.0', reads: 'collections (servers before 1.8)' },
  'storage.listBuckets': { id: 'storage.listBuckets', method: 'GET', path: '/v1/storage/buckets', auth: 'key', scopes: ['buckets.read'], reads: 'buckets with their permissions, file security, encryption, antivirus' },
  'functions.list': { id: 'functions.list', method: 'GET', path: '/v1/functions', auth: 'key', scopes: ['functions.read'], reads: 'functions: execute roles, scopes, runtime, variable names' },
  'users.list': { id: 'users.list', method: 'GET', path: '/v1/users', auth: 'key', scopes: ['users.read'], reads: 'number of users only (one record is fetched and discarded)' },
  'teams.list': { id: 'teams.list', method: 'GET', path: '/v1/teams', auth: 'key', scopes: ['teams.read'], reads: 'number of teams only' },
};

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** True when the operation is the one used against a server of this version. */
export function appliesTo(op: Operation, version: string): boolean {
  if (op.since && compareVersions(version, op.since) < 0) return false;
  if (op.until && compareVersions(version, op.until) >= 0) return false;
  return true;
}

export interface RequiredScope {
  scope: string;
  /** Deprecated names the server also accepts. */
  aliases: string[];
  operations: OperationId[];
  reads: string[];
}

/**
 * The scopes the audit key needs against a server of `version` (default: 1.9.5 and later, where the
 * key reads everything). Before 1.9.5 the settings, keys, platforms and webhooks need a console session.
 */
export function requiredScopes(version = '1.9.5'): { key: RequiredScope[]; consoleOnly: Operation[] } {
  const byScope = new Map<string, RequiredScope>();
  const consoleOnly: Operation[] = [];
  for (const op of Object.values(OPERATIONS)) {
    if (!appliesTo(op, version)) continue;
    if (op.auth === 'console') {
      consoleOnly.push(op);
      continue;
    }
    if (op.auth !== 'key') continue;
    const [scope, ...aliases] = op.scopes;
    if (!scope) continue;
    const entry = byScope.get(scope) ?? { scope, aliases: [], operations: [], reads: [] };
    for (const a of aliases) if (!entry.aliases.includes(a)) entry.aliases.push(a);
    entry.operations.push(op.id);
    entry.reads.push(op.reads);
    byScope.set(scope, entry);
  }
  return { key: [...byScope.values()].sort((a, b) => compareText(a.scope, b.scope)), consoleOnly };
}
