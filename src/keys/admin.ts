/**
 * Key management against a live project, by server flavour (detected from /health/version):
 * - 1.9.5+ and Cloud 2.x: node-appwrite `Project` with an API key holding keys.read and keys.write;
 * - before 1.9.5 (1.8.x): the console SDK's `Projects.*Key` with a console session.
 * Secrets of listed keys are registered with the redactor as soon as they arrive and never leave this
 * module except as `AdminKey.secret`, which callers hand to a sink and nothing else.
 */
import { Projects } from '@appwrite.io/console';
import { Activities, Project, Query } from 'node-appwrite';
import { IncompleteError, InputError } from '../core/errors.js';
import type { Redactor } from '../core/redact.js';
import { isAppwriteError, isRetryable, networkCode } from '../live/errors.js';
import { compareVersions } from '../live/operations.js';
import { withRetry } from '../live/retry.js';
import { createAgent, TappedConsoleClient, TappedServerClient } from '../live/transport.js';

type Raw = Record<string, unknown>;

export const FLAVOURS = ['1.8-console', '1.9-key', '2.x-key'] as const;
export type Flavour = (typeof FLAVOURS)[number];

export interface AdminKey {
  id: string;
  name: string;
  scopes: string[];
  expire: string | null;
  createdAt: string;
  accessedAt: string | null;
  sdks: string[];
  /** In memory only: for a sink. Registered with the redactor. */
  secret: string;
}

export interface AdminTarget {
  env: string;
  endpoint: string;
  projectId: string;
  selfSigned?: boolean;
  /** A key with keys.read + keys.write (1.9.5+). */
  apiKey?: string;
  /** a_session_console cookie value (before 1.9.5). */
  consoleSession?: string;
}

export interface AdminOptions {
  redactor: Redactor;
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  progress?: (m: string) => void;
}

export interface KeyAdmin {
  readonly flavour: Flavour;
  readonly version: string;
  list(): Promise<AdminKey[]>;
  /** Creates the key, or returns it when a key with this id already exists (a retried or resumed create). */
  create(input: { keyId: string; name: string; scopes: string[]; expire: string | null }): Promise<AdminKey>;
  /** `absent` when there was nothing to delete (already deleted: the step is done). */
  remove(keyId: string): Promise<'deleted' | 'absent'>;
  /** Sets the key's expiry to `at` (when the credential may update keys but deletion is refused). */
  expire(key: AdminKey, at: Date): Promise<void>;
  /** Recent project activity (Cloud 2.x, `events.read`); why not, elsewhere. */
  activity(): Promise<{ available: true; events: unknown[] } | { available: false; reason: string }>;
  close(): Promise<void>;
}

/** A key-management call failed: the step did not happen (exit 3); the message says what would fix it. */
export class KeyAdminError extends IncompleteError {
  readonly kind: string;
  readonly code?: number;
  constructor(message: string, opts: { hint: string; kind: string; code?: number; cause?: unknown }) {
    super(message, { hint: opts.hint, cause: opts.cause });
    this.name = 'KeyAdminError';
    this.kind = opts.kind;
    this.code = opts.code;
  }
}

export function flavourOf(version: string): Flavour {
  if (compareVersions(version, '2.0.0') >= 0) return '2.x-key';
  if (compareVersions(version, '1.9.5') >= 0) return '1.9-key';
  return '1.8-console';
}

