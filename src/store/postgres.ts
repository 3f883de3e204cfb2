import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { IncompleteError, InputError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { BatchContext, Driver, PriorState, RowTransition, Sql, SqlParam } from './driver.js';
import { postgresMigrations } from './migrations/postgres.js';
import { isTracked, transitionOf } from './runs.js';
import type { OpenStoreOptions, PostgresTlsOptions } from './store.js';
import type { PostgresTarget } from './url.js';

/** SQLSTATEs after which a transaction can simply be run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 6;
/** Arbitrary constant for pg_advisory_lock: "appwrite-secops schema migration". */
const MIGRATION_LOCK_KEY = 0x5ec0_0001;

/**
 * The team backend: a connection pool, TLS from the URL (libpq's sslmode semantics) or the config, and
 * writes in transactions retried on deadlock. BIGINT columns come back as numbers: every id we store is
 * far below 2^53.
 */
export async function openPostgresDriver(target: PostgresTarget, opts: OpenStoreOptions): Promise<Driver> {
  const tls = { ...opts.tls, ...target.tls };
  const pool = new pg.Pool({
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: target.password,
    ssl: tlsOptions(tls, target.host),
    max: target.poolMax,
    application_name: target.applicationName ?? 'appwrite-secops',
    connectionTimeoutMillis: target.connectTimeoutMs ?? 10_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  const driver = new PostgresDriver(pool, target.display);
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    // The connection error below is the one to report; a failure to tear down the empty pool adds nothing.
    await pool.end().catch(() => undefined);
    throw new IncompleteError(`cannot connect to the store ${target.display}: ${(err as Error).message}`, {
      hint: 'check that PostgreSQL is running and that the URL, user and sslmode are right',
      cause: err,
    });
  }
  return driver;
}

/** libpq semantics: require = encrypted, not verified (verified against sslrootcert when one is given). */
export function tlsOptions(tls: PostgresTlsOptions, host: string): false | ConnectionOptions {
  const mode = tls.mode ?? (tls.caFile ? 'verify-full' : 'disable');
  if (mode === 'disable') return false;
  const read = (file: string | undefined, what: string) => {
    if (!file) return undefined;
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      throw new InputError(`cannot read the ${what} ${file}: ${(err as Error).message}`, { position: { path: file } });
    }
  };
  const out: ConnectionOptions = {
    ca: read(tls.caFile, 'CA certificate (sslrootcert)'),
    cert: read(tls.certFile, 'client certificate (sslcert)'),
    key: read(tls.keyFile, 'client key (sslkey)'),
    // SNI takes host names only (RFC 6066); an IP address is still checked against the certificate.
    servername: isIP(host) ? undefined : host,
  };
  if (mode === 'require' && !tls.caFile) return { ...out, rejectUnauthorized: false };
  if (mode === 'verify-ca' || mode === 'require') return { ...out, rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { ...out, rejectUnauthorized: true };
}

class PostgresDriver implements Driver {
  readonly backend = 'postgres' as const;
  readonly migrations = postgresMigrations;
  readonly forUpdate = ' FOR UPDATE';
  /** Concurrent CREATE TABLE of one table can fail even with IF NOT EXISTS: serialise migrations. */
  readonly migrationLock = `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
  /** An idle client that dies (server restart) is dropped by the pool; the next query reconnects. */
  lastIdleError: Error | undefined;
  private closed = false;

  private readonly pool: pg.Pool;
  readonly location: string;

  constructor(pool: pg.Pool, location: string) {
    this.pool = pool;
    this.location = location;
    pool.on('error', (err) => {
      this.lastIdleError = err;
    });
  }

  async all<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return (await this.pool.query(numbered(sql), params as SqlParam[])).rows as T[];
  }
  async get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly SqlParam[] = []): Promise<{ changes: number }> {
    return { changes: (await this.pool.query(numbered(sql), params as SqlParam[])).rowCount ?? 0 };
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.withClient('BEGIN', fn);
  }

  readTx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.withClient('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn);
  }

  async writeBatch(sql: Sql, ctx: BatchContext, rows: readonly Finding[], serialize: (f: Finding) => string): Promise<(RowTransition | null)[]> {
    const texts = rows.map(serialize);
    // Tracking first: the upsert returns each fingerprint's state before this run (prev_state). Rows are
    // deduplicated (ON CONFLICT may touch a row once per statement) and sorted (a stable lock order).
    const byFp = new Map<string, Finding>();
    for (const r of rows) if (isTracked(r.status)) byFp.set(r.fingerprint, r);
    const tracked = [...byFp.values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
    const c = sql as ClientSql;
    const prior = new Map<string, PriorState>();
    for (let i = 0; i < tracked.length; i += BATCH) {
      const b = tracked.slice(i, i + BATCH);
      const out = await c.raw<{ fingerprint: string; prev_state: PriorState }>(UPSERT_TRACKED_PG, [
        ctx.scope,
        ctx.runId,
        ctx.at,
        b.map((r) => r.fingerprint),
        b.map((r) => r.checkId),
        b.map((r) => r.severity),
        b.map((r) => (r.status === 'excepted' ? 'excepted' : 'open')),
      ]);
      for (const r of out) prior.set(r.fingerprint, r.prev_state);
    }
    const transitions = rows.map((r) => (isTracked(r.status) ? transitionOf(prior.get(r.fingerprint) ?? null, r.status) : null));
    for (let i = 0; i < rows.length; i += BATCH) {
      const b = rows.slice(i, i + BATCH);
      await c.raw(
        `INSERT INTO run_findings (run_id, ordinal, fingerprint, check_id, severity, status, transition, finding)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
        [
          ctx.runId,
          b.map((_, j) => ctx.first + i + j),
          b.map((r) => r.fingerprint),
          b.map((r) => r.checkId),
          b.map((r) => r.severity),
          b.map((r) => r.status),
          transitions.slice(i, i + BATCH),
          texts.slice(i, i + BATCH),
        ],
      );
    }
    return transitions;
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.get<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    return !row?.t;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async withClient<T>(begin: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(begin);
        const out = await fn(clientSql(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // The connection is gone (server restart, network): discard it rather than return it to the pool.
          broken = rollbackErr as Error;
        }
        const code = (err as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
          continue;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    }
  }
}

const BATCH = 5000;

interface ClientSql extends Sql {
  /** `$n` placeholders, array parameters. */
  raw<T>(sql: string, params: unknown[]): Promise<T[]>;
}

function clientSql(client: pg.PoolClient): ClientSql {
  return {
    all: async <T>(sql: string, params: readonly SqlParam[] = []) => (await client.query(numbered(sql), params as SqlParam[])).rows as T[],
    get: async <T>(sql: string, params: readonly SqlParam[] = []) => (await client.query(numbered(sql), params as SqlParam[])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => ({ changes: (await client.query(numbered(sql), params as SqlParam[])).rowCount ?? 0 }),
    exec: async (sql: string) => {
      await client.query(sql);
    },
    raw: async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}

const numberedCache = new Map<string, string>();

/** `?` placeholders to `$1…$n` (our SQL never has a literal `?`). */
function numbered(sql: string): string {
  let out = numberedCache.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numberedCache.set(sql, out);
  }
  return out;
}

const UPSERT_TRACKED_PG = `INSERT INTO tracked_findings AS t
  (scope, fingerprint, check_id, severity, state, prev_state, first_seen_run, first_seen_at, last_seen_run, last_seen_at, reopen_count)
SELECT $1, u.fp, u.check_id, u.severity, u.state, NULL, $2, $3, $2, $3, 0
FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS u(fp, check_id, severity, state)
ON CONFLICT (fingerprint, scope) DO UPDATE SET
  prev_state = CASE WHEN t.last_seen_run = excluded.last_seen_run THEN t.prev_state ELSE t.state END,
  reopen_count = t.reopen_count + CASE WHEN t.last_seen_run <> excluded.last_seen_run AND t.state = 'fixed' THEN 1 ELSE 0 END,
  state = excluded.state,
  check_id = excluded.check_id,
  severity = excluded.severity,
  last_seen_run = GREATEST(t.last_seen_run, excluded.last_seen_run),
  last_seen_at = GREATEST(t.last_seen_at, excluded.last_seen_at),
  fixed_run = NULL,
  fixed_at = NULL
RETURNING t.fingerprint, t.prev_state`;
