/**
 * Fault injection at every step of a rotation against the stand-in: the step fails (5xx) or times out
 * (the server finishes the request after the client gave up). After --resume exactly one valid key with
 * the policy scopes remains, the sink holds its secret, and no store record holds a raw secret.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecopsError } from '../../src/core/errors.js';
import { RotationLockedError } from '../../src/workflows/key-rotation/lock.js';
import type { RotationStep } from '../../src/workflows/key-rotation/state.js';
import type { Fault } from '../support/fake-appwrite/index.js';
import { expectRotated } from './assert.js';
import { admin, keysNamed, rotate, rotateOptions, setup, store, storeDump, type Env } from './harness.js';
import { rotateKey } from '../../src/workflows/key-rotation/rotate.js';

let e: Env | undefined;
afterEach(async () => {
  await e?.cleanup();
  e = undefined;
});

const KEYS = '/v1/project/keys';
const failAt = (step: RotationStep, fault: Fault) => ({ beforeStep: (s: RotationStep) => void (s === step && e!.fake.inject(fault)) });

describe('a failing step, then --resume', () => {
  const cases: { step: RotationStep; fault: Fault }[] = [
    { step: 'created', fault: { match: { method: 'POST', path: KEYS }, kind: 'status', status: 500, times: 1 } },
    { step: 'created', fault: { match: { method: 'GET', path: KEYS }, kind: 'reset', times: 1 } },
    { step: 'delivered', fault: { match: { method: 'GET', path: KEYS }, kind: 'status', status: 503, times: 1 } },
    { step: 'validated', fault: { match: { method: 'GET', path: KEYS }, kind: 'status', status: 502, body: 'html', times: 1 } },
    { step: 'old-deleted', fault: { match: { method: 'DELETE', path: /^\/v1\/project\/keys\// }, kind: 'status', status: 500, times: 1 } },
    { step: 'old-deleted', fault: { match: { method: 'DELETE' }, kind: 'rate-limit', resetInSeconds: 600, times: 1 } },
  ];
  for (const c of cases) {
    it(`${c.step}: ${c.fault.kind}${'status' in c.fault ? ` ${c.fault.status}` : ''}`, async () => {
      e = await setup('1.9.6');
      await expect(rotate(e, failAt(c.step, c.fault))).rejects.toBeInstanceOf(SecopsError);
      expect(keysNamed(e, 'orders-api-prod').map((k) => k.$id)).toContain('oldkey');
      const out = await rotate(e, { resume: true });
      expect(out.status).toBe('done');
      await expectRotated(e);
    });
  }

  it('plan: nothing is stored when the keys cannot be read; a new run works', async () => {
    e = await setup('1.9.6');
    e.fake.inject({ match: { method: 'GET', path: KEYS }, kind: 'status', status: 500, times: 1 });
    await expect(rotate(e)).rejects.toThrow(/listing the API keys failed \(500/);
    expect(await storeDump(e)).not.toContain('key.rotation');
    expect((await rotate(e)).status).toBe('done');
    await expectRotated(e);
  });

  it('deliver: an unwritable sink fails the step; fixed, --resume delivers', async () => {
    e = await setup('1.9.6');
    const file = path.join(e.dir, 'later', '.env');
    await expect(rotate(e, { sink: { kind: 'dotenv', path: file, variable: 'APPWRITE_API_KEY' } })).rejects.toThrow(/could not write/);
    await mkdir(path.dirname(file));
    expect((await rotate(e, { resume: true })).status).toBe('done');
    await expectRotated(e, file);
  });
});

describe.each(['1.8.1', '1.9.6'])('a step that times out on %s (the server finishes it anyway), then --resume', (version) => {
  const keysPath = version === '1.8.1' ? '/v1/projects/shop/keys' : KEYS;
  for (const [step, method] of [['created', 'POST'], ['old-deleted', 'DELETE']] as const) {
    it(`${step}: ${method} outlives the client timeout`, async () => {
      e = await setup(version);
      const match = { method, path: method === 'POST' ? keysPath : new RegExp(`^${keysPath}/`) };
      await expect(rotate(e, failAt(step, { match, kind: 'latency', ms: 2500, times: 1 }), { timeoutMs: 300 })).rejects.toThrow(/could not reach the server|UND_ERR/);
      // Let the server finish what the client gave up on.
      await new Promise((r) => setTimeout(r, 2600));
      expect((await rotate(e, { resume: true })).status).toBe('done');
      await expectRotated(e);
    });
  }
});

describe('the lock', () => {
  it('a second rotation of the same key cannot run while one holds the lease', async () => {
    e = await setup('1.9.6');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const atCreated = new Promise<void>((r) => (reached = r));
    const first = rotate(e, { afterStep: async (s) => { if (s === 'created') { reached(); await held; } } });
    await atCreated;
    // Resuming it from another process is refused: the lease is held.
    await expect(rotate(e, { resume: true })).rejects.toBeInstanceOf(RotationLockedError);
    // Starting another is refused: one is in progress.
    await expect(rotate(e)).rejects.toThrow(/in progress/);
    release();
    expect((await first).status).toBe('done');
    await expectRotated(e);
  });

  it('a lease held by a live process elsewhere blocks until it expires', async () => {
    e = await setup('1.9.6');
    const a = await admin(e);
    const s = await store(e);
    try {
      await expect(rotateKey(rotateOptions(e, a, s, { owner: 'other-host/4242/abc', afterStep: (st) => { if (st === 'planned') throw new Error('stop here'); } }))).rejects.toThrow('stop here');
      // A crash leaves the lease held; another host's owner cannot be probed, so it waits for the expiry.
      await s.acquireLease('key-rotation', 'prod:oldkey', 'other-host/4242/abc', 60_000);
      await expect(rotateKey(rotateOptions(e, a, s, { resume: true }))).rejects.toBeInstanceOf(RotationLockedError);
    } finally {
      await a.close();
      await s.close();
    }
  });
});
