import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectContext, Diagnostic } from '../../core/collector.js';
import { configSchema } from '../../core/config-schema.js';
import { InputError } from '../../core/errors.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { fakeSecrets } from '../../secrets/__fixtures__/fake-secrets.js';
import { secretsCollector } from './index.js';

const s = fakeSecrets(66);
const tmp = mkdtempSync(path.join(tmpdir(), 'secops-collector-'));
const liveKey = s.standard();
let server: Server;
let endpoint = '';
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await new Promise((r) => server.close(r));
});
beforeAll(async () => {
  server = createServer((req, res) => {
    const ok = req.url === '/v1/health' && req.headers['x-appwrite-project'] === 'shop' && req.headers['x-appwrite-key'] === liveKey;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { status: 'pass' } : { code: 401, type: 'general_unauthorized_scope' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

function folder(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function context(root: string, secrets: Record<string, unknown> = {}, inputs: CollectContext['inputs'] = {}) {
  const diagnostics: Diagnostic[] = [];
  const recorded: string[] = [];
  const redactor = new Redactor();
  const config = configSchema.parse({ secrets });
  const ctx: CollectContext = {
    workspace: new Workspace(root),
    config,
    inputs,
    redactor,
    now: new Date('2026-11-29T12:00:00Z'),
    diagnose: (d) => diagnostics.push({ ...d, source: 'secrets' }),
    progress: () => {},
    recordInput: (kind, p) => recorded.push(`${kind}:${p}`),
  };
  return { ctx, diagnostics, recorded, redactor };
}

describe('secrets collector', () => {
  it('scans the workspace, records it, and reports files it could not scan as diagnostics', async () => {
    const root = folder('basic', { 'src/a.ts': `const t = "${s.github()}";\n`, 'huge.txt': 'z'.repeat(3000), 'img.dat': '\0\0binary' });
    const { ctx, diagnostics, recorded } = context(root, { maxFileMiB: 0.002 });
    const state = await secretsCollector.collect(ctx);
    if (state.state !== 'ok') throw new Error(`expected ok, got ${state.state}`);
    expect(state.value.findings.map((f) => [f.ruleId, f.path])).toEqual([['github-token', 'src/a.ts']]);
    expect(recorded).toEqual(['secrets:.']);
    expect(diagnostics.map((d) => [d.path, d.level])).toEqual([['huge.txt', 'warning']]);
  });

  it('applies config excludes and a config baseline (relative to the workspace)', async () => {
    const root = folder('cfg', { 'fixtures/k.txt': s.npm(), 'src/b.ts': `x = '${s.stripe()}'` });
    const first = await secretsCollector.collect(context(root, { exclude: ['fixtures/**'] }).ctx);
    if (first.state !== 'ok') throw new Error('expected ok');
    expect(first.value.findings.map((f) => f.path)).toEqual(['src/b.ts']);
    writeFileSync(path.join(root, 'baseline.json'), JSON.stringify({ version: 1, findings: [{ fingerprint: first.value.findings[0]!.fingerprint }] }));
    const second = await secretsCollector.collect(context(root, { exclude: ['fixtures/**'], baseline: 'baseline.json' }).ctx);
    if (second.state !== 'ok') throw new Error('expected ok');
    expect(second.value.findings).toEqual([]);
    expect(second.value.suppressed.map((x) => x.reason)).toEqual(['baseline']);
  });

  it('verifies Appwrite keys only against the configured endpoint', async () => {
    const root = folder('verify', { 'a.js': `new Client().setProject('shop').setKey('${liveKey}')`, 'b.js': `const k = '${s.standard()}'; // project shop` });
    const { ctx } = context(root, { verify: { endpoint, projectId: 'shop' } }, { secretScan: { verify: true } });
    const state = await secretsCollector.collect(ctx);
    if (state.state !== 'ok') throw new Error('expected ok');
    expect(state.value.findings.map((f) => [f.path, f.liveness])).toEqual([
      ['a.js', 'live'],
      ['b.js', 'dead'],
    ]);
    expect(state.value.verification).toMatchObject({ checked: 2, live: 1, dead: 1, unknown: 0 });
  });

  it('is absent for an empty folder in a plain audit, but answers an explicit scan', async () => {
    const root = folder('empty', {});
    mkdirSync(root, { recursive: true });
    expect((await secretsCollector.collect(context(root).ctx)).state).toBe('absent');
    expect((await secretsCollector.collect(context(root, {}, { secretScan: { verify: false } }).ctx)).state).toBe('absent');
    expect((await secretsCollector.collect(context(root, {}, { secretScan: { explicit: true } }).ctx)).state).toBe('ok');
  });

  it('refuses --verify without an endpoint in the config (input error, exit 2)', async () => {
    const root = folder('noverify', { 'a.txt': 'nothing' });
    await expect(secretsCollector.collect(context(root, {}, { secretScan: { verify: true } }).ctx)).rejects.toBeInstanceOf(InputError);
  });

  it('with secrets.history, joins history findings to the tree (commit of a key still present; removed keys too)', async () => {
    const root = folder('hist', {});
    mkdirSync(root, { recursive: true });
    const still = s.github();
    const gone = s.npm();
    const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env: { ...process.env, HOME: root, GIT_AUTHOR_DATE: '2026-05-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-05-01T00:00:00Z' } });
    git('init', '-q');
    writeFileSync(path.join(root, 'a.sh'), `T=${still}\nN=${gone}\n`);
    git('add', '.');
    git('-c', 'user.name=Dana', '-c', 'user.email=d@example.test', 'commit', '-q', '-m', 'one');
    writeFileSync(path.join(root, 'a.sh'), `T=${still}\n`);
    git('-c', 'user.name=Dana', '-c', 'user.email=d@example.test', 'commit', '-q', '-am', 'two');
    const state = await secretsCollector.collect(context(root, { history: true }).ctx);
    if (state.state !== 'ok') throw new Error('expected ok');
    expect(state.value.findings.map((f) => [f.ruleId, f.source, f.commit?.author, f.stillPresent])).toEqual([
      ['github-token', 'tree', 'Dana', undefined],
      ['npm-token', 'history', 'Dana', false],
    ]);
  });
});
