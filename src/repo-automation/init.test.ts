import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { audit } from '../audit.js';
import { repoChecks } from '../checks/repo/index.js';
import { githubCollector } from '../collectors/github/index.js';
import { initRepository } from './init.js';
import { lineDiff } from './line-diff.js';

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'init-'));
  for (const [rel, text] of Object.entries({ '.git/HEAD': 'ref: refs/heads/main\n', ...files })) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

describe('init', () => {
  it('writes files that pass the repository audit it ships', async () => {
    const dir = await repo({ 'package.json': '{"name":"app"}', 'package-lock.json': '{"lockfileVersion":3}', 'Dockerfile': 'FROM node:20\n', 'deploy/docker-compose.yml': 'services: {}\n' });
    const plan = await initRepository({ root: dir });
    expect(plan.map((p) => [p.path, p.action, p.written])).toEqual([
      ['.github/workflows/security-ci.yml', 'create', true],
      ['.github/dependabot.yml', 'create', true],
      ['.github/pull_request_template.md', 'create', true],
      ['appwrite-secops.yaml', 'create', true],
      ['SECURITY_GATES.md', 'create', true],
    ]);
    expect(await readFile(path.join(dir, 'SECURITY_GATES.md'), 'utf8')).toMatch(/^# Security gates/);
    const result = await audit({ root: dir, checks: repoChecks, collectors: [githubCollector] });
    const failing = result.findings.filter((f) => f.status !== 'pass');
    expect(failing.map((f) => `${f.checkId}: ${f.message}`)).toEqual([]);
    const dependabot = parse(await readFile(path.join(dir, '.github/dependabot.yml'), 'utf8')) as { updates: { 'package-ecosystem': string }[] };
    expect(dependabot.updates.map((u) => u['package-ecosystem'])).toEqual(['docker', 'docker-compose', 'github-actions', 'npm']);
  });

  it('installs with the detected package manager, frozen', async () => {
    for (const [lock, cmd] of [['pnpm-lock.yaml', 'pnpm install --frozen-lockfile'], ['yarn.lock', 'yarn install --immutable'], ['package-lock.json', 'npm ci']]) {
      const dir = await repo({ 'package.json': '{}', [lock!]: '' });
      await initRepository({ root: dir });
      expect(await readFile(path.join(dir, '.github/workflows/security-ci.yml'), 'utf8')).toContain(cmd);
    }
  });

  it('never overwrites without force, and is idempotent', async () => {
    const dir = await repo({ '.github/dependabot.yml': 'version: 2\nupdates: []\n' });
    const first = await initRepository({ root: dir });
    expect(first.find((p) => p.path === '.github/dependabot.yml')).toMatchObject({ action: 'update', written: false });
    expect(await readFile(path.join(dir, '.github/dependabot.yml'), 'utf8')).toBe('version: 2\nupdates: []\n');
    const forced = await initRepository({ root: dir, force: true });
    expect(forced.find((p) => p.path === '.github/dependabot.yml')!.written).toBe(true);
    const again = await initRepository({ root: dir });
    expect(again.every((p) => p.action === 'unchanged')).toBe(true);
    // with workflows present (the generated one), the github-actions entry keeps directory "/"
    const dependabot = await readFile(path.join(dir, '.github/dependabot.yml'), 'utf8');
    expect(dependabot).toMatch(/package-ecosystem: "github-actions"\n    directory: "\/"\n/);
    expect((await initRepository({ root: dir })).every((p) => p.action === 'unchanged')).toBe(true);
  });

  it('dry-run writes nothing', async () => {
    const dir = await repo({});
    const plan = await initRepository({ root: dir, dryRun: true });
    expect(plan.every((p) => p.action === 'create' && !p.written)).toBe(true);
    await expect(readFile(path.join(dir, 'appwrite-secops.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('lineDiff', () => {
  it('shows removed and added lines with context', () => {
    expect(lineDiff('a\nb\nc\nd\ne\nf\ng', 'a\nb\nc\nX\ne\nf\ng', 1)).toBe('…\n c\n-d\n+X\n e\n…');
  });
});

describe('generated workflow passes GitHub\'s own workflow parser', () => {
  it('has no parse or schema errors, and the parser does catch a broken one', async () => {
    const { parseWorkflow, NoOperationTraceWriter } = await import('@actions/workflow-parser');
    const dir = await repo({ 'package.json': '{}', 'pnpm-lock.yaml': 'lockfileVersion: 9.0\n' });
    await initRepository({ root: dir });
    const content = await readFile(path.join(dir, '.github/workflows/security-ci.yml'), 'utf8');
    const errorsOf = (text: string) => parseWorkflow({ name: 'security-ci.yml', content: text }, new NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message);
    expect(errorsOf(content)).toEqual([]);
    expect(errorsOf(content.replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest')).length).toBeGreaterThan(0);
  });
});

describe('appwrite-secops.yaml skeleton', () => {
  it('is a valid config with the detected environments and function services', async () => {
    const { parseConfigText } = await import('../core/config-schema.js');
    const dir = await repo({
      'appwrite.json': JSON.stringify({ projectId: 'shop-prod', endpoint: 'https://fra.cloud.appwrite.io/v1', functions: [{ $id: 'billing-fn', path: 'functions/billing' }] }),
      '.env.production': 'APPWRITE_ENDPOINT=x\n',
      '.env.staging': 'APPWRITE_ENDPOINT=x\n',
    });
    await initRepository({ root: dir, only: ['appwrite-secops.yaml'] });
    const config = parseConfigText(await readFile(path.join(dir, 'appwrite-secops.yaml'), 'utf8'), 'appwrite-secops.yaml');
    expect(Object.keys(config.environments).sort()).toEqual(['prod', 'stage']);
    expect(config.environments.prod).toMatchObject({ projectId: 'shop-prod', endpoint: 'https://fra.cloud.appwrite.io/v1', credentialEnv: 'APPWRITE_PROD_AUDIT_KEY', production: true });
    expect(config.keys.services['billing-fn']).toMatchObject({ derive: 'code', paths: ['functions/billing'], environments: ['prod', 'stage'] });
  });

  it('is valid without any Appwrite project file too', async () => {
    const { parseConfigText } = await import('../core/config-schema.js');
    const dir = await repo({});
    await initRepository({ root: dir, only: ['appwrite-secops.yaml'] });
    expect(parseConfigText(await readFile(path.join(dir, 'appwrite-secops.yaml'), 'utf8'), 'x').environments).toHaveProperty('prod');
  });
});
