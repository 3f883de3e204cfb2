import { parentPort } from 'node:worker_threads';
import { newChunkBuffer, scanFileSync } from './file-scan.js';
import { defaultRules, scanText } from './matcher.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';

// One worker thread: CPU-bound matching, reading its own files so contents never cross threads.
const compiled = defaultRules();
const buf = newChunkBuffer();
const port = parentPort;
if (!port) throw new Error('secrets/worker.ts must run as a worker thread');

port.on('message', (msg: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    if (msg.type === 'files') {
      res = { id: msg.id, type: 'files', results: msg.jobs.map((j) => scanFileSync(j, compiled, msg.limits, buf)) };
    } else {
      res = {
        id: msg.id,
        type: 'texts',
        results: msg.jobs.map((j) => ({ key: j.key, matches: scanText(j.text, compiled, { path: j.path, committed: j.committed, lineOffset: j.lineOffset }) })),
      };
    }
  } catch (err) {
    res = { id: msg.id, type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(res);
});
