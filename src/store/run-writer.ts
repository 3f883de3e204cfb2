import { createHash, type Hash } from 'node:crypto';
import type { Finding } from '../core/finding.js';
import { UsageError } from '../core/errors.js';
import type { Driver, Sql, SqlParam } from './driver.js';
import { appendEvidenceTx, type Scrub } from './evidence-log.js';
import { recordSeenTx } from './first-seen.js';
import { digestOf, toJson } from './json.js';
import { emptySummary, pidAlive, processOwner, RUN_COLUMNS, toRunRecord, type RunRow, type RunSummary } from './runs.js';
import type { BeginRunInput, FinishRunInput, RecordReport, RunRecord } from './store.js';
import { TRACKED_STATUSES } from './store.js';

const CHUNK = 500;

/**
 * Writes runs: begin, record findings (tracking and transitions), finish (fixed findings, digests,
 * evidence), and the recovery of runs whose process is gone.
 */
export class RunWriter {
  private readonly owner = processOwner();
  /**
   * Running findings digest per run recorded by this process (sha256 over the stored texts). Another
   * process adding to the same run, or a run abandoned by a dead process, is digested from the rows.
   */
  private readonly digests = new Map<number, { hash: Hash; count: number }>();
  private readonly driver: Driver;
  private readonly scrub: Scrub;
  private readonly clock: () => Date;
  private readonly leaseMs: number;

  constructor(driver: Driver, scrub: Scrub, clock: () => Date, leaseMs: number) {
    this.driver = driver;
    this.scrub = scrub;
    this.clock = clock;
    this.leaseMs = leaseMs;
  }

  async beginRun(input: BeginRunInput): Promise<RunRecord> {
    const now = this.clock();
    const startedAt = (input.startedAt ?? now).toISOString();
    const inputsText = this.scrub(toJson(input.inputs ?? null));
    const inputsDigest = digestOf(JSON.parse(inputsText));
    const scope = input.scope ?? 'default';
    const command = input.command ?? 'audit';
    return this.driver.tx(async (sql) => {
      const row = await sql.get<RunRow>(
        `INSERT INTO runs (scope, command, state, complete, started_at, tool_version, root, inputs, environment, inputs_digest, findings_digest, summary, owner_host, owner_pid, lease_expires_at)
         VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${RUN_COLUMNS}`,
        [
          scope,
          command,
          false,
          startedAt,
          input.toolVersion,
          input.root === undefined ? null : this.scrub(input.root),
          inputsText,
          this.scrub(toJson(input.environment ?? {})),
          inputsDigest,
          '',
          JSON.stringify(emptySummary()),
          this.owner,
          process.pid,
          new Date(now.getTime() + this.leaseMs).toISOString(),
        ],
      );
      const run = toRunRecord(row!);
      await appendEvidenceTx(
        sql,
        this.driver,
        { kind: `${command}.run.started`, subject: `run:${run.id}`, data: { runId: run.id, scope, toolVersion: input.toolVersion, root: run.root ?? null }, inputsDigest },
        this.scrub,
        now,
      );
      return run;
    });
  }

