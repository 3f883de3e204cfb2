import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectContext, Diagnostic } from '../../core/collector.js';
import { defaultConfig } from '../../core/config.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { sourceCodeCollector } from './index.js';

const CANARY = `standard_${'0badc0de'.repeat(32)}`;
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function workspace(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'aws-src-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return root;
}

async function collect(root: string) {
  const diagnostics: Omit<Diagnostic, 'source'>[] = [];
  const inputs: string[] = [];
  const redactor = new Redactor();
  const ctx: CollectContext = {
    workspace: new Workspace(root),
    config: defaultConfig(),
    inputs: {},
    redactor,
    now: new Date('2026-11-29T00:00:00Z'),
    diagnose: (d) => diagnostics.push(d),
    progress: () => {},
    recordInput: (kind, p) => inputs.push(`${kind} ${p}`),
  };
  return { state: await sourceCodeCollector.collect(ctx), diagnostics, inputs, redactor };
}

describe('source-code collector', () => {
  it('is absent when nothing in the workspace uses Appwrite', async () => {
    const root = await workspace({ 'package.json': '{"dependencies":{"react":"19"}}', 'src/a.ts': 'export const x = new Map().get(1);', '.env': 'PORT=3000\n' });
    const { state } = await collect(root);
    expect(state).toMatchObject({ state: 'absent' });
  });

  it('inventories calls, registers every secret it sees with the redactor, and lists its inputs', async () => {
    const root = await workspace({
      'package.json': '{"dependencies":{"next":"15","node-appwrite":"17"}}',
      'src/components/Admin.tsx': `'use client';\nimport { Client, Users } from 'node-appwrite';\nconst u = new Users(new Client().setKey('${CANARY}'));\nexport const list = () => u.list();\n`,
      '.env.local': 'NEXT_PUBLIC_APPWRITE_API_KEY=also-a-secret-value\n',
    });
    const { state, inputs, redactor } = await collect(root);
    expect(state.state).toBe('ok');
    if (state.state !== 'ok') return;
    expect(state.value.callSites.map((s) => `${s.path}:${s.line} ${s.operationId} ${s.runtime} ${s.auth}`)).toEqual(['src/components/Admin.tsx:4 users.list client key']);
    expect(state.value.keyUses[0]).toMatchObject({ kind: 'setKey', runtime: 'client', source: { kind: 'literal', keyShaped: true } });
    expect(JSON.stringify(state.value)).not.toContain(CANARY.slice(9, 50));
    expect(JSON.stringify(state.value)).not.toContain('also-a-secret-value');
    expect(redactor.scrub(`${CANARY} also-a-secret-value`)).not.toMatch(/0badc0de0badc0de|also-a-secret/);
    expect(inputs.sort()).toEqual(['env-file .env.local', 'source src/components/Admin.tsx']);
  });

  it('reports a file it cannot parse as a diagnostic and as incomplete, and goes on', async () => {
    const root = await workspace({
      'srv/ok.ts': `import { Client, Users } from 'node-appwrite';\nnew Users(new Client()).list();\n`,
      'srv/broken.ts': `import { Client } from 'node-appwrite';\nconst = = ;\n`,
    });
    const { state, diagnostics } = await collect(root);
    if (state.state !== 'ok') throw new Error('expected ok');
    expect(state.value.incomplete).toEqual([{ path: 'srv/broken.ts', reason: expect.stringMatching(/^could not be parsed/) }]);
    expect(state.value.callSites).toHaveLength(1);
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'warning', path: 'srv/broken.ts', line: 2 }));
  });

  it('reads functions and their scopes from appwrite.json, and diagnoses a broken one', async () => {
    const good = await workspace({
      'appwrite.json': JSON.stringify({ projectId: 'p', functions: [{ $id: 'f1', name: 'F1', path: 'functions/f1', scopes: ['users.read'] }, { name: 'no id' }] }, null, 2),
      'functions/f1/src/main.js': `import { Client, Users } from 'node-appwrite';\nexport default async ({ req }) => new Users(new Client().setKey(req.headers['x-appwrite-key'])).list();\n`,
      'functions/f2/index.js': `import { Client } from 'node-appwrite';\n`,
      'functions/f2/package.json': '{"dependencies":{"node-appwrite":"17"}}',
      'src/app/functions/[id]/page.tsx': `'use client';\nimport { Client, Account } from 'appwrite';\nnew Account(new Client()).get();\n`,
    });
    const r = await collect(good);
    if (r.state.state !== 'ok') throw new Error('expected ok');
    expect(r.state.value.functions.map((f) => [f.id, f.root, f.scopes])).toEqual([
      ['f1', 'functions/f1', ['users.read']],
      ['f2', 'functions/f2', null],
    ]);
    expect(r.state.value.functions[0]!.declaredIn).toEqual({ path: 'appwrite.json', line: 5 });
    // A route segment named "functions" is app code, not an Appwrite function.
    expect(r.state.value.callSites.find((s) => s.path.startsWith('src/app/functions/'))).toMatchObject({ runtime: 'client' });
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ message: 'functions[1] has no "$id"; skipped' }));
    const broken = await workspace({ 'appwrite.json': '{\n  "functions": [\n' });
    const b = await collect(broken);
    expect(b.diagnostics[0]).toMatchObject({ path: 'appwrite.json', message: expect.stringMatching(/^not valid JSON/) });
  });

  it('skips tests, build output and dependencies', async () => {
    const root = await workspace({
      'src/a.test.ts': `import { Client, Users } from 'node-appwrite';\nnew Users(new Client()).list();\n`,
      'dist/bundle.js': `import { Client, Users } from 'node-appwrite';\nnew Users(new Client()).list();\n`,
      'node_modules/x/index.js': `import { Client, Users } from 'node-appwrite';\nnew Users(new Client()).list();\n`,
    });
    expect((await collect(root)).state.state).toBe('absent');
  });
});

describe('source-code collector in a monorepo', () => {
  it('follows imports of workspace packages to their source', async () => {
    const root = await workspace({
      'package.json': '{"private":true,"workspaces":["apps/*","packages/*"]}',
      'packages/appwrite/package.json': '{"name":"@acme/appwrite","main":"./dist/index.js"}',
      'packages/appwrite/src/index.ts': `import { Client, Users } from 'node-appwrite';\nexport const adminUsers = new Users(new Client().setKey(process.env.APPWRITE_KEY!));\n`,
      'apps/web/package.json': '{"dependencies":{"next":"15","@acme/appwrite":"*"}}',
      'apps/web/src/components/Users.tsx': `'use client';\nimport { adminUsers } from '@acme/appwrite';\nexport const load = () => adminUsers.list();\n`,
    });
    const { state } = await collect(root);
    if (state.state !== 'ok') throw new Error('expected ok');
    expect(state.value.callSites.map((s) => `${s.path}:${s.line} ${s.operationId} ${s.runtime} ${s.auth} ${s.resolution}`)).toEqual(['apps/web/src/components/Users.tsx:3 users.list client key import']);
    // The package's module is bundled for the client through the import.
    expect(state.value.keyUses.map((k) => `${k.path} ${k.runtime}`)).toEqual(['packages/appwrite/src/index.ts client']);
  });
});