function describe(what: string, err: unknown, t: AdminTarget, flavour?: Flavour): KeyAdminError {
  const where = `${t.env} (${t.endpoint}, project ${t.projectId})`;
  if (isAppwriteError(err)) {
    const what2 = `${err.code} ${err.type ?? ''}`.trim();
    if (err.code === 401 && err.type === 'general_unauthorized_scope') {
      const hint = flavour === '1.8-console' ? 'use the console session of a project owner or developer (consoleSessionEnv)' : 'give the key-management credential keys.read and keys.write (keys.environments.<env>.adminCredentialEnv)';
      return new KeyAdminError(`${where}: ${what} was refused (${what2})`, { hint, kind: 'missing-scope', code: err.code, cause: err });
    }
    if (err.code === 401 && err.type === 'project_key_expired') return new KeyAdminError(`${where}: ${what}: the key-management credential has expired (${what2})`, { hint: 'create a new key with keys.read and keys.write and put it in the credential variable', kind: 'key-expired', code: err.code, cause: err });
    if (err.code === 404 && err.type === 'general_route_not_found') return new KeyAdminError(`${where}: ${what}: the server has no such route (${what2})`, { hint: 'servers before 1.9.5 manage keys only through the console: set consoleSessionEnv for this environment', kind: 'route-missing', code: err.code, cause: err });
    return new KeyAdminError(`${where}: ${what} failed (${what2}: ${err.message ?? ''})`, { hint: err.code >= 500 || err.code === 429 ? 'the server is failing or rate limiting: run the command again (with --resume for a rotation)' : 'see the Appwrite error above', kind: err.code >= 500 ? 'server-error' : 'other', code: err.code, cause: err });
  }
  const net = networkCode(err);
  if (net) return new KeyAdminError(`${where}: ${what}: could not reach the server (${net})`, { hint: 'check the endpoint and the network, then run the command again (with --resume for a rotation)', kind: 'network', cause: err });
  return new KeyAdminError(`${where}: ${what}: ${err instanceof Error ? err.message : String(err)}`, { hint: 'run again with --verbose and report the problem with the server version', kind: 'other', cause: err });
}

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

function toKey(k: Raw, redactor: Redactor): AdminKey {
  const secret = str(k.secret);
  redactor.add(secret);
  return {
    id: str(k.$id),
    name: str(k.name),
    scopes: Array.isArray(k.scopes) ? k.scopes.map(str) : [],
    expire: str(k.expire) || null,
    createdAt: str(k.$createdAt),
    accessedAt: str(k.accessedAt) || null,
    sdks: Array.isArray(k.sdks) ? k.sdks.map(str) : [],
    secret,
  };
}

interface Driver {
  list(queries: string[]): Promise<unknown>;
  /** Whether list() pages with limit/cursor queries (1.9.5+); the 1.8 console lists every key at once. */
  paged: boolean;
  create(i: { keyId: string; name: string; scopes: string[]; expire: string | null }): Promise<unknown>;
  remove(keyId: string): Promise<unknown>;
  update(i: { keyId: string; name: string; scopes: string[]; expire: string }): Promise<unknown>;
  events?: () => Promise<unknown>;
}

