import type { Finding, FindingStatus } from '../core/finding.js';
import type { Redactor } from '../core/redact.js';
import type { Severity } from '../core/severity.js';
import type { RunDiff } from './diff.js';
import type { EvidenceVerification } from './evidence-chain.js';

/**
 * The evidence store: the memory of appwrite-secops. Two backends sit behind one interface,
 * `sqlite:PATH` (one user, an embedded file) and `postgres://…` (a team sharing a server).
 *
 * How `audit` uses it (audit-run.ts wraps both in `recordAudit` and `compareWithBaseline`):
 * ```ts
 * const store = await openStore(resolveStoreUrl({ flag, env, config }), { cwd: root, redactor });
 * const run = await store.beginRun({ toolVersion, root, inputs, environment: captureEnvironment(process.env) });
 * await store.recordFindings(run.id, result.findings);          // may be called several times (batches)
 * await store.finishRun(run.id, { complete: result.summary.complete, durationMs, checks: ranCheckIds });
 * await store.close();
 * ```
 * and for `audit --baseline last|RUN_ID` (only findings that are new against the baseline count):
 * ```ts
 * const base = await store.resolveRun('last');                   // before beginRun, or pass { before: run.id }
 * const d = diffRuns(await store.findingsOf(base.id), result.findings, { headChecks });
 * const introduced = introducedFingerprints(d);                  // new + reopened
 * ```
 * A run that never reaches `finishRun` (killed process) stays `complete: false`; the next open marks it
 * `abandoned`. Every method is safe to call from several processes at once on the same store.
 */
export interface Store {
  readonly backend: StoreBackend;
  /** Where the store is, safe to print (a PostgreSQL password is masked). */
  readonly location: string;

  /** Applies pending schema migrations; returns what it did. */
  migrate(): Promise<MigrationReport>;
  schemaStatus(): Promise<SchemaStatus>;

  beginRun(input: BeginRunInput): Promise<RunRecord>;
  /**
   * Records findings of a running run (each call is one transaction). Every `fail` / `excepted` finding is
   * tracked by fingerprint: it gets a transition (new, unchanged, reopened, excepted) and first/last-seen.
   * Findings must arrive redacted; the store's redactor scrubs them again before they are written.
   */
  recordFindings(runId: number, findings: readonly Finding[]): Promise<RecordReport>;
  /**
   * Closes a run. Tracked findings not seen again become `fixed` only when the run can tell: `complete`
   * is true, or `checks` lists the checks that ran (then only their findings, minus checks that errored).
   */
  finishRun(runId: number, input: FinishRunInput): Promise<RunRecord>;
  /** Extends the lease of a long run so that other processes do not take it for abandoned. */
  heartbeat(runId: number): Promise<void>;

  getRun(runId: number): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(query?: RunQuery): Promise<RunRecord[]>;
  /**
   * `last` (newest finished run), `previous` (the one before it), or a run id. Throws UsageError when
   * there is no such run. `before` limits the search to runs older than that id.
   */
  resolveRun(ref: string | number, opts?: { scope?: string; before?: number }): Promise<RunRecord>;
  /** The findings of a run as recorded, in the order they were recorded, with their transition. */
  findingsOf(runId: number): Promise<StoredFinding[]>;
  /** Tracked findings that became fixed when this run finished. */
  fixedIn(runId: number): Promise<TrackedFinding[]>;
  /** New, fixed, reopened and unchanged findings between two runs (A is the base, B the head). */
  diff(runA: number, runB: number): Promise<RunDiff>;

  /** Registers keys (advisory ids, …) as seen at `at` (default now); the earliest date is kept. */
  recordSeen(keys: readonly string[], at?: Date): Promise<void>;
  /**
   * When a key was first seen: a key given to `recordSeen`, an advisory id or alias of a recorded
   * finding, or a finding fingerprint. Undefined when never seen. (The dependency SLAs' FirstSeenProvider.)
   */
  firstSeen(key: string): Promise<Date | undefined>;

  /** Appends one record to the hash-chained evidence log. */
  appendEvidence(input: EvidenceInput): Promise<EvidenceRecord>;
  /** Evidence records in chain order. */
  listEvidence(query?: EvidenceQuery): Promise<EvidenceRecord[]>;
  /** Walks the whole chain; reports the first broken link (edited, deleted or reordered record). */
  verifyEvidence(): Promise<EvidenceVerification>;

