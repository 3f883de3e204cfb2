import { expect, it } from 'vitest';
import { Redactor, redactSecret } from '../core/redact.js';
import { backends, describeBackends, type Backend } from './__fixtures__/backends.js';
import { finding } from './__fixtures__/findings.js';
import { hashEvidence } from './evidence-chain.js';
import type { Store } from './store.js';

const list = await backends();

async function logOf(store: Store, n: number) {
  for (let i = 1; i <= n; i++) {
    await store.appendEvidence({ kind: 'key.rotated', subject: `key:k${i}`, actor: 'ops@example.com', data: { step: i, note: `step ${i}` }, inputsDigest: 'a'.repeat(64) });
  }
}

/** Ways to tamper with record 3 of a 5-record log, and where verify must say the chain first breaks. */
const TAMPERING: { name: string; tamper: (b: Backend, url: string) => Promise<void>; seq: number; reason: string }[] = [
  {
    name: 'data edited',
    tamper: (b, url) => b.raw(url, 'UPDATE evidence SET data = ? WHERE seq = 3', ['{"note":"step 3","step":33}']).then(() => undefined),
    seq: 3,
    reason: 'hash-mismatch',
  },
  {
    name: 'time edited',
    tamper: (b, url) => b.raw(url, "UPDATE evidence SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 3").then(() => undefined),
    seq: 3,
    reason: 'hash-mismatch',
  },
  {
    name: 'edited and re-hashed (the next link breaks)',
    tamper: async (b, url) => {
      const [row] = await b.raw(url, 'SELECT * FROM evidence WHERE seq = 3');
      const r = row as Record<string, string | number | null>;
      const forged = { seq: 3, at: String(r.at), kind: String(r.kind), subject: 'key:forged', actor: r.actor as string | null, data: JSON.parse(String(r.data)), inputsDigest: r.inputs_digest as string | null, findingsDigest: r.findings_digest as string | null, prevHash: String(r.prev_hash) };
      await b.raw(url, 'UPDATE evidence SET subject = ?, hash = ? WHERE seq = 3', ['key:forged', hashEvidence(forged)]);
    },
    seq: 4,
    reason: 'prev-hash-mismatch',
  },
  {
    name: 'deleted',
    tamper: (b, url) => b.raw(url, 'DELETE FROM evidence WHERE seq = 3').then(() => undefined),
    seq: 3,
    reason: 'missing-record',
  },
  {
    name: 'reordered (3 and 4 swapped)',
    tamper: async (b, url) => {
      await b.raw(url, 'UPDATE evidence SET seq = 1000 WHERE seq = 3');
      await b.raw(url, 'UPDATE evidence SET seq = 3 WHERE seq = 4');
      await b.raw(url, 'UPDATE evidence SET seq = 4 WHERE seq = 1000');
    },
    seq: 3,
    reason: 'prev-hash-mismatch',
  },
  {
    name: 'newest records deleted',
    tamper: (b, url) => b.raw(url, 'DELETE FROM evidence WHERE seq >= 4').then(() => undefined),
    seq: 5,
    reason: 'head-mismatch',
  },
];

