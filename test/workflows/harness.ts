/**
 * Shared setup of the key-lifecycle tests: the Appwrite stand-in in one of the three flavours, a
 * workspace with appwrite-secops.yaml, a SQLite store, canary secrets, the CLI run in-process, and the
 * rotation library wired as the CLI wires it (so tests can hook steps and inject faults between them).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { Redactor } from '../../src/core/redact.js';
import { openKeyAdmin, type KeyAdmin } from '../../src/keys/admin.js';
import { keysSettingsSchema } from '../../src/keys/config.js';
import { resolvePolicy } from '../../src/keys/policy.js';
import { openStore, type Store } from '../../src/store/store.js';
import { lockOwner } from '../../src/workflows/key-rotation/lock.js';
import { rotateKey, type RotateOptions } from '../../src/workflows/key-rotation/rotate.js';
import { openSink } from '../../src/workflows/sinks/index.js';
import { startFakeAppwrite, type FakeAppwrite } from '../support/fake-appwrite/index.js';
import { runMain } from '../support/run-main.js';

/** Canaries: none of these may appear in any output, log or store record. */
export const ADMIN = `standard_${'a1'.repeat(128)}`;
export const OLD_SECRET = `standard_${'0d'.repeat(128)}`;
export const SESSION = 'console-session-canary-5551234567';

export const FLAVOURS = [
  { version: '1.8.1', label: '1.8 console session' },
  { version: '1.9.6', label: '1.9.x API key' },
  { version: '2.4.0', label: '2.x API key (Cloud)' },
] as const;

export const KEYS_SECTION = {
  naming: '{service}-{env}',
  expiryDays: 30,
  unmanaged: ['keys-admin'],
  environments: { prod: { adminCredentialEnv: 'KEYS_ADMIN' } },
  services: { 'orders-api': { scopes: ['rows.read', 'rows.write'], environments: ['prod'] } },
};

export interface Env {
  fake: FakeAppwrite;
  dir: string;
  storeUrl: string;
  dotenv: string;
  vars: Record<string, string>;
  legacy: boolean;
  cleanup(): Promise<void>;
}

export async function setup(version: string, opts: { live?: Record<string, unknown>; keys?: Record<string, unknown>; extraKeys?: { name: string; scopes: string[]; secret?: string }[] } = {}): Promise<Env> {
  const legacy = version.startsWith('1.8');
  const fake = await startFakeAppwrite({
    version,
    seed: {
      projects: [
        {
          $id: 'shop',
          keys: [
            { $id: 'keysadmin', name: 'keys-admin', scopes: ['keys.read', 'keys.write'], secret: ADMIN, expire: '2030-01-01T00:00:00.000+00:00' },
            { $id: 'oldkey', name: 'orders-api-prod', scopes: ['rows.read', 'rows.write', 'users.write'], secret: OLD_SECRET, expire: '', accessedAt: '2026-01-01T00:00:00.000+00:00', sdks: ['Node.js'] },
            ...(opts.extraKeys ?? []),
          ],
        },
      ],
      consoleSessions: [{ secret: SESSION, userId: 'owner' }],
    },
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aw-keylife-'));
  const env = { endpoint: fake.endpoint, projectId: 'shop', credentialEnv: 'AUDIT_KEY', production: true, ...(legacy ? { consoleSessionEnv: 'CONSOLE_SESSION' } : {}) };
  await writeFile(path.join(dir, 'appwrite-secops.yaml'), stringify({ environments: { prod: env }, live: { maxRetries: 0, requestTimeoutMs: 2000, ...opts.live }, keys: { ...KEYS_SECTION, ...opts.keys } }));
  const dotenv = path.join(dir, '.env.prod');
  await writeFile(dotenv, '# orders-api production\nAPPWRITE_ENDPOINT=https://appwrite.example.com/v1\nexport APPWRITE_API_KEY=placeholder\nOTHER=keep me\n');
  return {
    fake,
    dir,
    storeUrl: `sqlite:${path.join(dir, 'state.db')}`,
    dotenv,
    vars: { AUDIT_KEY: ADMIN, KEYS_ADMIN: ADMIN, ...(legacy ? { CONSOLE_SESSION: SESSION } : {}) },
    legacy,
    cleanup: async () => {
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function cli(e: Env, argv: string[]): Promise<{ out: string; err: string; code: number }> {
  const r = await runMain(argv, { cwd: e.dir, env: { ...e.vars, APPWRITE_SECOPS_STORE: e.storeUrl } });
  return { out: r.stdout, err: r.stderr, code: r.code };
}

export async function admin(e: Env, redactor = new Redactor(), over: { timeoutMs?: number; maxRetries?: number } = {}): Promise<KeyAdmin> {
  return openKeyAdmin({ env: 'prod', endpoint: e.fake.endpoint, projectId: 'shop', ...(e.legacy ? { consoleSession: SESSION } : { apiKey: ADMIN }) }, { redactor, timeoutMs: over.timeoutMs ?? 2000, maxRetries: over.maxRetries ?? 0 });
}

export async function store(e: Env, redactor?: Redactor): Promise<Store> {
  return openStore(e.storeUrl, { cwd: e.dir, ...(redactor ? { redactor } : {}) });
}

/** Rotation options as the CLI builds them (dotenv sink, probe `true` unless given, no idle window). */
export function rotateOptions(e: Env, a: KeyAdmin, s: Store, over: Partial<RotateOptions> = {}): RotateOptions {
  const redactor = over.redactor ?? new Redactor();
  return {
    store: s,
    admin: a,
    target: { env: 'prod', endpoint: e.fake.endpoint, projectId: 'shop' },
    subject: 'orders-api',
    policy: resolvePolicy(keysSettingsSchema.parse(KEYS_SECTION)),
    defaultExpiryDays: 30,
    sink: { kind: 'dotenv', path: e.dotenv, variable: 'APPWRITE_API_KEY' },
    openSink: (spec) => openSink(spec, { cwd: e.dir, env: {}, timeoutMs: 5000, write: () => {}, confirm: async () => true }),
    confirm: async () => true,
    validateWith: 'true',
    runProbe: async () => ({ ok: true, detail: 'exit 0' }),
    defaultIdleWindowMs: 0,
    now: () => new Date(),
    owner: lockOwner(),
    leaseMs: 60_000,
    redactor,
    log: () => {},
    ...over,
  };
}

export async function rotate(e: Env, over: Partial<RotateOptions> = {}, adminOver: { timeoutMs?: number; maxRetries?: number } = {}) {
  const redactor = new Redactor();
  const a = await admin(e, redactor, adminOver);
  const s = await store(e, redactor);
  try {
    return await rotateKey(rotateOptions(e, a, s, { redactor, ...over }));
  } finally {
    await a.close();
    await s.close();
  }
}

/** Everything the store holds, as text: states and evidence. */
export async function storeDump(e: Env): Promise<string> {
  const s = await store(e);
  try {
    const states = [...(await s.listStates('key-rotation')), ...(await s.listStates('incident'))];
    const file = e.storeUrl.slice('sqlite:'.length);
    const raw = await Promise.all([file, `${file}-wal`].map((f) => readFile(f).then((b) => b.toString('latin1'), () => '')));
    return JSON.stringify({ states, evidence: await s.listEvidence() }) + raw.join('');
  } finally {
    await s.close();
  }
}

export const dotenvValue = async (e: Env) => /^export APPWRITE_API_KEY=(.*)$/m.exec(await readFile(e.dotenv, 'utf8'))?.[1];
export const keysNamed = (e: Env, name: string) => e.fake.project('shop').keys.filter((k) => k.name === name);