  /** Workflow state (key rotation, incidents): generic JSON state with optimistic locking and leases. */
  getState<T = unknown>(kind: string, id: string): Promise<WorkflowState<T> | undefined>;
  /**
   * Creates (`expectedVersion` 0) or updates (`expectedVersion` = the version read) a state record.
   * Throws StoreConflictError when someone else wrote it first.
   */
  putState<T = unknown>(kind: string, id: string, state: T, expectedVersion: number): Promise<WorkflowState<T>>;
  listStates(kind: string): Promise<WorkflowState[]>;
  /** Takes (or renews) the lease on a state record; false when another owner holds an unexpired lease. */
  acquireLease(kind: string, id: string, owner: string, leaseMs: number): Promise<boolean>;
  releaseLease(kind: string, id: string, owner: string): Promise<void>;

  /** Retention: deletes old runs (and evidence only when `includeEvidence`). */
  prune(opts: PruneOptions): Promise<PruneReport>;

  close(): Promise<void>;
}

export const STORE_BACKENDS = ['sqlite', 'postgres'] as const;
export type StoreBackend = (typeof STORE_BACKENDS)[number];

export const DEFAULT_STORE_URL = 'sqlite:.appwrite-secops/state.db';
/** Environment variable holding the store URL (keeps a PostgreSQL password out of the config file). */
export const STORE_URL_ENV = 'APPWRITE_SECOPS_STORE';

export const RUN_STATES = ['running', 'finished', 'abandoned'] as const;
export type RunState = (typeof RUN_STATES)[number];

export const TRANSITIONS = ['new', 'unchanged', 'fixed', 'reopened', 'excepted'] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Finding statuses that mean "the problem is there": only these are tracked across runs. */
export const TRACKED_STATUSES: readonly FindingStatus[] = ['fail', 'excepted'];

export interface BeginRunInput {
  toolVersion: string;
  /** What was audited (a folder, a project). Stored as given. */
  root?: string;
  /**
   * Findings are tracked per scope: a finding is `fixed` only by a later run of the same scope.
   * Default `default`; give CI pipelines of different projects different scopes.
   */
  scope?: string;
  /** The inputs that were read (kinds and paths), the config path, flags: anything JSON. */
  inputs?: unknown;
  /** Where it ran (see captureEnvironment); never raw environment variables. */
  environment?: Record<string, unknown>;
  /** e.g. `audit`, `monitor`. */
  command?: string;
  startedAt?: Date;
}

export interface FinishRunInput {
  complete: boolean;
  durationMs: number;
  /** Ids of the checks that ran; lets a partial run mark their findings fixed. */
  checks?: readonly string[];
}

export interface RunQuery {
  scope?: string;
  limit?: number;
  /** Only runs with a smaller id. */
  before?: number;
  /** Only runs that reached finishRun. */
  finishedOnly?: boolean;
}

export interface RunRecord {
  id: number;
  scope: string;
  command: string;
  state: RunState;
  /** True only when the run finished and could judge everything it was asked to. */
  complete: boolean;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  toolVersion: string;
  root?: string;
  inputs: unknown;
  environment: Record<string, unknown>;
  inputsDigest: string;
  /** sha256 of the findings as recorded (see findingsDigestOf); set when the run finishes or is abandoned. */
  findingsDigest?: string;
  /** Failing findings by severity (filled at finish; for a running run, counted so far). */
  failBySeverity: Record<Severity, number>;
  /** Findings recorded, all statuses. */
  findingCount: number;
  transitions: Record<Transition, number>;
  /** The checks the run said it ran (finishRun `checks`), when it said. */
  checks?: string[];
}

export interface StoredFinding extends Finding {
  /** Undefined for statuses that are not tracked (pass, error, skipped). */
  transition?: Exclude<Transition, 'fixed'>;
}

export interface TrackedFinding {
  scope: string;
  fingerprint: string;
  checkId: string;
  severity: Severity;
  state: 'open' | 'excepted' | 'fixed';
  firstSeenAt: string;
  firstSeenRun: number;
  lastSeenAt: string;
  lastSeenRun: number;
  fixedRun?: number;
  reopenCount: number;
}

