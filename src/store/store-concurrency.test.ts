import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { backends, describeBackends } from './__fixtures__/backends.js';
import { findingsDigestOf } from './runs.js';

const list = await backends();
const WRITER = fileURLToPath(new URL('./__fixtures__/writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Child {
  proc: ChildProcess;
  lines: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a stdout line matches. */
  waitFor(re: RegExp): Promise<string>;
}

function writer(args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  let buf = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.splice(0)) (w.re.test(line) ? w.resolve(line) : waiters.push(w));
    }
  });
  proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    proc,
    lines,
    stderr,
    exited,
    waitFor: (re) =>
      new Promise((resolve, reject) => {
        const hit = lines.find((l) => re.test(l));
        if (hit) return resolve(hit);
        waiters.push({ re, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`writer exited (${code ?? signal}) before ${re}: ${stderr.join('')}`)));
      }),
  };
}

describeBackends('concurrent writers and crashes', list, ({ backend, open }) => {
  it('two processes writing the same store lose nothing', async () => {
    const url = await backend.fresh();
    await (await open(url)).close(); // create the schema once, as `store migrate` would
    const BATCHES = 12;
    const SIZE = 200;
    const [a, b] = [writer([url, 'audit', 'alpha', String(BATCHES), String(SIZE)]), writer([url, 'audit', 'beta', String(BATCHES), String(SIZE)])];
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect({ code: ea.code, stderr: a.stderr.join('') }).toEqual({ code: 0, stderr: '' });
    expect({ code: eb.code, stderr: b.stderr.join('') }).toEqual({ code: 0, stderr: '' });

    const store = await open(url);
    const runs = await store.listRuns();
    expect(runs.map((r) => [r.state, r.complete, r.findingCount])).toEqual([
      ['finished', true, BATCHES * SIZE],
      ['finished', true, BATCHES * SIZE],
    ]);
    for (const r of runs) expect(await store.findingsOf(r.id)).toHaveLength(BATCHES * SIZE);
    // every increment of the shared counter survived
    expect((await store.getState<{ n: number }>('test', 'counter'))!.state.n).toBe(2 * BATCHES);
    const ev = await store.listEvidence();
    expect(ev).toHaveLength(2 * (2 + BATCHES));
    expect(ev.filter((e) => e.kind === 'test.batch' && e.actor === 'alpha')).toHaveLength(BATCHES);
    expect(await store.verifyEvidence()).toMatchObject({ ok: true, records: 2 * (2 + BATCHES) });
    expect(await store.firstSeen('advisory-0')).toBeInstanceOf(Date);
    // shared fingerprints are tracked once: half of each batch is shared
    const tracked = await backend.raw(url, 'SELECT COUNT(*) AS n FROM tracked_findings');
    expect(Number(tracked[0]!.n)).toBe(BATCHES * SIZE * 1.5);
  });

  it('two processes creating a new store at the same time both succeed (migrations apply once)', async () => {
    const url = await backend.fresh();
    const ws = [writer([url, 'audit', 'one', '1', '10']), writer([url, 'audit', 'two', '1', '10'])];
    const exits = await Promise.all(ws.map((w) => w.exited));
    expect(exits.map((e, i) => [e.code, ws[i]!.stderr.join('')])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const store = await open(url);
    expect(await store.schemaStatus()).toMatchObject({ current: 1, pending: [] });
    expect(await backend.raw(url, 'SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
    expect(await store.listRuns()).toHaveLength(2);
  });

  it('a writer killed mid-run (SIGKILL) leaves a consistent store with the run marked incomplete', async () => {
    const url = await backend.fresh();
    await (await open(url)).close();
    const SIZE = 250;
    const w = writer([url, 'endless', 'victim', '0', String(SIZE)]);
    const runLine = await w.waitFor(/^run \d+$/);
    await w.waitFor(/^batch 3$/);
    w.proc.kill('SIGKILL');
    expect((await w.exited).signal).toBe('SIGKILL');
    const runId = Number(runLine.split(' ')[1]);

    const store = await open(url);
    const run = (await store.getRun(runId))!;
    expect(run).toMatchObject({ state: 'abandoned', complete: false });
    const stored = await store.findingsOf(runId);
    // whole batches only, and the run row agrees with its findings (same transaction)
    expect(stored.length % SIZE).toBe(0);
    expect(stored.length).toBeGreaterThanOrEqual(4 * SIZE);
    expect(run.findingCount).toBe(stored.length);
    const ev = await store.listEvidence();
    expect(ev.map((e) => e.kind)).toEqual(['audit.run.started', 'audit.run.abandoned']);
    // the digest of what the dead process managed to record, computed from the rows
    expect(ev[1]!.findingsDigest).toBe(findingsDigestOf(stored));
    expect(run.findingsDigest).toBe(findingsDigestOf(stored));
    expect((await store.verifyEvidence()).ok).toBe(true);
    if (backend.name === 'sqlite') expect(await backend.raw(url, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // the store keeps working
    const next = await store.beginRun({ toolVersion: 'test' });
    await store.recordFindings(next.id, []);
    expect((await store.finishRun(next.id, { complete: true, durationMs: 1 })).state).toBe('finished');
    expect((await store.resolveRun('last')).id).toBe(next.id);
  });
});
