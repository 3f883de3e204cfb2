import type { Finding } from '../core/finding.js';
import type { Migration } from './migrations/index.js';
import type { StoreBackend, Transition } from './store.js';

/** Parameters bound to `?` placeholders. Booleans are stored as 0/1 on SQLite. */
export type SqlParam = string | number | boolean | null;

/** The small SQL surface the shared store logic needs. SQL is written with `?` placeholders. */
export interface Sql {
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface BatchContext {
  runId: number;
  scope: string;
  /** ISO time of this batch (last seen). */
  at: string;
  /** Ordinal of the first row of this batch within the run. */
  first: number;
}

/** A tracked fingerprint's state before this run touched it; null when it was never tracked. */
export type PriorState = 'open' | 'excepted' | 'fixed' | null;

/** The transition a finding gets when recorded ('fixed' is decided when a run finishes). */
export type RowTransition = Exclude<Transition, 'fixed'>;

export interface Driver extends Sql {
  readonly backend: StoreBackend;
  readonly location: string;
  readonly migrations: readonly Migration[];
  /**
   * Runs `fn` in one write transaction that is serialised against every other writer (SQLite
   * BEGIN IMMEDIATE; PostgreSQL READ COMMITTED, retried on deadlock / serialisation failure).
   */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Runs `fn` on one consistent snapshot, without blocking writers. */
  readTx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Statement that takes the store-wide migration lock until the transaction ends ('' when the write transaction already excludes others). */
  readonly migrationLock: string;
  /** SQL that locks the selected rows until the transaction ends (`FOR UPDATE`), empty on SQLite. */
  readonly forUpdate: string;
  /**
   * The hot path: writes one batch of findings (`serialize` turns one into its redacted JSON, once per
   * finding, in order) in the transaction `sql` (run_findings rows with their transition, and the tracked_findings upsert) and returns each row's transition (null: not tracked).
   * Transitions come from `transitionOf(prior, status)`, where prior is the fingerprint's state before
   * this run (a fingerprint seen twice in one run gets one transition).
   */
  writeBatch(sql: Sql, ctx: BatchContext, findings: readonly Finding[], serialize: (f: Finding) => string): Promise<(RowTransition | null)[]>;
  /** True when the store file/database has no tables yet. */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}
