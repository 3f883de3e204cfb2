import { UsageError } from '../core/errors.js';
import { diffRuns, type RunDiff } from './diff.js';
import type { Driver, SqlParam } from './driver.js';
import type { Scrub } from './evidence-log.js';
import { recordSeenTx } from './first-seen.js';
import { RUN_COLUMNS, toRunRecord, type RunRow } from './runs.js';
import type { RunQuery, RunRecord, StoredFinding, TrackedFinding } from './store.js';
import { TRACKED_STATUSES } from './store.js';

const CHUNK = 500;

/** Reads runs and their findings; first-seen dates. */
export class RunQueries {
  private readonly driver: Driver;
  private readonly scrub: Scrub;
  private readonly clock: () => Date;

  constructor(driver: Driver, scrub: Scrub, clock: () => Date) {
    this.driver = driver;
    this.scrub = scrub;
    this.clock = clock;
  }

  async getRun(runId: number): Promise<RunRecord | undefined> {
    const row = await this.driver.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, [runId]);
    return row ? toRunRecord(row) : undefined;
  }

  async listRuns(q: RunQuery = {}): Promise<RunRecord[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    if (q.scope !== undefined) (where.push('scope = ?'), params.push(q.scope));
    if (q.before !== undefined) (where.push('id < ?'), params.push(q.before));
    if (q.finishedOnly) where.push("state = 'finished'");
    const limit = q.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(q.limit))}` : '';
    const rows = await this.driver.all<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC${limit}`, params);
    return rows.map(toRunRecord);
  }

  async resolveRun(ref: string | number, opts: { scope?: string; before?: number } = {}): Promise<RunRecord> {
    const text = String(ref).trim();
    if (/^\d+$/.test(text)) {
      const run = await this.getRun(Number(text));
      if (!run) throw new UsageError(`no run ${text} in the store`, { hint: 'list runs with `appwrite-secops history`' });
      return run;
    }
    if (text !== 'last' && text !== 'previous') throw new UsageError(`"${text}" is not a run`, { hint: 'use last, previous, or a run id from `appwrite-secops history`' });
    const runs = await this.listRuns({ ...opts, finishedOnly: true, limit: 2 });
    const run = text === 'last' ? runs[0] : runs[1];
    if (!run) throw new UsageError(`the store has no ${text === 'last' ? '' : 'second '}finished run${opts.scope ? ` in scope "${opts.scope}"` : ''}`, { hint: 'record one with `appwrite-secops audit --store …`' });
    return run;
  }

  async findingsOf(runId: number): Promise<StoredFinding[]> {
    if (!(await this.getRun(runId))) throw new UsageError(`no run ${runId} in the store`, { hint: 'list runs with `appwrite-secops history`' });
    const rows = await this.driver.all<{ finding: string; transition: string | null }>('SELECT finding, transition FROM run_findings WHERE run_id = ? ORDER BY ordinal', [runId]);
    return rows.map((r) => {
      const f = JSON.parse(r.finding) as StoredFinding;
      if (r.transition) f.transition = r.transition as StoredFinding['transition'];
      return f;
    });
  }

  async fixedIn(runId: number): Promise<TrackedFinding[]> {
    const rows = await this.driver.all<Record<string, string | number | null>>(
      `SELECT t.* FROM run_fixed f JOIN runs r ON r.id = f.run_id JOIN tracked_findings t ON t.scope = r.scope AND t.fingerprint = f.fingerprint
       WHERE f.run_id = ? ORDER BY t.fingerprint`,
      [runId],
    );
    return rows.map((t) => ({
      scope: String(t.scope),
      fingerprint: String(t.fingerprint),
      checkId: String(t.check_id),
      severity: t.severity as TrackedFinding['severity'],
      state: t.state as TrackedFinding['state'],
      firstSeenAt: String(t.first_seen_at),
      firstSeenRun: Number(t.first_seen_run),
      lastSeenAt: String(t.last_seen_at),
      lastSeenRun: Number(t.last_seen_run),
      ...(t.fixed_run != null ? { fixedRun: Number(t.fixed_run) } : {}),
      reopenCount: Number(t.reopen_count),
    }));
  }

  async diff(runA: number, runB: number): Promise<RunDiff> {
    const [base, head] = await Promise.all([this.findingsOf(runA), this.findingsOf(runB)]);
    const headRun = (await this.getRun(runB))!;
    const headChecks = headRun.checks ? new Set(headRun.checks) : undefined;
    const baseFps = new Set(base.map((f) => f.fingerprint));
    const candidates = [...new Set(head.filter((f) => TRACKED_STATUSES.includes(f.status) && !baseFps.has(f.fingerprint)).map((f) => f.fingerprint))];
    const seenBefore = new Set<string>();
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const part = candidates.slice(i, i + CHUNK);
      const rows = await this.driver.all<{ fingerprint: string }>(
        `SELECT fingerprint FROM tracked_findings WHERE scope = ? AND first_seen_run < ? AND fingerprint IN (${part.map(() => '?').join(', ')})`,
        [headRun.scope, runA, ...part],
      );
      for (const r of rows) seenBefore.add(r.fingerprint);
    }
    return diffRuns(base, head, { seenBefore, headChecks });
  }

  async recordSeen(keys: readonly string[], at?: Date): Promise<void> {
    if (keys.length === 0) return;
    const when = (at ?? this.clock()).toISOString();
    await this.driver.tx((sql) => recordSeenTx(sql, [...new Set(keys)], when, this.scrub));
  }

  async firstSeen(key: string): Promise<Date | undefined> {
    const row = await this.driver.get<{ a: string | null; b: string | null }>(
      'SELECT (SELECT first_seen_at FROM first_seen WHERE key = ?) AS a, (SELECT MIN(first_seen_at) FROM tracked_findings WHERE fingerprint = ?) AS b',
      [key, key],
    );
    const dates = [row?.a, row?.b].filter((d): d is string => !!d).sort();
    return dates[0] ? new Date(dates[0]) : undefined;
  }
}
