import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAppwrite, type FakeAppwrite } from '../../../test/support/fake-appwrite/index.js';
import type { AnyCollector, CollectContext } from '../../core/collector.js';
import { defaultConfig, type Config } from '../../core/config.js';
import { InputError } from '../../core/errors.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { liveConfigSection } from '../../live/config.js';
import * as z from 'zod';
import { appwriteConfigCollector } from '../appwrite-config/index.js';
import { appwriteLiveCollector, appwriteProjectWithLiveCollector, withLiveCollectors } from './index.js';

const SECRET = `standard_${'4d'.repeat(128)}`;
let fake: FakeAppwrite | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  fake = undefined;
  dir = undefined;
});

async function context(inputs: CollectContext['inputs'], files: Record<string, string> = {}): Promise<CollectContext & { inputsSeen: string[] }> {
  fake = await startFakeAppwrite({ version: '1.9.6', seed: { projects: [{ $id: 'shop', keys: [{ name: 'audit', scopes: ['keys.read', 'tables.read', 'databases.read'], secret: SECRET }], databases: [{ $id: 'main', collections: [{ $id: 'orders' }] }] }] } });
  dir = await mkdtemp(path.join(os.tmpdir(), 'aw-live-col-'));
  for (const [n, t] of Object.entries(files)) await writeFile(path.join(dir, n), t);
  const live = z.strictObject(liveConfigSection).parse({ environments: { prod: { endpoint: fake.endpoint, projectId: 'shop', credentialEnv: 'K' } } });
  const inputsSeen: string[] = [];
  return {
    workspace: new Workspace(dir),
    config: { ...defaultConfig(), ...live } as Config,
    inputs: { liveEnvVars: { K: SECRET }, ...inputs },
    redactor: new Redactor(),
    now: new Date('2026-11-29T12:00:00Z'),
    diagnose: () => {},
    progress: () => {},
    recordInput: (kind, p) => void inputsSeen.push(`${kind} ${p}`),
    inputsSeen,
  };
}

describe('appwrite-live collectors', () => {
  it('are absent without --env, and the project collector then reads files only', async () => {
    const ctx = await context({});
    expect(await appwriteLiveCollector.collect(ctx)).toMatchObject({ state: 'absent' });
    expect(await appwriteProjectWithLiveCollector.collect(ctx)).toMatchObject({ state: 'absent' });
    expect(fake!.exchanges).toEqual([]);
  });

  it('read each environment once per run, shared by both collectors', async () => {
    const ctx = await context({ liveEnvironments: ['prod'] });
    const [live, project] = await Promise.all([appwriteLiveCollector.collect(ctx), appwriteProjectWithLiveCollector.collect(ctx)]);
    expect(live.state).toBe('ok');
    expect(project.state === 'ok' && project.value.projects.map((p) => [p.origin, p.dataResources.map((r) => r.id)])).toEqual([['live-api', ['orders']]]);
    expect(fake!.exchanges.filter((e) => e.path === '/v1/project/keys')).toHaveLength(1);
    expect(ctx.inputsSeen).toEqual([`appwrite-live ${fake!.endpoint}/projects/shop (env prod)`]);
    // The audit key is registered for scrubbing before anything is printed.
    expect(ctx.redactor.scrub(SECRET)).not.toContain(SECRET);
  });

  it('adds the live project to appwrite.json projects, and unreadable parts as failures', async () => {
    const ctx = await context({ liveEnvironments: ['prod'] }, { 'appwrite.json': JSON.stringify({ projectId: 'shop', collections: [] }) });
    const project = await appwriteProjectWithLiveCollector.collect(ctx);
    if (project.state !== 'ok') throw new Error(project.state);
    expect(project.value.projects.map((p) => p.origin)).toEqual(['config-file', 'live-api']);
    // The key lacks project.read, buckets.read, …: each unreadable part is a failure naming its scope.
    expect(project.value.failures.map((f) => f.message).join('\n')).toMatch(/lacks scope buckets\.read/);
    expect(new Set(project.value.failures.map((f) => f.path)).size).toBe(project.value.failures.length);
  });

  it('stop the run for a wrong environment name (exit 2)', async () => {
    const ctx = await context({ liveEnvironments: ['qa'] });
    await expect(appwriteLiveCollector.collect(ctx)).rejects.toBeInstanceOf(InputError);
  });

  it('withLiveCollectors swaps the file-only project collector for the live-aware one', () => {
    const out = withLiveCollectors([appwriteConfigCollector as AnyCollector]);
    expect(out.map((c) => c.key)).toEqual(['appwrite-project', 'appwrite-live']);
    expect(out[0]).toBe(appwriteProjectWithLiveCollector);
  });
});
