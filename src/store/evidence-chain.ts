import { createHash } from 'node:crypto';
import { canonicalJson } from './json.js';
import type { EvidenceRecord } from './store.js';

/** The `prevHash` of the first record ever written. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of an evidence record: sha256 (hex) of the canonical JSON (sorted keys, no whitespace,
 * BigInt as a decimal string) of
 * `{seq, at, kind, subject, actor, data, inputsDigest, findingsDigest, prevHash}`.
 * Anyone can recompute it from an export (`evidence export`) without this tool.
 */
export function hashEvidence(r: Omit<EvidenceRecord, 'hash'>): string {
  const material = canonicalJson({
    seq: r.seq,
    at: r.at,
    kind: r.kind,
    subject: r.subject,
    actor: r.actor,
    data: r.data,
    inputsDigest: r.inputsDigest,
    findingsDigest: r.findingsDigest,
    prevHash: r.prevHash,
  });
  return createHash('sha256').update(material).digest('hex');
}

export const BREAK_REASONS = ['hash-mismatch', 'prev-hash-mismatch', 'missing-record', 'head-mismatch', 'unreadable'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

export interface ChainBreak {
  /** The first record that does not link (for head-mismatch: the head's seq). */
  seq: number;
  reason: BreakReason;
  message: string;
}

export interface EvidenceVerification {
  ok: boolean;
  /** Records checked. */
  records: number;
  firstSeq?: number;
  lastSeq?: number;
  /** Hash of the last record (the value to keep elsewhere to detect a rewrite of the whole chain). */
  headHash: string;
  /** Where the chain starts after an explicit prune (seq 0 and GENESIS_HASH when never pruned). */
  anchor: { seq: number; hash: string };
  broken?: ChainBreak;
}

/**
 * Checks records in seq order, one page at a time. The first problem found is the answer: after a broken
 * link every later record is suspect anyway.
 */
export class ChainVerifier {
  private expectedSeq: number;
  private prevHash: string;
  private count = 0;
  private first: number | undefined;
  private broken: ChainBreak | undefined;

  readonly anchor: { seq: number; hash: string };

  constructor(anchor: { seq: number; hash: string }) {
    this.anchor = anchor;
    this.expectedSeq = anchor.seq + 1;
    this.prevHash = anchor.hash;
  }

  /** Returns false once the chain is broken (callers can stop reading). */
  push(r: EvidenceRecord): boolean {
    if (this.broken) return false;
    this.count++;
    this.first ??= r.seq;
    if (r.seq !== this.expectedSeq) {
      const missing = r.seq > this.expectedSeq;
      this.broken = {
        seq: this.expectedSeq,
        reason: 'missing-record',
        message: missing
          ? `record ${this.expectedSeq} is missing (the next one is ${r.seq}): a record was deleted`
          : `record ${r.seq} appears where ${this.expectedSeq} was expected: records were reordered`,
      };
      return false;
    }
    if (r.prevHash !== this.prevHash) {
      this.broken = {
        seq: r.seq,
        reason: 'prev-hash-mismatch',
        message: `record ${r.seq} does not point at the hash of record ${r.seq - 1}: a record before it was replaced, deleted or reordered`,
      };
      return false;
    }
    const actual = hashEvidence(r);
    if (actual !== r.hash) {
      this.broken = { seq: r.seq, reason: 'hash-mismatch', message: `record ${r.seq} (${r.kind}, ${r.at}) was modified after it was written` };
      return false;
    }
    this.prevHash = r.hash;
    this.expectedSeq = r.seq + 1;
    return true;
  }

  /** Marks a record that could not even be parsed. */
  fail(seq: number, message: string): void {
    this.broken ??= { seq, reason: 'unreadable', message };
  }

  /** Compares the end of the chain with the stored head (detects deleting the newest records). */
  finish(head: { seq: number; hash: string }): EvidenceVerification {
    if (!this.broken && (head.seq !== this.expectedSeq - 1 || head.hash !== this.prevHash)) {
      this.broken = {
        seq: head.seq,
        reason: 'head-mismatch',
        message:
          head.seq > this.expectedSeq - 1
            ? `the log ends at record ${this.expectedSeq - 1} but its head says ${head.seq}: the newest records were deleted`
            : `the chain head (record ${head.seq}) does not match the last record (${this.expectedSeq - 1})`,
      };
    }
    return {
      ok: !this.broken,
      records: this.count,
      ...(this.first !== undefined ? { firstSeq: this.first, lastSeq: this.expectedSeq - 1 } : {}),
      headHash: this.prevHash,
      anchor: this.anchor,
      ...(this.broken ? { broken: this.broken } : {}),
    };
  }
}
