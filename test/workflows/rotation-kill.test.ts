/**
 * A real child process running a rotation is killed with SIGKILL at every step (after the step is
 * stored, and in the middle of the create and delete requests). The lease it held belongs to a dead
 * process on this machine, so --resume takes it over and finishes: one valid key, the sink holds it,
 * no raw secret in the store.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ROTATION_STEPS, type RotationStep } from '../../src/workflows/key-rotation/state.js';
import type { RotationRecord } from '../../src/workflows/key-rotation/state.js';
import { admin, rotate, setup, store, type Env } from './harness.js';
import { expectRotated } from './assert.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

let e: Env | undefined;
afterEach(async () => {
  await e?.cleanup();
  e = undefined;
});

function child(env: Env, kill: { killAfter?: RotationStep; killDuring?: RotationStep }): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const cfg = { endpoint: env.fake.endpoint, legacy: env.legacy, dir: env.dir, storeUrl: env.storeUrl, dotenv: env.dotenv, ...kill };
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'rotation-child.ts'), JSON.stringify(cfg)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (out += c.toString()));
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code, signal, out }));
  });
}

describe('SIGKILL during a rotation, then --resume', () => {
  for (const step of ROTATION_STEPS.filter((s) => s !== 'done')) {
    it(`killed right after "${step}" was stored`, async () => {
      e = await setup('1.9.6');
      const r = await child(e, { killAfter: step });
      expect(r.signal, r.out).toBe('SIGKILL');
      expect((await rotate(e, { resume: true })).status).toBe('done');
      await expectRotated(e);
    });
  }

  // The stand-in reads a request body only after an injected latency, so a request whose client died
  // is dropped. Whether the server completed it is the case that matters, so both outcomes are tested:
  // `completed` does through the API what the server would have done with the lost request.
  for (const [step, method] of [['created', 'POST'], ['old-deleted', 'DELETE']] as const) {
    for (const version of ['1.8.1', '2.4.0']) {
      for (const completed of [false, true]) {
        it(`killed while the ${method} of "${step}" is in flight (${version}; the server ${completed ? 'completed' : 'dropped'} it)`, async () => {
          e = await setup(version);
          e.fake.inject({ match: { method }, kind: 'latency', ms: 1500, times: 1 });
          const r = await child(e, { killDuring: step });
          expect(r.signal, r.out).toBe('SIGKILL');
          const s = await store(e);
          const rec = (await s.getState<RotationRecord>('key-rotation', 'prod:oldkey'))!.state;
          await s.close();
          expect(rec.step).toBe(step === 'created' ? 'planned' : 'validated');
          if (completed) {
            const a = await admin(e);
            if (step === 'created') await a.create({ keyId: rec.next.id, name: rec.next.name, scopes: rec.next.scopes, expire: rec.next.expire });
            else await a.remove('oldkey');
            await a.close();
          }
          expect((await rotate(e, { resume: true })).status).toBe('done');
          await expectRotated(e);
        });
      }
    }
  }
});
