import { SecopsError, UsageError } from '../core/errors.js';
import type { Driver } from './driver.js';
import type { Scrub } from './evidence-log.js';
import { toJson } from './json.js';
import type { WorkflowState } from './store.js';

/**
 * Someone else changed a workflow state record between our read and our write (optimistic locking).
 * Exit 3: the step did not happen; reload the state and try again.
 */
export class StoreConflictError extends SecopsError {
  constructor(message: string, opts: { hint?: string } = {}) {
    super(message, { exitCode: 3, hint: opts.hint ?? 'another process updated it first: reload the state and retry' });
    this.name = 'StoreConflictError';
  }
}

interface StateRow {
  kind: string;
  id: string;
  state: string;
  version: number;
  lease_owner: string | null;
  lease_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'kind, id, state, version, lease_owner, lease_expires_at, created_at, updated_at';

/** Generic, versioned state for long-running work (key rotation, incidents) that must survive a crash. */
export class WorkflowStates {
  private readonly driver: Driver;
  private readonly scrub: Scrub;
  private readonly clock: () => Date;

  constructor(driver: Driver, scrub: Scrub, clock: () => Date) {
    this.driver = driver;
    this.scrub = scrub;
    this.clock = clock;
  }

  async get<T>(kind: string, id: string): Promise<WorkflowState<T> | undefined> {
    const row = await this.driver.get<StateRow>(`SELECT ${COLUMNS} FROM workflow_state WHERE kind = ? AND id = ?`, [kind, id]);
    return row ? toState<T>(row) : undefined;
  }

  async list(kind: string): Promise<WorkflowState[]> {
    const rows = await this.driver.all<StateRow>(`SELECT ${COLUMNS} FROM workflow_state WHERE kind = ? ORDER BY id`, [kind]);
    return rows.map((r) => toState(r));
  }

  async put<T>(kind: string, id: string, state: T, expectedVersion: number): Promise<WorkflowState<T>> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw new UsageError(`expectedVersion must be 0 (create) or the version read, got ${expectedVersion}`);
    const now = this.clock().toISOString();
    const text = this.scrub(toJson(state));
    return this.driver.tx(async (sql) => {
      if (expectedVersion === 0) {
        const rows = await sql.all<StateRow>(
          `INSERT INTO workflow_state (kind, id, state, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)
           ON CONFLICT (kind, id) DO NOTHING RETURNING ${COLUMNS}`,
          [kind, id, text, now, now],
        );
        if (rows[0]) return toState<T>(rows[0]);
        throw new StoreConflictError(`workflow state ${kind}/${id} already exists`);
      }
      const rows = await sql.all<StateRow>(
        `UPDATE workflow_state SET state = ?, version = version + 1, updated_at = ? WHERE kind = ? AND id = ? AND version = ? RETURNING ${COLUMNS}`,
        [text, now, kind, id, expectedVersion],
      );
      if (rows[0]) return toState<T>(rows[0]);
      const current = await sql.get<{ version: number }>('SELECT version FROM workflow_state WHERE kind = ? AND id = ?', [kind, id]);
      throw new StoreConflictError(
        current
          ? `workflow state ${kind}/${id} is at version ${current.version}, not ${expectedVersion}`
          : `workflow state ${kind}/${id} does not exist (create it with expected version 0)`,
      );
    });
  }

  /** Takes the lease when it is free, expired, or already ours (then it is renewed). */
  async acquireLease(kind: string, id: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = this.clock();
    const res = await this.driver.run(
      `UPDATE workflow_state SET lease_owner = ?, lease_expires_at = ?
       WHERE kind = ? AND id = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at < ?)`,
      [owner, new Date(now.getTime() + leaseMs).toISOString(), kind, id, owner, now.toISOString()],
    );
    if (res.changes === 1) return true;
    const exists = await this.driver.get('SELECT 1 AS x FROM workflow_state WHERE kind = ? AND id = ?', [kind, id]);
    if (!exists) throw new UsageError(`no workflow state ${kind}/${id} to lease`, { hint: 'create it with putState(kind, id, state, 0) first' });
    return false;
  }

  async releaseLease(kind: string, id: string, owner: string): Promise<void> {
    await this.driver.run('UPDATE workflow_state SET lease_owner = NULL, lease_expires_at = NULL WHERE kind = ? AND id = ? AND lease_owner = ?', [kind, id, owner]);
  }
}

function toState<T>(r: StateRow): WorkflowState<T> {
  return {
    kind: r.kind,
    id: r.id,
    state: JSON.parse(r.state) as T,
    version: Number(r.version),
    leaseOwner: r.lease_owner,
    leaseExpiresAt: r.lease_expires_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
