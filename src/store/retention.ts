import { UsageError } from '../core/errors.js';
import type { Driver } from './driver.js';
import { appendEvidenceTx, pruneEvidenceTx, verifyEvidence, type Scrub } from './evidence-log.js';
import type { PruneOptions, PruneReport } from './store.js';

const CHUNK = 500;

/**
 * Retention: deletes runs that started before `olderThan` (never a running one, always the newest
 * `keepRuns` of each scope) with their findings. Tracked findings stay (they carry first-seen dates).
 * Evidence records go only with `includeEvidence`, as a prefix of the chain that is re-anchored.
 */
export async function pruneStore(driver: Driver, scrub: Scrub, now: Date, opts: PruneOptions): Promise<PruneReport> {
  if (opts.includeEvidence && !opts.evidenceOlderThan) throw new UsageError('pruning evidence needs a cut-off date (evidenceOlderThan)');
  if (opts.includeEvidence) {
    // Deleting part of a broken chain would also delete the proof that it was tampered with.
    const v = await verifyEvidence(driver);
    if (!v.ok) {
      throw new UsageError(`the evidence log is broken at record ${v.broken!.seq} (${v.broken!.reason}); refusing to prune it`, {
        hint: 'export it for investigation (appwrite-secops evidence export), or prune runs only (without --include-evidence)',
      });
    }
  }
  const dryRun = !!opts.dryRun;
  return driver.tx(async (sql) => {
    const ids = (
      await sql.all<{ id: number }>(
        `SELECT id FROM runs r WHERE started_at < ? AND state <> 'running'
           AND (SELECT COUNT(*) FROM runs r2 WHERE r2.scope = r.scope AND r2.id > r.id) >= ? ORDER BY id`,
        [opts.olderThan.toISOString(), Math.max(0, opts.keepRuns)],
      )
    ).map((r) => Number(r.id));
    let findingsDeleted = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const marks = part.map(() => '?').join(', ');
      if (dryRun) {
        findingsDeleted += Number((await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM run_findings WHERE run_id IN (${marks})`, part))?.n ?? 0);
        continue;
      }
      findingsDeleted += (await sql.run(`DELETE FROM run_findings WHERE run_id IN (${marks})`, part)).changes;
      await sql.run(`DELETE FROM run_fixed WHERE run_id IN (${marks})`, part);
      await sql.run(`DELETE FROM runs WHERE id IN (${marks})`, part);
    }
    const ev = opts.includeEvidence ? await pruneEvidenceTx(sql, driver, opts.evidenceOlderThan!, dryRun) : { deleted: 0 };
    if (!dryRun && (ids.length || ev.deleted)) {
      await appendEvidenceTx(
        sql,
        driver,
        {
          kind: 'store.pruned',
          subject: 'store',
          data: {
            runsDeleted: ids.length,
            runIds: ids.length ? [ids[0], ids[ids.length - 1]] : [],
            findingsDeleted,
            olderThan: opts.olderThan.toISOString(),
            keepRuns: opts.keepRuns,
            evidenceDeleted: ev.deleted,
            ...(ev.anchor ? { evidenceAnchor: ev.anchor } : {}),
          },
        },
        scrub,
        now,
      );
    }
    return { runsDeleted: ids.length, findingsDeleted, evidenceDeleted: ev.deleted, dryRun };
  });
}
