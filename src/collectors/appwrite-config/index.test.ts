import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectContext, Diagnostic } from '../../core/collector.js';
import { defaultConfig } from '../../core/config.js';
import { InputError } from '../../core/errors.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { appwriteConfigCollector } from './index.js';

const CANARY = 'sk_live_CANARYappwriteCollector0001';
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function workspace(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aw-collector-'));
  dirs.push(root);
  for (const [rel, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), body);
  }
  return root;
}

function context(root: string, inputs: CollectContext['inputs'] = {}) {
  const diagnostics: Omit<Diagnostic, 'source'>[] = [];
  const recorded: string[] = [];
  const redactor = new Redactor();
  const ctx: CollectContext = {
    workspace: new Workspace(root),
    config: defaultConfig(),
    inputs,
    redactor,
    now: new Date('2026-11-29T00:00:00Z'),
    diagnose: (d) => diagnostics.push(d),
    progress: () => {},
    recordInput: (_k, p) => recorded.push(p),
  };
  return { ctx, diagnostics, recorded, redactor };
}

const good = (id: string) => JSON.stringify({ projectId: id, functions: [{ $id: 'f', name: 'f', execute: ['any'], vars: { STRIPE_KEY: CANARY } }] }, null, 4);

describe('appwrite-config collector', () => {
  it('is absent when the workspace has no project file', async () => {
    const root = await workspace({ 'package.json': '{}' });
    expect(await appwriteConfigCollector.collect(context(root).ctx)).toMatchObject({ state: 'absent' });
  });

  it('discovers appwrite.config.json and appwrite.json in sub-folders, skips fixtures, registers secrets', async () => {
    const root = await workspace({
      'appwrite.config.json': good('a'),
      'apps/legacy/appwrite.json': good('b'),
      'test/__fixtures__/appwrite.json': good('c'),
    });
    const { ctx, recorded, redactor } = context(root);
    const state = await appwriteConfigCollector.collect(ctx);
    expect(state.state).toBe('ok');
    if (state.state !== 'ok') return;
    expect(state.value.projects.map((p) => p.projectId).sort()).toEqual(['a', 'b']);
    expect(recorded.sort()).toEqual(['apps/legacy/appwrite.json', 'appwrite.config.json']);
    expect(redactor.scrub(`value ${CANARY}`)).not.toContain(CANARY);
  });

  it('warns when both names sit in one folder (the CLI reads only appwrite.config.json)', async () => {
    const root = await workspace({ 'appwrite.config.json': good('a'), 'appwrite.json': good('b') });
    const { ctx, diagnostics } = context(root);
    await appwriteConfigCollector.collect(ctx);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/both appwrite\.config\.json and appwrite\.json/);
  });

  it('reads includes relative to the project file', async () => {
    const root = await workspace({
      'backend/appwrite.config.json': JSON.stringify({ projectId: 'p', includes: { tables: 'schema/tables.json' } }),
      'backend/schema/tables.json': JSON.stringify([{ $id: 't', databaseId: 'd', name: 't', $permissions: ['read("any")'] }], null, 2),
    });
    const state = await appwriteConfigCollector.collect(context(root).ctx);
    expect(state.state === 'ok' && state.value.projects[0]!.dataResources.map((r) => [r.id, r.location?.path, r.location?.line])).toEqual([['t', 'backend/schema/tables.json', 3]]);
  });

  it('a discovered broken file is a failure; when every file is broken the fact is an error', async () => {
    const root = await workspace({ 'a/appwrite.json': good('a'), 'b/appwrite.json': '{\n  "projectId": "b",\n  oops\n}' });
    const both = await appwriteConfigCollector.collect(context(root).ctx);
    expect(both.state === 'ok' && both.value.failures).toMatchObject([{ path: 'b/appwrite.json', line: 3 }]);

    const onlyBroken = await workspace({ 'appwrite.json': '{ "projectId": ' });
    const state = await appwriteConfigCollector.collect(context(onlyBroken).ctx);
    expect(state).toMatchObject({ state: 'error' });
    expect(state.state === 'error' && state.message).toMatch(/^appwrite\.json:1:\d+: invalid JSON/);
  });

  it('an explicitly named file replaces discovery; broken or missing is an InputError (exit 2)', async () => {
    const root = await workspace({ 'appwrite.json': good('discovered'), 'conf/prod.json': good('named'), 'conf/bad.json': '{,}' });
    const ok = await appwriteConfigCollector.collect(context(root, { appwriteConfig: path.join(root, 'conf/prod.json') }).ctx);
    expect(ok.state === 'ok' && ok.value.projects.map((p) => p.projectId)).toEqual(['named']);
    await expect(appwriteConfigCollector.collect(context(root, { appwriteConfig: ['conf/bad.json'] }).ctx)).rejects.toBeInstanceOf(InputError);
    await expect(appwriteConfigCollector.collect(context(root, { appwriteConfig: ['conf/missing.json'] }).ctx)).rejects.toThrow(/no such file/);
  });

  it('reads a large file beyond the default 10 MiB text limit', async () => {
    const collections = Array.from({ length: 12000 }, (_, i) => ({ $id: `c${i}`, databaseId: 'd', name: `n${i}`, documentSecurity: true, $permissions: ['read("users")'], attributes: Array.from({ length: 10 }, (_, j) => ({ key: `attribute_${j}`, type: 'string', size: 255, required: false, array: false, default: null })) }));
    const text = JSON.stringify({ projectId: 'big', collections }, null, 4);
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const root = await workspace({ 'appwrite.json': text });
    const state = await appwriteConfigCollector.collect(context(root).ctx);
    expect(state.state === 'ok' && state.value.projects[0]!.dataResources.length).toBe(12000);
  });
});
