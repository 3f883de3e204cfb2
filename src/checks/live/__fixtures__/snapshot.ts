/**
 * Live snapshots for check tests: a healthy production project by default; tests override what they
 * judge. Secrets are hashed exactly as the reader does.
 */
import { redactSecret, sha256Hex } from '../../../core/redact.js';
import type { LiveErrorInfo } from '../../../live/errors.js';
import { OPERATIONS, type OperationId } from '../../../live/operations.js';
import type { LiveKey, LiveSnapshot, Section } from '../../../live/snapshot.js';

export const ok = <T>(value: T): Section<T> => ({ state: 'ok', value });

export function failed<T>(op: OperationId, kind: LiveErrorInfo['kind'] = 'missing-scope'): Section<T> {
  const o = OPERATIONS[op];
  return {
    state: 'error',
    error: {
      operation: op,
      request: `${o.method} ${o.path}`,
      kind,
      message: `${o.method} ${o.path}: the audit key lacks scope ${o.scopes[0]} (401 general_unauthorized_scope)`,
      hint: `add ${o.scopes[0]} to the audit key`,
      code: 401,
      type: 'general_unauthorized_scope',
      scopes: [...o.scopes],
    },
  };
}

export const AUDIT_SECRET = `standard_${'ab'.repeat(128)}`;

export function key(over: Partial<LiveKey> & { secret?: string } = {}): LiveKey {
  const { secret = `standard_${(over.name ?? 'k').padEnd(4, 'x')}${'cd'.repeat(126)}`, ...rest } = over;
  return {
    id: rest.id ?? `key-${rest.name ?? 'k'}`,
    name: 'backend',
    scopes: ['users.read'],
    expire: '2027-06-01T00:00:00.000+00:00',
    createdAt: '2026-09-01T00:00:00.000+00:00',
    accessedAt: '2026-11-28T00:00:00.000+00:00',
    sdks: ['Node.js'],
    secretHash: sha256Hex(secret),
    secretPreview: redactSecret(secret),
    ...rest,
  };
}

export function snapshot(over: Partial<LiveSnapshot> = {}): LiveSnapshot {
  const environment = over.environment ?? 'prod';
  const credentialSecret = over.credential ? undefined : AUDIT_SECRET;
  return {
    environment,
    endpoint: 'https://appwrite.example.com/v1',
    projectId: 'shop',
    production: true,
    readAt: '2026-11-29T12:00:00.000Z',
    credential: { envVar: 'APPWRITE_PROD_KEY', secretHash: sha256Hex(credentialSecret ?? ''), secretPreview: redactSecret(credentialSecret ?? ''), consoleSession: false },
    version: ok({ version: '1.9.6', cloud: false }),
    project: ok({ name: 'Shop', teamId: 't1' }),
    policies: ok({ passwordMinLength: 12, passwordHistory: 5, passwordDictionary: true, personalDataCheck: true, sessionAlerts: true, sessionDuration: 2592000, sessionsLimit: 10, userLimit: 0, invalidateSessions: true }),
    authMethods: ok({ 'email-password': true, anonymous: false }),
    oauthProviders: { state: 'unavailable', reason: 'not read' },
    mockNumbers: ok([]),
    services: ok({ account: true }),
    protocols: ok({ rest: true, graphql: false, websocket: false }),
    smtp: ok({ enabled: true, host: 'smtp.example.com', port: 587, secure: 'tls', senderEmail: 'no-reply@example.com', username: 'mailer' }),
    platforms: ok([{ id: 'pf1', name: 'Shop web', kind: 'web', type: 'web', hostname: 'shop.example.com' }]),
    webhooks: ok([{ id: 'wh1', name: 'orders', url: 'https://hooks.example.com/appwrite', events: ['users.*.create'], tls: true, hasBasicAuth: false, hasSignatureKey: null, enabled: true, attempts: 0 }]),
    keys: ok([key({ name: 'backend' }), key({ name: 'audit', id: 'key-audit', scopes: ['keys.read', 'users.read'], secret: AUDIT_SECRET })]),
    devKeys: ok([]),
    databases: ok([]),
    buckets: ok([]),
    functions: ok([]),
    users: ok({ total: 10 }),
    teams: ok({ total: 1 }),
    ...over,
  };
}

export const live = (...environments: LiveSnapshot[]) => ({ 'appwrite-live': { environments } });
