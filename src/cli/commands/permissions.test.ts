import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../../test/support/run-main.js';

const CANARY = 'sk_live_CANARYpermissionsCommand42';

/** Runs `appwrite-secops <argv>` in-process through the real main(). */
async function run(cwd: string, argv: string[]): Promise<{ out: string; err: string; code: number }> {
  const r = await runMain(argv, { cwd });
  return { out: r.stdout, err: r.stderr, code: r.code };
}

const v1 = {
  projectId: 'shop',
  databases: [{ $id: 'shop', name: 'Shop' }],
  collections: [
    { $id: 'orders', $permissions: ['read("users")', 'create("users")'], databaseId: 'shop', name: 'Orders', documentSecurity: true, attributes: [], indexes: [] },
    { $id: 'products', $permissions: ['read("any")', 'write("team:staff/editor")'], databaseId: 'shop', name: 'Products', documentSecurity: false, attributes: [], indexes: [] },
  ],
  functions: [{ $id: 'checkout', name: 'Checkout', execute: ['users'], scopes: ['rows.write'], vars: { STRIPE_SECRET_KEY: CANARY } }],
};
const v2 = structuredClone(v1);
v2.collections[0]!.$permissions.push('update("users")');
v2.collections[1]!.$permissions = ['read("any")'];
const write = (dir: string, obj: unknown) => writeFile(path.join(dir, 'appwrite.json'), `${JSON.stringify(obj, null, 4)}\n`);

let repo: string;
beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'aw-perm-cli-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' } });
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'Test');
  await write(repo, v1);
  git('add', 'appwrite.json');
  git('commit', '-q', '-m', 'v1');
  await write(repo, v2);
  git('commit', '-q', '-am', 'v2');
  await mkdir(path.join(repo, 'other'));
  await writeFile(path.join(repo, 'other', 'broken.json'), '{\n  "projectId": "x",\n}');
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('appwrite-secops permissions', () => {
  it('prints the matrix as a table with the API-key note', async () => {
    const r = await run(repo, ['permissions']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/API keys bypass every permission/);
    expect(r.out).toMatch(/collection shop\/orders\s+Orders\s+update\s+users\s+resource\s+appwrite\.json:\d+/);
    expect(r.out).not.toContain(CANARY);
  });

  it('JSON has the documented entries', async () => {
    const r = await run(repo, ['permissions', '--format', 'json']);
    const json = JSON.parse(r.out) as { entries: Record<string, unknown>[] };
    expect(json.entries).toContainEqual(expect.objectContaining({ resourceType: 'function', resourceId: 'checkout', resourceName: 'Checkout', action: 'execute', role: 'users', level: 'resource' }));
    expect(r.out).not.toContain(CANARY);
  });

  it('filters by principal, action and resource; CSV and Markdown', async () => {
    const csv = await run(repo, ['permissions', '.', '--principal', 'guests', '--format', 'csv']);
    const rows = csv.out.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^collection,products,Products,read,any,resource,shop,,public,"read\(""any""\)",appwrite\.json,\d+$/);
    const md = await run(repo, ['permissions', '--action', 'update', '--resource', 'shop/*', '--format', 'markdown']);
    expect(md.out).toMatch(/\| collection shop\/orders \| Orders \| update \| users \| resource \|/);
    expect(md.out).not.toMatch(/\| read \|/);
  });

  it('takes a project file as the path', async () => {
    const r = await run(path.join(repo, 'other'), ['permissions', '../appwrite.json', '--resource', 'checkout']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/function checkout\s+Checkout\s+execute\s+users\s+resource\s+appwrite\.json:\d+/);
    expect(r.out).not.toMatch(/collection /);
  });

  it('analyses a named file and refuses bad input with exit 2', async () => {
    const named = await run(repo, ['permissions', '--appwrite-config', 'appwrite.json', '--principal', 'team:staff/editor', '--action', 'read']);
    expect(named.out).toMatch(/read\s+any/);
    const broken = await run(repo, ['permissions', '--appwrite-config', 'other/broken.json']);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/other\/broken\.json:3:\d+: invalid JSON/);
    expect((await run(repo, ['permissions', '--principal', 'everyone'])).code).toBe(2);
    expect((await run(repo, ['permissions', '--format', 'xml'])).code).toBe(2);
    expect((await run(repo, ['permissions', 'nowhere'])).code).toBe(2);
  });

  it('diff between git revisions shows widened and narrowed access', async () => {
    const r = await run(repo, ['permissions', 'diff', 'HEAD~1:appwrite.json', 'HEAD:appwrite.json']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Access widened \(1\):\n {2}\+ collection shop\/orders: update for users at resource level \[high\]/);
    expect(r.out).toMatch(/Access narrowed \(3\):/);
    expect(r.out).toMatch(/- collection shop\/products: (create|update|delete) for team:staff\/editor/);
    expect(r.out).not.toContain(CANARY);
  });

  it('--fail-on-widen exits 1 on a widening, 0 otherwise; a working-tree file works as a side', async () => {
    expect((await run(repo, ['permissions', 'diff', 'HEAD~1:appwrite.json', 'appwrite.json', '--fail-on-widen'])).code).toBe(1);
    expect((await run(repo, ['permissions', 'diff', 'HEAD:appwrite.json', 'appwrite.json', '--fail-on-widen'])).code).toBe(0);
    // Going back re-adds the editor grants removed in v2: a widening too.
    expect((await run(repo, ['permissions', 'diff', 'appwrite.json', 'HEAD~1:appwrite.json', '--fail-on-widen'])).code).toBe(1);
    const json = await run(repo, ['permissions', 'diff', '--format', 'json', 'HEAD~1:appwrite.json', 'appwrite.json']);
    expect(JSON.parse(json.out)).toMatchObject({ widens: true, widened: [{ change: 'widened', severity: 'high', entry: { resourceId: 'orders', action: 'update', role: 'users' } }] });
  });

  it('diff refuses an unknown revision, a folder, and csv with exit 2', async () => {
    const bad = await run(repo, ['permissions', 'diff', 'nosuchrev:appwrite.json', 'appwrite.json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/git show nosuchrev:appwrite\.json failed/);
    expect((await run(repo, ['permissions', 'diff', 'other', 'appwrite.json'])).code).toBe(2);
    expect((await run(repo, ['permissions', 'diff', '--format', 'csv', 'appwrite.json', 'appwrite.json'])).code).toBe(2);
    const missing = await run(repo, ['permissions', 'diff', 'appwrite.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing required argument 'new'/);
  });
});
