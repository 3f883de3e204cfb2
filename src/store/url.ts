import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { PostgresTlsOptions } from './store.js';
import { DEFAULT_STORE_URL, STORE_URL_ENV } from './store.js';

export type StoreTarget = SqliteTarget | PostgresTarget;

export interface SqliteTarget {
  backend: 'sqlite';
  /** Absolute path, or `:memory:`. */
  file: string;
  display: string;
}

export interface PostgresTarget {
  backend: 'postgres';
  host: string;
  port: number;
  database: string;
  user?: string;
  password?: string;
  /** TLS settings taken from the URL (sslmode, sslrootcert, sslcert, sslkey). */
  tls: PostgresTlsOptions;
  applicationName?: string;
  /** Pool size (`?pool_max=`), default 10. */
  poolMax: number;
  connectTimeoutMs?: number;
  display: string;
}

const TLS_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
const KNOWN_PG_PARAMS = new Set(['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'application_name', 'pool_max', 'connect_timeout']);

/**
 * Which store to use: `--store`, then $APPWRITE_SECOPS_STORE, then `store.url` in the config, then the
 * default file in the workspace.
 */
export function resolveStoreUrl(sources: { flag?: string; env?: NodeJS.ProcessEnv; config?: string }): string {
  return sources.flag || sources.env?.[STORE_URL_ENV] || sources.config || DEFAULT_STORE_URL;
}

export function parseStoreUrl(url: string, cwd: string): StoreTarget {
  const hint = 'use sqlite:PATH (e.g. sqlite:.appwrite-secops/state.db) or postgres://user@host:5432/dbname';
  if (url.startsWith('sqlite:')) {
    let rest = url.slice('sqlite:'.length);
    if (rest === ':memory:') return { backend: 'sqlite', file: ':memory:', display: 'sqlite::memory:' };
    // sqlite:///abs/path and sqlite://relative are common spellings from other tools; accept both.
    if (rest.startsWith('//')) rest = rest.slice(2);
    if (!rest) throw new UsageError(`store URL "${url}" names no file`, { hint });
    const file = path.resolve(cwd, rest);
    return { backend: 'sqlite', file, display: `sqlite:${file}` };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return parsePostgresUrl(url, hint);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new UsageError(scheme ? `unsupported store URL scheme "${scheme}:"` : `store URL "${maskUrl(url)}" has no scheme`, { hint });
}

function parsePostgresUrl(url: string, hint: string): PostgresTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`store URL "${maskUrl(url)}" is not a valid URL`, { hint });
  }
  for (const key of u.searchParams.keys()) {
    if (!KNOWN_PG_PARAMS.has(key)) {
      throw new UsageError(`unknown PostgreSQL URL parameter "${key}"`, { hint: `supported: ${[...KNOWN_PG_PARAMS].join(', ')}` });
    }
  }
  const q = u.searchParams;
  const sslmode = q.get('sslmode') ?? undefined;
  if (sslmode !== undefined && !(TLS_MODES as readonly string[]).includes(sslmode)) {
    throw new UsageError(`unknown sslmode "${sslmode}"`, { hint: 'use disable, require, verify-ca or verify-full' });
  }
  const tls: PostgresTlsOptions = {};
  // allow/prefer try TLS opportunistically in libpq; pg cannot fall back, so they mean "no TLS" here
  // rather than a silent downgrade being mistaken for a verified connection.
  if (sslmode) tls.mode = sslmode === 'allow' || sslmode === 'prefer' ? 'disable' : (sslmode as PostgresTlsOptions['mode']);
  if (q.get('sslrootcert')) tls.caFile = q.get('sslrootcert')!;
  if (q.get('sslcert')) tls.certFile = q.get('sslcert')!;
  if (q.get('sslkey')) tls.keyFile = q.get('sslkey')!;
  const poolMax = q.get('pool_max') ? Number(q.get('pool_max')) : 10;
  if (!Number.isInteger(poolMax) || poolMax < 1 || poolMax > 100) throw new UsageError(`pool_max must be an integer from 1 to 100, got "${q.get('pool_max')}"`);
  const timeout = q.get('connect_timeout') ? Number(q.get('connect_timeout')) : undefined;
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`connect_timeout must be a positive number of seconds, got "${q.get('connect_timeout')}"`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new UsageError(`store URL "${maskUrl(url)}" names no database`, { hint: 'add the database name: postgres://user@host:5432/secops' });
  const port = u.port ? Number(u.port) : 5432;
  return {
    backend: 'postgres',
    host: decodeURIComponent(u.hostname.replace(/^\[|\]$/g, '')) || 'localhost',
    port,
    database,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls,
    applicationName: q.get('application_name') ?? undefined,
    poolMax,
    connectTimeoutMs: timeout === undefined ? undefined : timeout * 1000,
    display: maskUrl(url),
  };
}

/** The URL with any password replaced by `***`, for messages. */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@');
}