  async recordFindings(runId: number, findings: readonly Finding[]): Promise<RecordReport> {
    const report: RecordReport = { recorded: 0, transitions: { new: 0, unchanged: 0, reopened: 0, excepted: 0 } };
    if (findings.length === 0) return report;
    const now = this.clock();
    const at = now.toISOString();
    const aliases = new Set<string>();
    for (const f of findings) if (f.aliases && TRACKED_STATUSES.includes(f.status)) for (const a of f.aliases) aliases.add(a);
    let first = 0;
    let digest: Hash | undefined;
    await this.driver.tx(async (sql) => {
      const row = await this.runForUpdate(sql, runId);
      if (row.state !== 'running') throw new UsageError(`run ${runId} is ${row.state}; findings can only be added to a running run`);
      const next = await sql.get<{ n: number | null }>('SELECT MAX(ordinal) AS n FROM run_findings WHERE run_id = ?', [runId]);
      first = next?.n == null ? 0 : Number(next.n) + 1;
      // The digest grows on a copy, adopted only after the commit (a retried or rolled-back batch must
      // not count). Another process wrote part of this run: no copy, finishRun digests the rows.
      const known = this.digests.get(runId);
      digest = first === 0 ? createHash('sha256') : known?.count === first ? known.hash.copy() : undefined;
      const serialize = (f: Finding) => {
        const text = this.scrub(toJson(f));
        digest?.update(text).update('\n');
        return text;
      };
      const transitions = await this.driver.writeBatch(sql, { runId, scope: row.scope, at, first }, findings, serialize);
      const summary: RunSummary = { ...emptySummary(), ...(JSON.parse(row.summary) as Partial<RunSummary>) };
      report.transitions = { new: 0, unchanged: 0, reopened: 0, excepted: 0 }; // a retried transaction starts over
      for (const [i, f] of findings.entries()) {
        const t = transitions[i];
        if (t) report.transitions[t]++;
        if (f.status === 'fail') summary.failBySeverity[f.severity]++;
      }
      for (const [t, n] of Object.entries(report.transitions)) summary.transitions[t as keyof RecordReport['transitions']] += n;
      if (aliases.size) await recordSeenTx(sql, [...aliases], at, this.scrub);
      summary.findingCount += findings.length;
      report.recorded = findings.length;
      await sql.run('UPDATE runs SET summary = ?, lease_expires_at = ? WHERE id = ?', [JSON.stringify(summary), new Date(now.getTime() + this.leaseMs).toISOString(), runId]);
    });
    if (digest) this.digests.set(runId, { hash: digest, count: first + findings.length });
    else this.digests.delete(runId);
    return report;
  }

  /** The findings digest of a run as it stands (see findingsDigestOf). */
  private async findingsDigest(sql: Sql, runId: number, count: number): Promise<string> {
    const d = this.digests.get(runId);
    this.digests.delete(runId);
    if (d && d.count === count) return d.hash.digest('hex');
    const h = createHash('sha256');
    for (let after = -1; ; ) {
      const rows = await sql.all<{ ordinal: number; finding: string }>('SELECT ordinal, finding FROM run_findings WHERE run_id = ? AND ordinal > ? ORDER BY ordinal LIMIT 5000', [runId, after]);
      for (const r of rows) h.update(r.finding).update('\n');
      if (rows.length < 5000) break;
      after = Number(rows[rows.length - 1]!.ordinal);
    }
    return h.digest('hex');
  }

  async finishRun(runId: number, input: FinishRunInput): Promise<RunRecord> {
    const now = this.clock();
    const at = now.toISOString();
    return this.driver.tx(async (sql) => {
      // Finishers take the evidence head first, so they queue in one order (no deadlock on tracked rows).
      await sql.get(`SELECT seq FROM evidence_head WHERE id = 1${this.driver.forUpdate}`);
      const row = await this.runForUpdate(sql, runId);
      if (row.state === 'finished') throw new UsageError(`run ${runId} is already finished`);
      const fixed = await this.markFixed(sql, row, input.checks, at);
      const summary: RunSummary = { ...emptySummary(), ...(JSON.parse(row.summary) as Partial<RunSummary>) };
      summary.transitions.fixed = fixed.length;
      const digest = await this.findingsDigest(sql, runId, summary.findingCount);
      const updated = await sql.get<RunRow>(
        `UPDATE runs SET state = 'finished', complete = ?, finished_at = ?, duration_ms = ?, summary = ?, checks = ?, findings_digest = ? WHERE id = ? RETURNING ${RUN_COLUMNS}`,
        [input.complete, at, Math.round(input.durationMs), JSON.stringify(summary), input.checks ? JSON.stringify([...input.checks]) : null, digest, runId],
      );
      const run = toRunRecord(updated!);
      await appendEvidenceTx(
        sql,
        this.driver,
        {
          kind: `${row.command}.run.finished`,
          subject: `run:${runId}`,
          data: { runId, scope: run.scope, complete: run.complete, durationMs: run.durationMs ?? null, findings: run.findingCount, failBySeverity: run.failBySeverity, transitions: run.transitions },
          inputsDigest: run.inputsDigest,
          findingsDigest: digest,
        },
        this.scrub,
        now,
      );
      return run;
    });
  }

