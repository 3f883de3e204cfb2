import { newChunkBuffer, scanFileSync, type FileJob, type FileResult } from './file-scan.js';
import type { DiffHunk } from './git.js';
import { defaultRules, scanText } from './matcher.js';
import type { TextJob } from './pool.js';
import type { RawMatch } from './types.js';
import type { WalkEntry } from './walk.js';

/** Below this many files, starting worker threads costs more than it saves. */
const INLINE_FILE_LIMIT = 64;
const FILE_BATCH = 32;
const TEXT_BATCH_CHARS = 1024 * 1024;

/**
 * Feeds the walk to the matcher: inline for small trees, else in batches to the worker pool, waiting
 * for a free worker before reading further (bounded memory however large the tree).
 */
export async function scanTree(
  walk: AsyncGenerator<WalkEntry>,
  o: { committed: boolean; workers: number; limits: { maxFileBytes: number }; onResult: (r: FileResult, inBundle: boolean) => void; progress: (m: string) => void; signal?: AbortSignal },
): Promise<void> {
  // Look ahead a little: a small tree is matched on this thread, a large one by the worker pool.
  const head: WalkEntry[] = [];
  let done = false;
  while (head.length < INLINE_FILE_LIMIT) {
    const n = await walk.next();
    if (n.done) {
      done = true;
      break;
    }
    head.push(n.value);
  }
  const job = (e: WalkEntry): FileJob => ({ abs: e.abs, rel: e.rel, committed: o.committed });
  if (done || o.workers <= 0) {
    const compiled = defaultRules();
    const buf = newChunkBuffer();
    const run = (e: WalkEntry) => o.onResult(scanFileSync(job(e), compiled, o.limits, buf), e.inBundle);
    head.forEach(run);
    if (!done) for await (const e of walk) run(e);
    return;
  }
  const { ScanPool } = await import('./pool.js'); // worker_threads only when a tree is large enough for it
  const pool = ScanPool.create(o.workers);
  o.progress(`matching on ${pool.size} worker threads`);
  const inflight = new Set<Promise<void>>();
  const submit = async (batch: WalkEntry[]): Promise<void> => {
    await pool.ready();
    const p = pool.scanFiles(batch.map(job), o.limits).then((results) => results.forEach((r, i) => o.onResult(r, batch[i]!.inBundle)));
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  };
  try {
    let batch: WalkEntry[] = [];
    const add = async (e: WalkEntry) => {
      batch.push(e);
      if (batch.length >= FILE_BATCH) {
        const b = batch;
        batch = [];
        await submit(b);
      }
    };
    for (const e of head) await add(e);
    for await (const e of walk) {
      if (o.signal?.aborted) throw o.signal.reason;
      await add(e);
    }
    if (batch.length) await submit(batch);
    await Promise.all(inflight);
  } finally {
    await pool.close();
  }
}

/** Feeds diff hunks (history, staged) to the matcher, batched by size for the pool. */
export async function scanHunks(
  hunks: AsyncGenerator<DiffHunk>,
  o: { workers: number; onHunk: (h: DiffHunk, m: RawMatch[]) => void; signal?: AbortSignal },
): Promise<void> {
  if (o.workers <= 0) {
    const compiled = defaultRules();
    for await (const h of hunks) o.onHunk(h, scanText(h.text, compiled, { path: h.path, committed: true, lineOffset: h.startLine - 1 }));
    return;
  }
  const { ScanPool } = await import('./pool.js'); // worker_threads only when a tree is large enough for it
  const pool = ScanPool.create(o.workers);
  const inflight = new Set<Promise<void>>();
  let key = 0;
  let batch: Array<{ h: DiffHunk; job: TextJob }> = [];
  let chars = 0;
  const submit = async (b: Array<{ h: DiffHunk; job: TextJob }>): Promise<void> => {
    await pool.ready();
    const p = pool.scanTexts(b.map((x) => x.job)).then((results) => results.forEach((r, i) => o.onHunk(b[i]!.h, r.matches)));
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  };
  try {
    for await (const h of hunks) {
      batch.push({ h, job: { key: key++, path: h.path, text: h.text, lineOffset: h.startLine - 1, committed: true } });
      chars += h.text.length;
      if (chars >= TEXT_BATCH_CHARS) {
        const b = batch;
        batch = [];
        chars = 0;
        await submit(b);
      }
    }
    if (batch.length) await submit(batch);
    await Promise.all(inflight);
  } finally {
    await pool.close();
  }
}