export interface RecordReport {
  recorded: number;
  transitions: Record<Exclude<Transition, 'fixed'>, number>;
}

export interface EvidenceInput {
  /** What happened, dotted: `audit.run.finished`, `key.rotated`, `incident.step`. */
  kind: string;
  /** What it happened to: `run:12`, `key:abc`, `incident:2024-07`. */
  subject: string;
  /** Who or what did it (user, CI job); optional. */
  actor?: string;
  /** Redacted details; any JSON (BigInt becomes a string). */
  data?: unknown;
  /** sha256 of the inputs the step used, when there were any. */
  inputsDigest?: string;
  /** sha256 of the findings / results the step produced, when there were any. */
  findingsDigest?: string;
  at?: Date;
}

export interface EvidenceRecord {
  seq: number;
  at: string;
  kind: string;
  subject: string;
  actor: string | null;
  data: unknown;
  inputsDigest: string | null;
  findingsDigest: string | null;
  prevHash: string;
  hash: string;
}

export interface EvidenceQuery {
  /** Records at or after this time. */
  since?: Date;
  afterSeq?: number;
  limit?: number;
}

export interface WorkflowState<T = unknown> {
  kind: string;
  id: string;
  state: T;
  /** Starts at 1; each put increments it. */
  version: number;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PruneOptions {
  /** Delete runs that started before this time… */
  olderThan: Date;
  /** …but always keep this many newest runs per scope. */
  keepRuns: number;
  /** Also delete evidence records older than `evidenceOlderThan`. Never implied. */
  includeEvidence?: boolean;
  evidenceOlderThan?: Date;
  dryRun?: boolean;
}

export interface PruneReport {
  runsDeleted: number;
  findingsDeleted: number;
  evidenceDeleted: number;
  dryRun: boolean;
}

export interface SchemaStatus {
  current: number;
  latest: number;
  pending: { version: number; name: string }[];
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: { version: number; name: string }[];
}

export interface OpenStoreOptions {
  /** Folder a relative `sqlite:` path is resolved against (the workspace). Default process.cwd(). */
  cwd?: string;
  /** Scrubs every registered secret from everything written (defence in depth: findings are already redacted). */
  redactor?: Redactor;
  /**
   * `auto` (default): apply pending migrations when every one of them is additive; otherwise ask for
   * `store migrate`. `never`: refuse to open a store that is behind. `always`: apply any pending ones.
   * `defer`: touch nothing; the caller runs `migrate()` itself (the `store migrate` command).
   */
  migrate?: 'auto' | 'never' | 'always' | 'defer';
  /** False: a missing SQLite file is an error instead of being created (read-only commands). */
  create?: boolean;
  /** How long a writer waits for another one (SQLite busy timeout). Default 15 s. */
  busyTimeoutMs?: number;
  /** Lease of a running run; a run not heard from for this long is taken as abandoned. Default 30 min. */
  runLeaseMs?: number;
  /** TLS settings for PostgreSQL (URL parameters such as sslmode win). */
  tls?: PostgresTlsOptions;
  /** Injected clock (tests). */
  clock?: () => Date;
}

export interface PostgresTlsOptions {
  mode?: 'disable' | 'require' | 'verify-ca' | 'verify-full';
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

/**
 * Opens (and creates, and migrates when safe) the store at `url`: `sqlite:PATH` (relative to `cwd`),
 * `sqlite::memory:`, or `postgres://user:pass@host:port/db?sslmode=verify-full&sslrootcert=ca.pem`.
 */
export async function openStore(url: string = DEFAULT_STORE_URL, opts: OpenStoreOptions = {}): Promise<Store> {
  const { parseStoreUrl } = await import('./url.js');
  const target = parseStoreUrl(url, opts.cwd ?? process.cwd());
  const { SqlStore } = await import('./sql-store.js');
  if (target.backend === 'sqlite') {
    const { openSqliteDriver } = await import('./sqlite.js');
    return SqlStore.open(await openSqliteDriver(target, opts), opts);
  }
  opts.redactor?.add(target.password);
  const { openPostgresDriver } = await import('./postgres.js');
  return SqlStore.open(await openPostgresDriver(target, opts), opts);
}