describeBackends('evidence log', list, ({ backend, open }) => {
  it('chains records: each carries the hash of the previous one, and verify passes', async () => {
    const store = await open(await backend.fresh());
    await logOf(store, 5);
    const records = await store.listEvidence();
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < records.length; i++) expect(records[i]!.prevHash).toBe(records[i - 1]!.hash);
    for (const r of records) expect(hashEvidence(r)).toBe(r.hash);
    expect(await store.verifyEvidence()).toMatchObject({ ok: true, records: 5, firstSeq: 1, lastSeq: 5, headHash: records[4]!.hash });
    expect(await store.listEvidence({ afterSeq: 3 })).toHaveLength(2);
  });

  it('is append-only unless the guard is dropped', async () => {
    const url = await backend.fresh();
    const store = await open(url);
    await logOf(store, 2);
    await expect(backend.raw(url, "UPDATE evidence SET kind = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(backend.raw(url, 'DELETE FROM evidence WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it.each(TAMPERING)('finds the first broken link: $name', async ({ tamper, seq, reason }) => {
    const url = await backend.fresh();
    const store = await open(url);
    await logOf(store, 5);
    await backend.dropGuard(url);
    await tamper(backend, url);
    const v = await store.verifyEvidence();
    expect(v.ok).toBe(false);
    expect(v.broken).toMatchObject({ seq, reason });
  });

  it('serialises BigInt values (node-appwrite parses large integers into BigInt)', async () => {
    const store = await open(await backend.fresh());
    const big = 2n ** 63n - 1n;
    const rec = await store.appendEvidence({ kind: 'key.listed', subject: 'project:p1', data: { total: big, nested: [{ size: 9007199254740993n }] } });
    expect(rec.data).toEqual({ total: '9223372036854775807', nested: [{ size: '9007199254740993' }] });
    const run = await store.beginRun({ toolVersion: '1', inputs: { quota: 12345678901234567890n } });
    expect(run.inputs).toEqual({ quota: '12345678901234567890' });
    await store.putState('key-rotation', 'k1', { expire: 1n << 60n }, 0);
    expect((await store.getState('key-rotation', 'k1'))!.state).toEqual({ expire: '1152921504606846976' });
    expect((await store.verifyEvidence()).ok).toBe(true);
  });

  it('never stores a raw secret: canary in a finding, inputs, evidence and workflow state', async () => {
    const CANARY = 'standard_c4n4ry0000deadbeef0000c4n4ry0000deadbeef';
    const redactor = new Redactor();
    redactor.add(CANARY);
    const url = await backend.fresh();
    const store = await open(url, { redactor });
    // A check that forgot to redact: the store still must not keep the secret.
    const leaky = finding({ checkId: 'selfhost/openssl-key-strong', message: `key is ${CANARY}`, evidence: { value: CANARY } });
    const run = await store.beginRun({ toolVersion: '1', root: `/srv/${CANARY}`, inputs: { flag: CANARY }, environment: { note: CANARY } });
    await store.recordFindings(run.id, [leaky]);
    await store.finishRun(run.id, { complete: true, durationMs: 1 });
    await store.appendEvidence({ kind: 'key.rotated', subject: `key:${CANARY}`, actor: CANARY, data: { old: CANARY } });
    await store.putState('key-rotation', 'k1', { secret: CANARY }, 0);
    await store.recordSeen([CANARY]);
    expect((await store.verifyEvidence()).ok).toBe(true);
    await store.close();
    const dump = await backend.dump(url);
    expect(dump).not.toContain(CANARY);
    expect(dump).not.toContain(CANARY.slice(8, 40));
    expect(dump).toContain(redactSecret(CANARY));
  });

  it('prunes old runs but keeps the evidence log unless asked, and the chain still verifies', async () => {
    let now = new Date('2024-01-01T00:00:00.000Z');
    const store = await open(await backend.fresh(), { clock: () => now });
    const ids: number[] = [];
    for (let month = 0; month < 5; month++) {
      now = new Date(Date.UTC(2024, month, 1));
      const r = await store.beginRun({ toolVersion: '1' });
      await store.recordFindings(r.id, [finding({ checkId: 'selfhost/force-https', resourceId: `m${month}` })]);
      await store.finishRun(r.id, { complete: true, durationMs: 1 });
      ids.push(r.id);
    }
    now = new Date('2024-06-01T00:00:00.000Z');
    const cutoff = new Date('2024-03-15T00:00:00.000Z');
    const evBefore = (await store.listEvidence()).length;
    expect(await store.prune({ olderThan: cutoff, keepRuns: 1, dryRun: true })).toEqual({ runsDeleted: 3, findingsDeleted: 3, evidenceDeleted: 0, dryRun: true });
    expect(await store.listRuns()).toHaveLength(5);
    // keepRuns wins over age
    expect((await store.prune({ olderThan: cutoff, keepRuns: 4 })).runsDeleted).toBe(1);
    expect((await store.prune({ olderThan: cutoff, keepRuns: 1 })).runsDeleted).toBe(2);
    expect((await store.listRuns()).map((r) => r.id)).toEqual([ids[4], ids[3]]);
    const ev = await store.listEvidence();
    expect(ev.length).toBe(evBefore + 2); // nothing deleted; two `store.pruned` records added
    expect(ev.at(-1)!.kind).toBe('store.pruned');
    expect((await store.verifyEvidence()).ok).toBe(true);

    const pruned = await store.prune({ olderThan: cutoff, keepRuns: 1, includeEvidence: true, evidenceOlderThan: cutoff });
    expect(pruned.evidenceDeleted).toBe(6); // started + finished of January, February, March 1st
    const after = await store.listEvidence();
    expect(after[0]!.at >= cutoff.toISOString()).toBe(true);
    const v = await store.verifyEvidence();
    expect(v).toMatchObject({ ok: true, anchor: { seq: 6 } });
    await expect(store.prune({ olderThan: cutoff, keepRuns: 1, includeEvidence: true })).rejects.toThrow(/cut-off/);
  });

  it('refuses to prune a broken evidence log (that would delete the proof), but still prunes runs', async () => {
    let now = new Date('2020-01-01T00:00:00.000Z');
    const url = await backend.fresh();
    const store = await open(url, { clock: () => now });
    await logOf(store, 3);
    await backend.dropGuard(url);
    await backend.raw(url, "UPDATE evidence SET kind = 'forged' WHERE seq = 2");
    now = new Date('2025-01-01T00:00:00.000Z');
    const old = new Date('2024-01-01T00:00:00.000Z');
    await expect(store.prune({ olderThan: old, keepRuns: 0, includeEvidence: true, evidenceOlderThan: old })).rejects.toThrow(/broken at record 2.*refusing/);
    expect(await store.listEvidence()).toHaveLength(3);
    expect((await store.prune({ olderThan: old, keepRuns: 0 })).evidenceDeleted).toBe(0);
  });
});

describeBackends('workflow state', list, ({ backend, open }) => {
  it('creates, updates with optimistic locking, and reports conflicts', async () => {
    const store = await open(await backend.fresh());
    const v1 = await store.putState('key-rotation', 'key-1', { step: 'created' }, 0);
    expect(v1).toMatchObject({ kind: 'key-rotation', id: 'key-1', version: 1, state: { step: 'created' }, leaseOwner: null });
    await expect(store.putState('key-rotation', 'key-1', { step: 'x' }, 0)).rejects.toMatchObject({ name: 'StoreConflictError', exitCode: 3 });
    const v2 = await store.putState('key-rotation', 'key-1', { step: 'deployed' }, 1);
    expect(v2.version).toBe(2);
    await expect(store.putState('key-rotation', 'key-1', { step: 'stale' }, 1)).rejects.toThrow(/version 2, not 1/);
    expect((await store.getState('key-rotation', 'key-1'))!.state).toEqual({ step: 'deployed' });
    expect(await store.getState('key-rotation', 'nope')).toBeUndefined();
    await store.putState('key-rotation', 'key-0', {}, 0);
    expect((await store.listStates('key-rotation')).map((s) => s.id)).toEqual(['key-0', 'key-1']);
  });

  it('leases: one owner at a time until it expires or is released', async () => {
    let now = new Date('2025-01-01T00:00:00.000Z');
    const store = await open(await backend.fresh(), { clock: () => now });
    await expect(store.acquireLease('incident', 'i1', 'alice', 60_000)).rejects.toThrow(/no workflow state/);
    await store.putState('incident', 'i1', { step: 1 }, 0);
    expect(await store.acquireLease('incident', 'i1', 'alice', 60_000)).toBe(true);
    expect(await store.acquireLease('incident', 'i1', 'bob', 60_000)).toBe(false);
    expect(await store.acquireLease('incident', 'i1', 'alice', 60_000)).toBe(true);
    now = new Date('2025-01-01T00:02:00.000Z');
    expect(await store.acquireLease('incident', 'i1', 'bob', 60_000)).toBe(true);
    expect((await store.getState('incident', 'i1'))!.leaseOwner).toBe('bob');
    await store.releaseLease('incident', 'i1', 'alice'); // not alice's any more: no effect
    expect((await store.getState('incident', 'i1'))!.leaseOwner).toBe('bob');
    await store.releaseLease('incident', 'i1', 'bob');
    expect(await store.acquireLease('incident', 'i1', 'carol', 60_000)).toBe(true);
  });
});
