/**
 * A rotation in a child process that kills itself with SIGKILL after a step is persisted (`killAfter`)
 * or while a step's request is in flight (`killDuring`). Run by rotation-kill.test.ts with
 * `node --import tsx`; nothing here catches or cleans up: the point is to die mid-way.
 */
import { rotateKey } from '../../src/workflows/key-rotation/rotate.js';
import type { RotationStep } from '../../src/workflows/key-rotation/state.js';
import { admin, rotateOptions, store, type Env } from './harness.js';

const cfg = JSON.parse(process.argv[2] ?? '{}') as { endpoint: string; legacy: boolean; dir: string; storeUrl: string; dotenv: string; killAfter?: RotationStep; killDuring?: RotationStep; delayMs?: number };
const e = { fake: { endpoint: cfg.endpoint }, dir: cfg.dir, storeUrl: cfg.storeUrl, dotenv: cfg.dotenv, legacy: cfg.legacy } as unknown as Env;
const a = await admin(e, undefined, { timeoutMs: 10_000 });
const s = await store(e);
await rotateKey(
  rotateOptions(e, a, s, {
    afterStep: (step) => {
      if (step === cfg.killAfter) process.kill(process.pid, 'SIGKILL');
    },
    beforeStep: (step) => {
      if (step === cfg.killDuring) setTimeout(() => process.kill(process.pid, 'SIGKILL'), cfg.delayMs ?? 300);
    },
  }),
);
process.stdout.write('finished\n');
process.exit(0);