  /**
   * Tracked findings of this scope that this run did not see become fixed, but only for checks this run
   * shows it ran (the `checks` given, else checks with a recorded finding) and that did not error: a
   * check that was deselected or could not read its input never fixes anything.
   */
  private async markFixed(sql: Sql, run: RunRow, checks: readonly string[] | undefined, at: string): Promise<string[]> {
    if (checks && checks.length === 0) return [];
    const ran = checks ? `AND check_id IN (${checks.map(() => '?').join(', ')})` : 'AND check_id IN (SELECT check_id FROM run_findings WHERE run_id = ?)';
    const params: SqlParam[] = [run.id, at, run.scope, run.id, ...(checks ?? [run.id]), run.id];
    // last_seen_run only moves forward: below this run's id means neither this run nor a newer one saw it.
    const rows = await sql.all<{ fingerprint: string }>(
      `UPDATE tracked_findings SET prev_state = state, state = 'fixed', fixed_run = ?, fixed_at = ?
       WHERE scope = ? AND state IN ('open', 'excepted') AND last_seen_run < ?
         ${ran}
         AND check_id NOT IN (SELECT check_id FROM run_findings WHERE run_id = ? AND status = 'error')
       RETURNING fingerprint`,
      params,
    );
    const fps = rows.map((r) => r.fingerprint);
    for (let i = 0; i < fps.length; i += CHUNK) {
      const part = fps.slice(i, i + CHUNK);
      await sql.run(`INSERT INTO run_fixed (run_id, fingerprint) VALUES ${part.map(() => '(?, ?)').join(', ')}`, part.flatMap((fp) => [run.id, fp]));
    }
    return fps;
  }

  async heartbeat(runId: number): Promise<void> {
    await this.driver.run("UPDATE runs SET lease_expires_at = ? WHERE id = ? AND state = 'running'", [new Date(this.clock().getTime() + this.leaseMs).toISOString(), runId]);
  }

  /**
   * Runs left `running` by a process that is gone (same machine, pid not alive) or that has not been heard
   * from for a whole lease become `abandoned` (never complete), with an evidence record saying so.
   */
  async recoverAbandonedRuns(): Promise<number[]> {
    const now = this.clock();
    const rows = await this.driver.all<Pick<RunRow, 'id' | 'owner_host' | 'owner_pid' | 'lease_expires_at'>>(
      "SELECT id, owner_host, owner_pid, lease_expires_at FROM runs WHERE state = 'running'",
    );
    const recovered: number[] = [];
    for (const r of rows) {
      const gone = r.owner_host === this.owner && !pidAlive(Number(r.owner_pid));
      const expired = r.lease_expires_at < now.toISOString();
      if (!gone && !expired) continue;
      const done = await this.driver.tx(async (sql) => {
        const row = await sql.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ? AND state = 'running'${this.driver.forUpdate}`, [r.id]);
        if (!row) return false;
        const summary = JSON.parse(row.summary) as RunSummary;
        const digest = await this.findingsDigest(sql, Number(r.id), summary.findingCount ?? 0);
        await sql.run("UPDATE runs SET state = 'abandoned', complete = ?, findings_digest = ? WHERE id = ?", [false, digest, r.id]);
        await appendEvidenceTx(
          sql,
          this.driver,
          {
            kind: `${row.command}.run.abandoned`,
            subject: `run:${r.id}`,
            data: { runId: Number(r.id), reason: gone ? 'its process ended without finishing the run' : 'its lease expired', findingsRecorded: summary.findingCount ?? 0 },
            inputsDigest: row.inputs_digest,
            findingsDigest: digest,
          },
          this.scrub,
          now,
        );
        return true;
      });
      if (done) recovered.push(Number(r.id));
    }
    return recovered;
  }

  private async runForUpdate(sql: Sql, runId: number): Promise<RunRow> {
    const row = await sql.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?${this.driver.forUpdate}`, [runId]);
    if (!row) throw new UsageError(`no run ${runId} in the store`, { hint: 'beginRun returns the id to use' });
    return row;
  }
}