export async function openKeyAdmin(t: AdminTarget, opts: AdminOptions): Promise<KeyAdmin> {
  const endpoint = t.endpoint.replace(/\/+$/, '');
  const agent = createAgent({ timeoutMs: opts.timeoutMs ?? 30_000, selfSigned: t.selfSigned });
  const retry = <T>(fn: () => Promise<T>) => withRetry(fn, { maxRetries: opts.maxRetries ?? 3, maxRateLimitWaitMs: 60_000, sleep: opts.sleep, onRetry: (i) => opts.progress?.(`${t.env}: ${i.reason}; retry ${i.attempt}`) });
  try {
    let version: string;
    try {
      const r = (await retry(() => new TappedServerClient(agent).setEndpoint(endpoint).call('get', new URL(`${endpoint}/health/version`)))) as Raw;
      version = str(r.version);
    } catch (err) {
      throw describe('reading the server version', err, t);
    }
    if (!/^\d+\.\d+/.test(version)) throw new KeyAdminError(`${t.env}: ${endpoint}/health/version returned no version`, { hint: 'check that the endpoint is an Appwrite API root ending in /v1', kind: 'other' });
    const flavour = flavourOf(version);
    let driver: Driver;
    if (flavour === '1.8-console') {
      if (!t.consoleSession) throw new InputError(`environment "${t.env}": Appwrite ${version} manages keys only through the console (before 1.9.5)`, { hint: `set consoleSessionEnv for environment "${t.env}" to a variable holding the a_session_console cookie of a project owner, or upgrade to 1.9.5+` });
      const client = new TappedConsoleClient(agent).setEndpoint(endpoint).setProject('console').setMode('admin').setCookie(`a_session_console=${t.consoleSession}`);
      const p = new Projects(client);
      const projectId = t.projectId;
      driver = {
        list: () => p.listKeys({ projectId }),
        paged: false,
        create: (i) => p.createKey({ projectId, keyId: i.keyId, name: i.name, scopes: i.scopes as never, ...(i.expire ? { expire: i.expire } : {}) }),
        remove: (keyId) => p.deleteKey({ projectId, keyId }),
        update: (i) => p.updateKey({ projectId, keyId: i.keyId, name: i.name, scopes: i.scopes as never, expire: i.expire }),
      };
    } else {
      if (!t.apiKey) throw new InputError(`environment "${t.env}": no key-management credential`, { hint: 'set keys.environments.<env>.adminCredentialEnv (a key with keys.read and keys.write)' });
      const client = new TappedServerClient(agent).setEndpoint(endpoint).setProject(t.projectId).setKey(t.apiKey);
      const p = new Project(client);
      driver = {
        list: (queries) => p.listKeys({ queries }),
        paged: true,
        create: (i) => p.createKey({ keyId: i.keyId, name: i.name, scopes: i.scopes as never, ...(i.expire ? { expire: i.expire } : {}) }),
        remove: (keyId) => p.deleteKey({ keyId }),
        update: (i) => p.updateKey({ keyId: i.keyId, name: i.name, scopes: i.scopes as never, expire: i.expire }),
        ...(flavour === '2.x-key' ? { events: () => new Activities(client).listEvents({}) } : {}),
      };
    }
    const list = async (): Promise<AdminKey[]> => {
      try {
        const out: AdminKey[] = [];
        for (let cursor: string | undefined, page = 0; page < 1000; page++) {
          const queries = driver.paged ? [Query.limit(100), ...(cursor ? [Query.cursorAfter(cursor)] : [])] : [];
          const r = (await retry(() => driver.list(queries))) as Raw;
          const items = (Array.isArray(r.keys) ? (r.keys as Raw[]) : []).map((k) => toKey(k, opts.redactor));
          out.push(...items);
          if (!driver.paged || items.length < 100) break;
          cursor = items[items.length - 1]!.id;
        }
        return out;
      } catch (err) {
        throw describe('listing the API keys', err, t, flavour);
      }
    };
    const admin: KeyAdmin = {
      flavour,
      version,
      list,
      async create(input) {
        const maxAttempts = (opts.maxRetries ?? 3) + 1;
        for (let attempt = 1; ; attempt++) {
          // A create whose answer was lost may have happened: look before creating again, never create twice.
          const existing = (await list()).find((k) => k.id === input.keyId);
          if (existing) return existing;
          try {
            return toKey((await driver.create(input)) as Raw, opts.redactor);
          } catch (err) {
            if (isAppwriteError(err) && err.code === 409 && attempt < maxAttempts) continue;
            if (!isRetryable(err) || attempt >= maxAttempts) throw describe(`creating key "${input.name}"`, err, t, flavour);
            opts.progress?.(`${t.env}: creating key "${input.name}" failed (${isAppwriteError(err) ? err.code : networkCode(err)}); checking whether it was created, then retrying`);
            await (opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(250 * 2 ** (attempt - 1));
          }
        }
      },
      async remove(keyId) {
        try {
          await retry(() => driver.remove(keyId));
          return 'deleted';
        } catch (err) {
          // A retried delete finds the key gone: that is the outcome we wanted.
          if (isAppwriteError(err) && err.code === 404 && err.type !== 'general_route_not_found') return 'absent';
          throw describe(`deleting key ${keyId}`, err, t, flavour);
        }
      },
      async expire(key, at) {
        try {
          await retry(() => driver.update({ keyId: key.id, name: key.name, scopes: key.scopes, expire: at.toISOString() }));
        } catch (err) {
          throw describe(`setting the expiry of key ${key.id}`, err, t, flavour);
        }
      },
      async activity() {
        if (!driver.events) return { available: false, reason: `Appwrite ${version} has no API that lists what an API key did (only accessedAt and sdks are recorded)` };
        try {
          const r = (await driver.events()) as Raw;
          return { available: true, events: (Array.isArray(r.events) ? r.events : []).slice(0, 50) };
        } catch (err) {
          return { available: false, reason: describe('reading recent activity', err, t, flavour).describe() };
        }
      },
      close: () => agent.close(),
    };
    return admin;
  } catch (err) {
    await agent.close();
    throw err;
  }
}
