import type { Finding } from '../core/finding.js';
import type { Driver } from './driver.js';
import { appendEvidenceTx, listEvidence, verifyEvidence, type Scrub } from './evidence-log.js';
import { migrate, schemaStatus } from './migrations/index.js';
import { pruneStore } from './retention.js';
import { RunQueries } from './run-queries.js';
import { RunWriter } from './run-writer.js';
import type { BeginRunInput, EvidenceInput, EvidenceQuery, FinishRunInput, OpenStoreOptions, PruneOptions, RunQuery, Store, WorkflowState } from './store.js';
import { WorkflowStates } from './workflow-state.js';

/**
 * The Store on top of a Driver. Everything but the SQL dialect and the bulk-write hot path is shared by
 * both backends: runs (run-writer, run-queries), the evidence log, workflow state and retention.
 */
export class SqlStore implements Store {
  private readonly driver: Driver;
  private readonly scrub: Scrub;
  private readonly clock: () => Date;
  private readonly writer: RunWriter;
  private readonly queries: RunQueries;
  private readonly states: WorkflowStates;

  private constructor(driver: Driver, opts: OpenStoreOptions) {
    this.driver = driver;
    const redactor = opts.redactor;
    this.scrub = redactor ? (t) => redactor.scrub(t) : (t) => t;
    this.clock = opts.clock ?? (() => new Date());
    this.writer = new RunWriter(driver, this.scrub, this.clock, opts.runLeaseMs ?? 30 * 60_000);
    this.queries = new RunQueries(driver, this.scrub, this.clock);
    this.states = new WorkflowStates(driver, this.scrub, this.clock);
  }

  /** Migrates (per `opts.migrate`), marks runs of dead processes abandoned, and returns the store. */
  static async open(driver: Driver, opts: OpenStoreOptions): Promise<SqlStore> {
    try {
      const mode = opts.migrate ?? 'auto';
      if (mode !== 'defer') await migrate(driver, mode);
      const store = new SqlStore(driver, opts);
      if (mode !== 'defer') await store.writer.recoverAbandonedRuns();
      return store;
    } catch (err) {
      await driver.close();
      throw err;
    }
  }

  get backend() {
    return this.driver.backend;
  }
  get location() {
    return this.driver.location;
  }

  migrate() {
    return migrate(this.driver, 'always');
  }
  schemaStatus() {
    return schemaStatus(this.driver);
  }

  beginRun(input: BeginRunInput) {
    return this.writer.beginRun(input);
  }
  recordFindings(runId: number, findings: readonly Finding[]) {
    return this.writer.recordFindings(runId, findings);
  }
  finishRun(runId: number, input: FinishRunInput) {
    return this.writer.finishRun(runId, input);
  }
  heartbeat(runId: number) {
    return this.writer.heartbeat(runId);
  }

  getRun(runId: number) {
    return this.queries.getRun(runId);
  }
  listRuns(query?: RunQuery) {
    return this.queries.listRuns(query);
  }
  resolveRun(ref: string | number, opts?: { scope?: string; before?: number }) {
    return this.queries.resolveRun(ref, opts);
  }
  findingsOf(runId: number) {
    return this.queries.findingsOf(runId);
  }
  fixedIn(runId: number) {
    return this.queries.fixedIn(runId);
  }
  diff(runA: number, runB: number) {
    return this.queries.diff(runA, runB);
  }
  recordSeen(keys: readonly string[], at?: Date) {
    return this.queries.recordSeen(keys, at);
  }
  firstSeen(key: string) {
    return this.queries.firstSeen(key);
  }

  appendEvidence(input: EvidenceInput) {
    return this.driver.tx((sql) => appendEvidenceTx(sql, this.driver, input, this.scrub, this.clock()));
  }
  listEvidence(query?: EvidenceQuery) {
    return listEvidence(this.driver, query);
  }
  verifyEvidence() {
    return verifyEvidence(this.driver);
  }

  getState<T = unknown>(kind: string, id: string): Promise<WorkflowState<T> | undefined> {
    return this.states.get<T>(kind, id);
  }
  putState<T = unknown>(kind: string, id: string, state: T, expectedVersion: number): Promise<WorkflowState<T>> {
    return this.states.put(kind, id, state, expectedVersion);
  }
  listStates(kind: string) {
    return this.states.list(kind);
  }
  acquireLease(kind: string, id: string, owner: string, leaseMs: number) {
    return this.states.acquireLease(kind, id, owner, leaseMs);
  }
  releaseLease(kind: string, id: string, owner: string) {
    return this.states.releaseLease(kind, id, owner);
  }

  prune(opts: PruneOptions) {
    return pruneStore(this.driver, this.scrub, this.clock(), opts);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
