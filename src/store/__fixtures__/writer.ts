/**
 * A separate process that writes to a store, for the concurrency and crash tests:
 *   node --import tsx writer.ts URL audit LABEL BATCHES BATCH_SIZE   one full run + counter increments
 *   node --import tsx writer.ts URL endless LABEL 0 BATCH_SIZE       records batches until it is killed
 * Prints one line per milestone on stdout so the parent can time a SIGKILL.
 */
import { StoreConflictError } from '../workflow-state.js';
import { openStore } from '../store.js';
import { finding } from './findings.js';

const [url, mode, label, batchesArg, sizeArg] = process.argv.slice(2);
const batches = Number(batchesArg);
const size = Number(sizeArg);
const say = (line: string) => process.stdout.write(`${line}\n`);

const store = await openStore(url!, { busyTimeoutMs: 30_000 });
const run = await store.beginRun({ toolVersion: 'test', root: label, inputs: { label } });
say(`run ${run.id}`);

const batch = (b: number) =>
  Array.from({ length: size }, (_, i) =>
    // half the fingerprints are shared by both writers, half are their own
    finding({ checkId: 'selfhost/force-https', resourceId: i % 2 === 0 ? `shared-${b}-${i}` : `${label}-${b}-${i}` }),
  );

if (mode === 'endless') {
  for (let b = 0; ; b++) {
    await store.recordFindings(run.id, batch(b));
    say(`batch ${b}`);
  }
}

for (let b = 0; b < batches; b++) {
  await store.recordFindings(run.id, batch(b));
  await store.appendEvidence({ kind: 'test.batch', subject: `run:${run.id}`, actor: label, data: { batch: b } });
  await store.recordSeen([`advisory-${b}`, `${label}-advisory-${b}`]);
  // read-modify-write of one shared counter: optimistic locking must not lose an increment
  for (;;) {
    const cur = await store.getState<{ n: number }>('test', 'counter');
    try {
      await store.putState('test', 'counter', { n: (cur?.state.n ?? 0) + 1 }, cur?.version ?? 0);
      break;
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
    }
  }
}
await store.finishRun(run.id, { complete: true, durationMs: 1 });
say(`done ${run.id}`);
await store.close();
