import type { Driver, Sql } from './driver.js';
import { ChainVerifier, hashEvidence, type EvidenceVerification } from './evidence-chain.js';
import { canonicalJson } from './json.js';
import type { EvidenceInput, EvidenceQuery, EvidenceRecord } from './store.js';

/** Scrubs registered secrets out of text about to be written. */
export type Scrub = (text: string) => string;

interface EvidenceRow {
  seq: number;
  at: string;
  kind: string;
  subject: string;
  actor: string | null;
  data: string;
  inputs_digest: string | null;
  findings_digest: string | null;
  prev_hash: string;
  hash: string;
}

interface HeadRow {
  seq: number;
  hash: string;
  anchor_seq: number;
  anchor_hash: string;
}

const COLUMNS = 'seq, at, kind, subject, actor, data, inputs_digest, findings_digest, prev_hash, hash';
const PAGE = 2000;

/**
 * Appends one record inside the caller's write transaction. The head row is locked first (FOR UPDATE on
 * PostgreSQL; SQLite's write transaction is already exclusive), so concurrent appenders queue up and
 * every record links to the one before it.
 */
export async function appendEvidenceTx(sql: Sql, driver: Driver, input: EvidenceInput, scrub: Scrub, now: Date): Promise<EvidenceRecord> {
  const head = await sql.get<HeadRow>(`SELECT seq, hash, anchor_seq, anchor_hash FROM evidence_head WHERE id = 1${driver.forUpdate}`);
  if (!head) throw new Error('the store has no evidence_head row: it was not created by appwrite-secops store migrate');
  // Scrub the canonical text, then hash what was actually stored (parsed back), never the raw input.
  const dataText = scrub(canonicalJson(input.data ?? null));
  const record: Omit<EvidenceRecord, 'hash'> = {
    seq: Number(head.seq) + 1,
    at: (input.at ?? now).toISOString(),
    kind: scrub(input.kind),
    subject: scrub(input.subject),
    actor: input.actor === undefined ? null : scrub(input.actor),
    data: JSON.parse(dataText) as unknown,
    inputsDigest: input.inputsDigest ?? null,
    findingsDigest: input.findingsDigest ?? null,
    prevHash: head.hash,
  };
  const hash = hashEvidence(record);
  await sql.run(`INSERT INTO evidence (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    record.seq,
    record.at,
    record.kind,
    record.subject,
    record.actor,
    dataText,
    record.inputsDigest,
    record.findingsDigest,
    record.prevHash,
    hash,
  ]);
  await sql.run('UPDATE evidence_head SET seq = ?, hash = ? WHERE id = 1', [record.seq, hash]);
  return { ...record, hash };
}

export async function listEvidence(sql: Sql, q: EvidenceQuery = {}): Promise<EvidenceRecord[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.since) {
    where.push('at >= ?');
    params.push(q.since.toISOString());
  }
  if (q.afterSeq !== undefined) {
    where.push('seq > ?');
    params.push(q.afterSeq);
  }
  const limit = q.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(q.limit))}` : '';
  const rows = await sql.all<EvidenceRow>(`SELECT ${COLUMNS} FROM evidence${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq${limit}`, params);
  return rows.map(toRecord);
}

/** Walks the chain from the anchor to the head on one snapshot, a page at a time. */
export async function verifyEvidence(driver: Driver): Promise<EvidenceVerification> {
  return driver.readTx(async (sql) => {
    const head = await sql.get<HeadRow>('SELECT seq, hash, anchor_seq, anchor_hash FROM evidence_head WHERE id = 1');
    if (!head) throw new Error('the store has no evidence_head row');
    const verifier = new ChainVerifier({ seq: Number(head.anchor_seq), hash: head.anchor_hash });
    let after = -1;
    for (;;) {
      const rows = await sql.all<EvidenceRow>(`SELECT ${COLUMNS} FROM evidence WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`, [after]);
      let going = true;
      for (const row of rows) {
        let record: EvidenceRecord;
        try {
          record = toRecord(row);
        } catch (err) {
          verifier.fail(Number(row.seq), `record ${row.seq} has unreadable data: ${(err as Error).message}`);
          going = false;
          break;
        }
        if (!verifier.push(record)) {
          going = false;
          break;
        }
      }
      if (!going || rows.length < PAGE) break;
      after = Number(rows[rows.length - 1]!.seq);
    }
    return verifier.finish({ seq: Number(head.seq), hash: head.hash });
  });
}

/**
 * Deletes the oldest evidence records (at before `olderThan`), always keeping the newest record, and
 * moves the anchor to the last deleted record so the rest of the chain still verifies. Runs in the
 * caller's write transaction; opens the append-only guard for this transaction only.
 */
export async function pruneEvidenceTx(sql: Sql, driver: Driver, olderThan: Date, dryRun: boolean): Promise<{ deleted: number; anchor?: { seq: number; hash: string } }> {
  const head = await sql.get<HeadRow>(`SELECT seq, hash, anchor_seq, anchor_hash FROM evidence_head WHERE id = 1${driver.forUpdate}`);
  if (!head || Number(head.seq) === 0) return { deleted: 0 };
  // The prefix to delete ends before the first record that must stay (by time), and never includes the head.
  const keep = await sql.get<{ seq: number | null }>('SELECT MIN(seq) AS seq FROM evidence WHERE at >= ?', [olderThan.toISOString()]);
  const lastDeleted = Math.min(keep?.seq != null ? Number(keep.seq) - 1 : Number(head.seq) - 1, Number(head.seq) - 1);
  if (lastDeleted <= Number(head.anchor_seq)) return { deleted: 0 };
  const anchor = await sql.get<{ seq: number; hash: string }>('SELECT seq, hash FROM evidence WHERE seq = ?', [lastDeleted]);
  if (!anchor) throw new Error(`evidence record ${lastDeleted} is missing; run \`appwrite-secops evidence verify\` before pruning`);
  const count = await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM evidence WHERE seq <= ?', [lastDeleted]);
  if (dryRun) return { deleted: Number(count?.n ?? 0), anchor: { seq: Number(anchor.seq), hash: anchor.hash } };
  await sql.run('UPDATE evidence_head SET prune_allowed = ? WHERE id = 1', [true]);
  const res = await sql.run('DELETE FROM evidence WHERE seq <= ?', [lastDeleted]);
  await sql.run('UPDATE evidence_head SET prune_allowed = ?, anchor_seq = ?, anchor_hash = ? WHERE id = 1', [false, Number(anchor.seq), anchor.hash]);
  return { deleted: res.changes, anchor: { seq: Number(anchor.seq), hash: anchor.hash } };
}

function toRecord(r: EvidenceRow): EvidenceRecord {
  return {
    seq: Number(r.seq),
    at: r.at,
    kind: r.kind,
    subject: r.subject,
    actor: r.actor,
    data: JSON.parse(r.data) as unknown,
    inputsDigest: r.inputs_digest,
    findingsDigest: r.findings_digest,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
