import { expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { InputError, UsageError } from '../core/errors.js';
import { backends, describeBackends } from './__fixtures__/backends.js';
import { finding, manyFindings } from './__fixtures__/findings.js';
import { findingsDigestOf } from './runs.js';
import type { Store } from './store.js';

const list = await backends();

const A = finding({ checkId: 'selfhost/force-https', resourceId: 'A' });
const B = finding({ checkId: 'selfhost/force-https', resourceId: 'B' });
const C = finding({ checkId: 'selfhost/force-https', resourceId: 'C' });
const PASS_HTTPS = finding({ checkId: 'selfhost/force-https', resourceId: '-', status: 'pass' });
const D = finding({ checkId: 'compose/no-docker-socket', resourceId: 'D', severity: 'critical' });

async function audit(store: Store, findings: Finding[], opts: { checks?: string[]; finish?: boolean } = {}) {
  const run = await store.beginRun({ toolVersion: '1.2.3', root: '/srv/appwrite', inputs: [{ kind: 'selfhost-env', path: '.env' }], environment: { node: 'v20' } });
  await store.recordFindings(run.id, findings);
  if (opts.finish === false) return run;
  return store.finishRun(run.id, { complete: true, durationMs: 42, checks: opts.checks });
}

describeBackends('store runs', list, ({ backend, open }) => {
  it('creates and migrates a new store, and reopening it applies nothing', async () => {
    const url = await backend.fresh();
    const s1 = await open(url);
    expect(await s1.schemaStatus()).toMatchObject({ current: 1, latest: 1, pending: [] });
    await s1.close();
    const s2 = await open(url);
    expect((await s2.migrate()).applied).toEqual([]);
  });

  it('records a run: time, tool version, inputs, environment, duration, completeness, counts', async () => {
    const store = await open(await backend.fresh(), { clock: () => new Date('2025-03-01T10:00:00.000Z') });
    const run = await audit(store, [A, B, D, PASS_HTTPS]);
    expect(run).toMatchObject({
      state: 'finished',
      complete: true,
      startedAt: '2025-03-01T10:00:00.000Z',
      finishedAt: '2025-03-01T10:00:00.000Z',
      durationMs: 42,
      toolVersion: '1.2.3',
      root: '/srv/appwrite',
      scope: 'default',
      inputs: [{ kind: 'selfhost-env', path: '.env' }],
      environment: { node: 'v20' },
      findingCount: 4,
      failBySeverity: { critical: 1, high: 2, medium: 0, low: 0, info: 0 },
      transitions: { new: 3, unchanged: 0, fixed: 0, reopened: 0, excepted: 0 },
    });
    expect(await store.getRun(run.id)).toEqual(run);
    const kinds = (await store.listEvidence()).map((e) => [e.kind, e.subject]);
    expect(kinds).toEqual([
      ['audit.run.started', `run:${run.id}`],
      ['audit.run.finished', `run:${run.id}`],
    ]);
  });

  it.each([
    // [run 1, run 2, expected transitions of run 2 by resource id, fixed by run 2]
    ['unchanged and new', [A, B], [A, C], { A: 'unchanged', C: 'new' }, ['B']],
    ['excepted', [A], [{ ...A, status: 'excepted' as const }], { A: 'excepted' }, []],
    ['excepted again fails: reopened', [{ ...A, status: 'excepted' as const }], [A], { A: 'reopened' }, []],
    ['a pass is not tracked', [A], [PASS_HTTPS], { '-': undefined }, ['A']],
  ] as const)('transitions: %s', async (_name, run1, run2, expected, fixed) => {
    const store = await open(await backend.fresh());
    await audit(store, [...run1]);
    const r2 = await audit(store, [...run2]);
    const got = Object.fromEntries((await store.findingsOf(r2.id)).map((f) => [f.resource!.id, f.transition]));
    expect(got).toEqual(expected);
    expect((await store.fixedIn(r2.id)).map((t) => t.fingerprint).sort()).toEqual(
      fixed.map((id) => finding({ checkId: 'selfhost/force-https', resourceId: id }).fingerprint).sort(),
    );
    expect(r2.transitions.fixed).toBe(fixed.length);
  });

  it('a fixed finding that comes back is reopened, with first-seen kept', async () => {
    const times = ['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'];
    let now = new Date(times[0]!);
    const store = await open(await backend.fresh(), { clock: () => now });
    await audit(store, [A, B]);
    now = new Date(times[1]!);
    const r2 = await audit(store, [A]);
    expect(r2.transitions).toMatchObject({ unchanged: 1, fixed: 1 });
    now = new Date(times[2]!);
    const r3 = await audit(store, [A, B]);
    expect(r3.transitions).toMatchObject({ unchanged: 1, reopened: 1, fixed: 0 });
    expect((await store.findingsOf(r3.id)).find((f) => f.fingerprint === B.fingerprint)?.transition).toBe('reopened');
    expect(await store.firstSeen(B.fingerprint)).toEqual(new Date(times[0]!));
    const d = await store.diff(r2.id, r3.id);
    expect(d.reopened.map((f) => f.fingerprint)).toEqual([B.fingerprint]);
    expect(d.new).toEqual([]);
  });

  it('only checks that ran without error can fix their findings', async () => {
    const store = await open(await backend.fresh());
    await audit(store, [A, D]);
    // check compose/* did not run at all: D is not fixed. force-https ran (pass): A is fixed.
    const r2 = await audit(store, [PASS_HTTPS]);
    expect((await store.fixedIn(r2.id)).map((t) => t.checkId)).toEqual(['selfhost/force-https']);
    // D's check errored: could not tell, so D stays open.
    const err = finding({ checkId: 'compose/no-docker-socket', resourceId: '-', status: 'error' });
    const r3 = await audit(store, [err]);
    expect(r3.transitions.fixed).toBe(0);
    // an explicit list of checks that ran fixes D even when the run recorded only failures
    const r4 = await audit(store, [], { checks: ['compose/no-docker-socket'] });
    expect((await store.fixedIn(r4.id)).map((t) => t.checkId)).toEqual(['compose/no-docker-socket']);
  });

  it('a run that never finishes fixes nothing', async () => {
    const store = await open(await backend.fresh());
    await audit(store, [A, B]);
    const r2 = await audit(store, [PASS_HTTPS], { finish: false });
    expect((await store.getRun(r2.id))!.state).toBe('running');
    const r3 = await audit(store, [A, B]);
    expect(r3.transitions).toMatchObject({ unchanged: 2, reopened: 0, new: 0 });
  });

  it('records in batches: ordinals continue, duplicates share one transition, the digest is recomputable', async () => {
    const store = await open(await backend.fresh());
    const run = await store.beginRun({ toolVersion: '1' });
    const batch1 = manyFindings(300);
    const dup = { ...batch1[0]!, location: { path: '.env', line: 99 } };
    expect((await store.recordFindings(run.id, batch1)).transitions.new).toBe(300);
    expect((await store.recordFindings(run.id, [dup, C])).transitions).toMatchObject({ new: 2, unchanged: 0 });
    const done = await store.finishRun(run.id, { complete: true, durationMs: 1 });
    const stored = await store.findingsOf(run.id);
    expect(stored).toHaveLength(302);
    expect(stored[300]!.location!.line).toBe(99);
    expect(done.findingsDigest).toBe(findingsDigestOf(stored));
    expect(done.findingsDigest).not.toBe(findingsDigestOf(stored.slice().reverse()));
    const ev = (await store.listEvidence()).find((e) => e.kind === 'audit.run.finished')!;
    expect(ev.findingsDigest).toBe(done.findingsDigest);
    expect(ev.inputsDigest).toBe(done.inputsDigest);
  });

  it('refuses findings for a finished or unknown run, and a second finish', async () => {
    const store = await open(await backend.fresh());
    const run = await audit(store, [A]);
    await expect(store.recordFindings(run.id, [B])).rejects.toThrow(UsageError);
    await expect(store.finishRun(run.id, { complete: true, durationMs: 1 })).rejects.toThrow(/already finished/);
    await expect(store.recordFindings(999, [B])).rejects.toThrow(/no run 999/);
  });

  it('resolves last, previous and ids; diffs two runs', async () => {
    const store = await open(await backend.fresh());
    await expect(store.resolveRun('last')).rejects.toThrow(UsageError);
    const r1 = await audit(store, [A, B]);
    const r2 = await audit(store, [A, C]);
    await audit(store, [A], { finish: false });
    expect((await store.resolveRun('last')).id).toBe(r2.id);
    expect((await store.resolveRun('previous')).id).toBe(r1.id);
    expect((await store.resolveRun(String(r1.id))).id).toBe(r1.id);
    expect((await store.resolveRun('last', { before: r2.id })).id).toBe(r1.id);
    await expect(store.resolveRun('yesterday')).rejects.toThrow(UsageError);
    expect((await store.listRuns()).map((r) => r.state)).toEqual(['running', 'finished', 'finished']);
    const d = await store.diff(r1.id, r2.id);
    expect(d.new.map((f) => f.resource!.id)).toEqual(['C']);
    expect(d.fixed.map((f) => f.resource!.id)).toEqual(['B']);
    expect(d.unchanged.map((f) => f.resource!.id)).toEqual(['A']);
  });

  it('first seen: fingerprints, advisory aliases of findings, and recorded keys keep the earliest date', async () => {
    let now = new Date('2025-05-01T00:00:00.000Z');
    const store = await open(await backend.fresh(), { clock: () => now });
    const vuln = finding({ checkId: 'deps/no-known-vulnerabilities', resourceId: 'lodash@4.17.20', aliases: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'] });
    await audit(store, [vuln]);
    now = new Date('2025-06-01T00:00:00.000Z');
    await audit(store, [vuln]);
    expect(await store.firstSeen('CVE-2021-23337')).toEqual(new Date('2025-05-01T00:00:00.000Z'));
    expect(await store.firstSeen(vuln.fingerprint)).toEqual(new Date('2025-05-01T00:00:00.000Z'));
    expect(await store.firstSeen('GHSA-none')).toBeUndefined();
    await store.recordSeen(['custom:key'], new Date('2025-04-01T00:00:00.000Z'));
    await store.recordSeen(['custom:key'], new Date('2025-07-01T00:00:00.000Z'));
    await store.recordSeen(['custom:key'], new Date('2025-03-01T00:00:00.000Z'));
    expect(await store.firstSeen('custom:key')).toEqual(new Date('2025-03-01T00:00:00.000Z'));
  });

  it('scopes track findings separately', async () => {
    const store = await open(await backend.fresh());
    const r1 = await store.beginRun({ toolVersion: '1', scope: 'project-a' });
    await store.recordFindings(r1.id, [A]);
    await store.finishRun(r1.id, { complete: true, durationMs: 1 });
    const r2 = await store.beginRun({ toolVersion: '1', scope: 'project-b' });
    await store.recordFindings(r2.id, [PASS_HTTPS]);
    const done = await store.finishRun(r2.id, { complete: true, durationMs: 1 });
    expect(done.transitions.fixed).toBe(0);
    expect((await store.listRuns({ scope: 'project-a' })).map((r) => r.id)).toEqual([r1.id]);
  });

  it('marks a run whose lease expired as abandoned (incomplete), with an evidence record', async () => {
    let now = new Date('2025-01-01T00:00:00.000Z');
    const url = await backend.fresh();
    const s1 = await open(url, { clock: () => now, runLeaseMs: 60_000 });
    const run = await s1.beginRun({ toolVersion: '1' });
    await s1.recordFindings(run.id, [A]);
    now = new Date('2025-01-01T00:00:30.000Z');
    await s1.heartbeat(run.id);
    now = new Date('2025-01-01T00:01:20.000Z'); // within the renewed lease
    const s2 = await open(url, { clock: () => now, runLeaseMs: 60_000 });
    expect((await s2.getRun(run.id))!.state).toBe('running');
    now = new Date('2025-01-01T00:02:00.000Z');
    const s3 = await open(url, { clock: () => now, runLeaseMs: 60_000 });
    expect(await s3.getRun(run.id)).toMatchObject({ state: 'abandoned', complete: false, findingCount: 1 });
    const ev = await s3.listEvidence();
    expect(ev.map((e) => e.kind)).toEqual(['audit.run.started', 'audit.run.abandoned']);
    expect((await s3.verifyEvidence()).ok).toBe(true);
  });

  it('refuses a store with a newer schema than it knows', async () => {
    const url = await backend.fresh();
    await (await open(url)).close();
    await backend.raw(url, "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (99, 'future', 'x', '2030-01-01T00:00:00.000Z')");
    await expect(open(url)).rejects.toThrow(InputError);
    await expect(open(url)).rejects.toThrow(/schema version 99, newer/);
  });

  it('never: refuses to open a store that is behind', async () => {
    const url = await backend.fresh();
    await expect(open(url, { migrate: 'never' })).rejects.toMatchObject({ exitCode: 2, hint: expect.stringContaining('appwrite-secops store migrate') });
  });
});
