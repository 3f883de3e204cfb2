import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { IncompleteError, InputError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { BatchContext, Driver, PriorState, RowTransition, Sql, SqlParam } from './driver.js';
import { sqliteMigrations } from './migrations/sqlite.js';
import { isTracked, transitionOf } from './runs.js';
import type { OpenStoreOptions } from './store.js';
import type { SqliteTarget } from './url.js';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * The embedded backend: one file, WAL journal (readers never block the writer), a busy timeout so that
 * a second process waits for the write lock instead of failing, and BEGIN IMMEDIATE so that a writer
 * takes the lock up front (a deferred transaction that upgrades later can fail with SQLITE_BUSY at once,
 * without waiting).
 */
export async function openSqliteDriver(target: SqliteTarget, opts: OpenStoreOptions): Promise<Driver> {
  const memory = target.file === ':memory:';
  const existed = memory || existsSync(target.file);
  if (!existed) {
    if (opts.create === false) {
      throw new InputError(`no store at ${target.file}`, {
        hint: 'run `appwrite-secops audit` with a store first, or pass --store with the right URL',
      });
    }
    // The store holds findings about secrets (redacted) and security posture: owner-only by default.
    mkdirSync(path.dirname(target.file), { recursive: true, mode: 0o700 });
  }
  let db: Database.Database;
  try {
    db = new Database(target.file, { timeout: opts.busyTimeoutMs ?? 15_000 });
    if (!existed) chmodSync(target.file, 0o600);
    db.pragma('journal_mode = WAL');
    // NORMAL with WAL survives a crashed or killed process; only a power cut can lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Bulk writes touch many pages: a larger cache (allocated only as used) and fewer automatic
    // checkpoints (the WAL may grow to ~40 MB between them) roughly halve the cost of a big run.
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 10000');
  } catch (err) {
    throw new InputError(`cannot open the store ${target.file}: ${(err as Error).message}`, {
      position: { path: target.file },
      hint: 'check that the path is a SQLite database you can write',
      cause: err,
    });
  }
  return new SqliteDriver(db, target.display);
}

class SqliteDriver implements Driver {
  readonly backend = 'sqlite' as const;
  readonly migrations = sqliteMigrations;
  readonly forUpdate = '';
  /** BEGIN IMMEDIATE already excludes every other writer. */
  readonly migrationLock = '';
  private readonly cache = new Map<string, Statement>();
  /** better-sqlite3 is synchronous, but the store API is async: chain operations so that an awaited
   * transaction of one caller never interleaves with statements of another in this process. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: Sql;

  private readonly db: Database.Database;
  readonly location: string;

  constructor(db: Database.Database, location: string) {
    this.db = db;
    this.location = location;
    this.direct = {
      all: async <T>(sql: string, params: readonly SqlParam[] = []) => this.stmt(sql).all(...bind(params)) as T[],
      get: async <T>(sql: string, params: readonly SqlParam[] = []) => this.stmt(sql).get(...bind(params)) as T | undefined,
      run: async (sql: string, params: readonly SqlParam[] = []) => ({ changes: this.stmt(sql).run(...bind(params)).changes }),
      exec: async (sql: string) => {
        this.db.exec(sql);
      },
    };
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.serial(() => this.direct.all<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.serial(() => this.direct.get<T>(sql, params));
  }
  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }> {
    return this.serial(() => this.direct.run(sql, params));
  }
  exec(sql: string): Promise<void> {
    return this.serial(() => this.direct.exec(sql));
  }

  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.serial(() => this.inTransaction('BEGIN IMMEDIATE', fn));
  }

  readTx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    // A deferred read transaction sees one WAL snapshot from its first read on.
    return this.serial(() => this.inTransaction('BEGIN DEFERRED', fn));
  }


  async writeBatch(_sql: Sql, ctx: BatchContext, findings: readonly Finding[], serialize: (f: Finding) => string): Promise<(RowTransition | null)[]> {
    // Prior states in one statement (json_each), rows one by one as a bare insert loop would (each JSON
    // text is garbage right after its insert: no batch of big strings kept alive for the GC to promote),
    // then the tracking upsert set-based from the rows just written: SQLite does that loop in C.
    const fps: string[] = [];
    for (const f of findings) if (isTracked(f.status)) fps.push(f.fingerprint);
    const prior = new Map<string, PriorState>();
    if (fps.length) {
      const found = this.stmt(PRIOR_STATES).all(ctx.scope, JSON.stringify(fps)) as { fingerprint: string; state: PriorState; prev_state: PriorState; last_seen_run: number }[];
      // Touched earlier in this same run (an earlier batch): its state before the run is prev_state.
      for (const r of found) prior.set(r.fingerprint, Number(r.last_seen_run) === ctx.runId ? r.prev_state : r.state);
    }
    const insert = this.stmt(INSERT_FINDING);
    const out = findings.map((f, i) => {
      const t = isTracked(f.status) ? transitionOf(prior.get(f.fingerprint) ?? null, f.status) : null;
      insert.run(ctx.runId, ctx.first + i, f.fingerprint, f.checkId, f.severity, f.status, t, serialize(f));
      return t;
    });
    if (fps.length) this.stmt(UPSERT_TRACKED).run({ scope: ctx.scope, run: ctx.runId, at: ctx.at, lo: ctx.first, hi: ctx.first + findings.length });
    return out;
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.get("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    return !row;
  }

  async close(): Promise<void> {
    // Wait for queued operations; their errors already went to their own callers.
    await this.queue.catch(() => undefined);
    if (this.db.open) this.db.close();
  }

  private async inTransaction<T>(begin: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
    try {
      this.db.exec(begin);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') {
        throw new IncompleteError(`the store ${this.location} stayed locked by another writer`, {
          hint: 'another appwrite-secops process holds it; retry, or raise the busy timeout',
          cause: err,
        });
      }
      throw err;
    }
    try {
      const out = await fn(this.direct);
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    // The queue only orders operations; each caller gets its own result or error from `next`.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}

function bind(params: readonly SqlParam[]): (string | number | null)[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

const PRIOR_STATES = 'SELECT fingerprint, state, prev_state, last_seen_run FROM tracked_findings WHERE scope = ? AND fingerprint IN (SELECT value FROM json_each(?))';

const INSERT_FINDING = 'INSERT INTO run_findings (run_id, ordinal, fingerprint, check_id, severity, status, transition, finding) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * prev_state keeps the state from before this run: it is only replaced when the row is first touched by
 * this run (last_seen_run changes), so a fingerprint seen twice in one run gets one transition.
 * last_seen_run only moves forward, so an older run that finishes late cannot make a newer run's
 * finding look unseen (and then "fixed"). (The WHERE clause also resolves SQLite's INSERT…SELECT…ON
 * CONFLICT parsing ambiguity.)
 */
export const UPSERT_TRACKED = `INSERT INTO tracked_findings
  (scope, fingerprint, check_id, severity, state, prev_state, first_seen_run, first_seen_at, last_seen_run, last_seen_at, reopen_count)
SELECT @scope, fingerprint, check_id, severity, CASE status WHEN 'excepted' THEN 'excepted' ELSE 'open' END, NULL, @run, @at, @run, @at, 0
FROM run_findings WHERE run_id = @run AND ordinal >= @lo AND ordinal < @hi AND status IN ('fail', 'excepted') ORDER BY fingerprint
ON CONFLICT (fingerprint, scope) DO UPDATE SET
  prev_state = CASE WHEN tracked_findings.last_seen_run = excluded.last_seen_run THEN tracked_findings.prev_state ELSE tracked_findings.state END,
  reopen_count = tracked_findings.reopen_count + CASE WHEN tracked_findings.last_seen_run <> excluded.last_seen_run AND tracked_findings.state = 'fixed' THEN 1 ELSE 0 END,
  state = excluded.state,
  check_id = excluded.check_id,
  severity = excluded.severity,
  last_seen_run = MAX(tracked_findings.last_seen_run, excluded.last_seen_run),
  last_seen_at = MAX(tracked_findings.last_seen_at, excluded.last_seen_at),
  fixed_run = NULL,
  fixed_at = NULL`;
