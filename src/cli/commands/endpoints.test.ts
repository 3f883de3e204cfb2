import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inventoryJsonSchema } from '../../code/inventory-schema.js';
import { runMain } from '../../../test/support/run-main.js';

const APPS = fileURLToPath(new URL('../../../examples/apps/', import.meta.url));
const FAKE_KEY = `standard_${'deadbeefcafef00d'.repeat(16)}`;
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Runs one command in-process through the real main(): typed errors become exit codes. */
async function run(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  return runMain(args, { cwd });
}

async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'aws-cli-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return root;
}

describe('endpoints command', () => {
  it('prints the text inventory grouped by runtime', async () => {
    const r = await run(['endpoints', `${APPS}nextjs-app-router`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Appwrite endpoint inventory: 12 Appwrite call site\(s\) in 6 file\(s\) \(client 4, server 8\)/);
    expect(r.stdout).toContain('CLIENT (4)');
    expect(r.stdout).toContain('    15:11  users.list  GET /users');
    expect(r.stdout).toContain('API KEYS IN CLIENT CODE (2)');
    expect(r.stdout).toContain('  src/app/api/orders/route.ts: documents.read, rows.write');
    expect(r.stdout).toContain('  src/app/dashboard/page.tsx: users.read');
  });

  it('prints JSON that parses, with every call site mapped and no raw key', async () => {
    const r = await run(['endpoints', `${APPS}vite-react`, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; summary: { callSites: number }; callSites: { operationId: string; scopes: string[]; authModes: string[]; runtime: string }[] };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.summary.callSites).toBe(3);
    expect(doc.callSites.map((s) => s.operationId)).toEqual(['tablesDB.listRows', 'account.get', 'tablesDB.createRow']);
    expect(doc.callSites[2]).toMatchObject({ scopes: ['rows.write', 'documents.write'], authModes: ['session', 'jwt', 'key', 'admin'], runtime: 'client' });
    expect(r.stdout + r.stderr).not.toContain(FAKE_KEY);
  });

  it('JSON output of every example app validates against the published schema', async () => {
    for (const app of ['nextjs-app-router', 'nextjs-pages-router', 'vite-react', 'sveltekit', 'appwrite-function', 'flutter', 'react-native']) {
      const r = await run(['endpoints', `${APPS}${app}`, '--format', 'json']);
      const parsed = inventoryJsonSchema.safeParse(JSON.parse(r.stdout));
      expect(parsed.success, `${app}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
    }
    expect(inventoryJsonSchema.safeParse({ schemaVersion: 2 }).success).toBe(false);
  });

  it('prints a Markdown table, filtered by runtime', async () => {
    const r = await run(['endpoints', `${APPS}appwrite-function`, '--format', 'markdown', '--runtime', 'function']);
    expect(r.stdout).toContain('| Location | Operation | HTTP | Runtime | Auth here | Accepts | Scope (any) | Rate limit |');
    expect(r.stdout).toContain('| `functions/cleanup-inactive/src/main.js:18` | `users.delete` | DELETE /users/{userId} | function | key | key, admin | users.write | none |');
    expect(r.stdout).toContain('| function `cleanup-inactive` | rows.read, rows.write, users.read, users.write | users.read, users.write, rows.read, rows.write, files.write, buckets.read |');
  });

  it('exits 2 on a bad flag or a missing folder, and 3 when a file could not be analysed', async () => {
    expect((await run(['endpoints', `${APPS}vite-react`, '--format', 'xml'])).code).toBe(2);
    expect((await run(['endpoints', `${APPS}vite-react`, '--runtime', 'edge'])).code).toBe(2);
    const missing = await run(['endpoints', '/no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such folder/);
    const root = await tempDir({ 'a.ts': `import { Client } from 'node-appwrite';\nconst = ;\n` });
    const r = await run(['endpoints', root]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('NOT ANALYSED');
    expect(r.stderr).toMatch(/could not be analysed/);
  });
});

describe('threat-model init command', () => {
  it('prints a draft with --stdout', async () => {
    const r = await run(['threat-model', 'init', `${APPS}sveltekit`, '--stdout']);
    expect(r.code).toBe(0);
    const tm = (parse(r.stdout) as { threatModel: { servicePaths: { id: string; files: string[] }[] } }).threatModel;
    expect(tm.servicePaths.map((p) => [p.id, p.files])).toEqual([
      ['client-session', ['src/lib/stats.ts', 'src/routes/+page.svelte']],
      ['server-key', ['src/routes/admin/+page.server.ts']],
    ]);
    expect(r.stderr).toMatch(/client code uses an API key \(src\/lib\/stats\.ts\)/);
  });

  it('creates appwrite-secops.yaml, adds to an existing one, and never replaces a section without --force', async () => {
    const root = await tempDir({ 'src/lib/server/db.ts': `import { Client, Users } from 'node-appwrite';\nexport const users = () => new Users(new Client().setKey(process.env.K)).list();\n` });
    const created = await run(['threat-model', 'init', root]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^created {4}.*appwrite-secops\.yaml \(threatModel: 1 service path\(s\)\)/);
    const first = await readFile(path.join(root, 'appwrite-secops.yaml'), 'utf8');
    expect(first).toContain('threatModel:');

    const again = await run(['threat-model', 'init', root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has a threatModel section.*--force/);
    expect(await readFile(path.join(root, 'appwrite-secops.yaml'), 'utf8')).toBe(first);

    const forced = await run(['threat-model', 'init', root, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^updated/);

    const other = await tempDir({ 'appwrite-secops.yaml': 'failOn: critical\n', 'src/lib/server/a.ts': `import { Client, Users } from 'node-appwrite';\nnew Users(new Client().setKey(k)).list();\n` });
    const added = await run(['threat-model', 'init', other]);
    expect(added.code).toBe(0);
    const text = await readFile(path.join(other, 'appwrite-secops.yaml'), 'utf8');
    expect(parse(text)).toMatchObject({ failOn: 'critical', threatModel: { servicePaths: [{ files: ['src/lib/server/a.ts'] }] } });
  });

  it('warns about keys in client code without declaring them', async () => {
    const r = await run(['threat-model', 'init', `${APPS}vite-react`, '--stdout']);
    expect(r.stdout).toContain('WARNING: client code uses an API key in src/api/admin.ts');
    expect(r.stdout).not.toMatch(/auth:\s*key/);
  });
});
