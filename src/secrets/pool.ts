import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileResult, FileScanLimits } from './file-scan.js';
import type { RawMatch } from './types.js';

export interface TextJob {
  key: number;
  path: string;
  text: string;
  lineOffset: number;
  committed: boolean;
}

export interface TextResult {
  key: number;
  matches: RawMatch[];
}

export type WorkerRequest =
  | { id: number; type: 'files'; jobs: FileJob[]; limits: FileScanLimits }
  | { id: number; type: 'texts'; jobs: TextJob[] };

export type WorkerResponse =
  | { id: number; type: 'files'; results: FileResult[] }
  | { id: number; type: 'texts'; results: TextResult[] }
  | { id: number; type: 'error'; message: string };

/** Batches in flight per worker: one being matched, one queued, so a worker never waits for work. */
const IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>;
}

/**
 * A fixed set of worker threads doing the CPU-bound matching. Submitting waits while every worker has
 * IN_FLIGHT batches, so the producer (the tree walk, the git log stream) is throttled to the matching
 * speed and memory stays bounded.
 */
export class ScanPool {
  private readonly slots: Slot[];
  private nextId = 1;
  private waiters: Array<() => void> = [];
  private failure: Error | undefined;

  private constructor(slots: Slot[]) {
    this.slots = slots;
  }

  static create(size: number): ScanPool {
    const slots: Slot[] = [];
    for (let i = 0; i < size; i++) slots.push({ worker: spawnWorker(), pending: new Map() });
    const pool = new ScanPool(slots);
    for (const s of slots) {
      s.worker.on('message', (res: WorkerResponse) => pool.settle(s, res));
      s.worker.on('error', (err) => pool.fail(s, err));
      s.worker.on('exit', (code) => {
        if (s.pending.size > 0) pool.fail(s, new Error(`secret-scan worker exited with code ${code} during a scan`));
      });
    }
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  async scanFiles(jobs: FileJob[], limits: FileScanLimits): Promise<FileResult[]> {
    const res = await this.submit((id) => ({ id, type: 'files', jobs, limits }));
    if (res.type !== 'files') throw new Error('secret-scan worker answered a file batch with another kind of result');
    return res.results;
  }

  async scanTexts(jobs: TextJob[]): Promise<TextResult[]> {
    const res = await this.submit((id) => ({ id, type: 'texts', jobs }));
    if (res.type !== 'texts') throw new Error('secret-scan worker answered a text batch with another kind of result');
    return res.results;
  }

  /** Resolves when some worker can take another batch (backpressure for producers). */
  async ready(): Promise<void> {
    while (!this.failure && !this.slots.some((s) => s.pending.size < IN_FLIGHT)) {
      await new Promise<void>((r) => this.waiters.push(r));
    }
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private async submit(make: (id: number) => WorkerRequest): Promise<WorkerResponse> {
    await this.ready();
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    const res = await new Promise<WorkerResponse>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(make(id));
    });
    if (res.type === 'error') throw new Error(`secret-scan worker failed: ${res.message}`);
    return res;
  }

  private settle(slot: Slot, res: WorkerResponse): void {
    const p = slot.pending.get(res.id);
    slot.pending.delete(res.id);
    p?.resolve(res);
    this.wake();
  }

  private fail(slot: Slot, err: Error): void {
    this.failure ??= err;
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }
}

function spawnWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  // Built: dist/secrets/pool.js, or the CLI bundle dist/bundle/main.cjs, beside dist/bundle/worker.js.
  if (here.endsWith('.js') || here.endsWith('.cjs')) return new Worker(new URL('./worker.js', import.meta.url));
  // Running from TypeScript sources (tests, `tsx`): worker threads do not inherit the loader, so the
  // worker registers tsx itself before importing the TypeScript worker module.
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const workerUrl = pathToFileURL(path.join(path.dirname(here), 'worker.ts')).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(workerUrl)}); });`;
  return new Worker(code, { eval: true });
}
