import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AuditInputs, Diagnostic } from '../../core/collector.js';
import { defaultConfig } from '../../core/config.js';
import { InputError } from '../../core/errors.js';
import { Redactor } from '../../core/redact.js';
import { Workspace } from '../../core/workspace.js';
import { composeCollector } from '../compose/index.js';
import { selfhostEnvCollector } from './index.js';
import type { SelfhostEnvFacts } from './schema.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Copies a fixture folder to a temp dir (outside any git repository, so tracking is deterministic). */
async function fixture(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `selfhost-${name}-`));
  await cp(path.join(here, '__fixtures__', name), dir, { recursive: true });
  return dir;
}

async function collect(dir: string, inputs: AuditInputs = {}) {
  const diagnostics: Omit<Diagnostic, 'source'>[] = [];
  const recorded: string[] = [];
  const redactor = new Redactor();
  const ctx = {
    workspace: new Workspace(dir),
    config: defaultConfig(),
    inputs,
    redactor,
    now: new Date(0),
    diagnose: (d: Omit<Diagnostic, 'source'>) => diagnostics.push(d),
    progress() {},
    recordInput: (kind: string, p: string) => recorded.push(`${kind}:${p}`),
  };
  const [env, compose] = await Promise.all([selfhostEnvCollector.collect(ctx), composeCollector.collect(ctx)]);
  return { env, compose, diagnostics, recorded, redactor };
}

function ok(state: Awaited<ReturnType<typeof collect>>['env']): SelfhostEnvFacts {
  if (state.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(state)}`);
  return state.value;
}

describe('selfhost-env collector on a deployment folder', async () => {
  const dir = await fixture('basic');
  // Written here, not committed: the repository's .gitignore drops node_modules folders.
  await mkdir(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
  await writeFile(path.join(dir, 'node_modules', 'pkg', '.env'), '_APP_ENV=development\n');
  const { env, compose, diagnostics, recorded, redactor } = await collect(dir);
  const facts = ok(env);

  it('discovers .env files at any depth, marks templates, skips excluded folders', () => {
    expect(facts.files.map((f) => [f.path, f.kind])).toEqual([
      ['.env', 'env'],
      ['.env.example', 'template'],
      ['sub/.env.production', 'env'],
    ]);
    expect(recorded).toEqual(expect.arrayContaining(['selfhost-env:.env', 'selfhost-env:.env.example', 'compose:docker-compose.yml']));
  });

  it('parses entries with lines, and warns about the duplicate key', () => {
    const dotenv = facts.files.find((f) => f.path === '.env')!;
    const by = (k: string) => dotenv.entries.filter((e) => e.key === k && !e.overridden)[0];
    expect(by('_APP_ENV')).toMatchObject({ value: 'development', line: 12 });
    expect(by('_APP_DOMAIN')).toMatchObject({ value: 'appwrite.example.test', line: 7 });
    expect(by('_APP_DB_PASS')).toMatchObject({ value: 'p@ss # not a comment', quote: 'single' });
    expect(by('_APP_SMTP_PASSWORD')?.value).toBe('line1\nline2');
    expect(by('_APP_REDIS_PASS')?.value).toBe('');
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'warning', path: '.env', line: 12, message: expect.stringMatching(/_APP_ENV is set again \(first at line 2\)/) }));
  });

  it('is not a git repository here: nothing is tracked', () => {
    expect(facts.git.state).toBe('not-a-repo');
    expect(facts.files.every((f) => f.tracked === false)).toBe(true);
  });

  it('merges the compose inline settings of Appwrite services over the .env', () => {
    const root = facts.deployments.find((d) => d.id === '.')!;
    expect(root).toMatchObject({ appwrite: true, primary: '.env', envFiles: ['.env'], composeFiles: ['docker-compose.yml'], appwriteServices: ['appwrite'] });
    expect(root.settings._APP_OPTIONS_FORCE_HTTPS).toMatchObject({ value: 'disabled', origin: 'compose', service: 'appwrite', location: { path: 'docker-compose.yml', line: 16 } });
    // pass-through ${_APP_DB_PASS} keeps the .env line; bare names keep the .env value
    expect(root.settings._APP_DB_PASS).toMatchObject({ origin: 'env-file', location: { path: '.env', line: 8 } });
    expect(root.settings._APP_ENV).toMatchObject({ value: 'development', location: { path: '.env', line: 12 } });
    // MYSQL_PASSWORD=${_APP_DB_PASS} is the Appwrite setting itself, judged once under its own name
    expect(root.containerSecrets.map((s) => [s.name, s.service, s.location.line])).toEqual([['MYSQL_ROOT_PASSWORD', 'mariadb', 22]]);
    expect(root.proxy).toMatchObject({ service: 'traefik', passesClientForwardedHeaders: false });
    expect(root.directlyPublished).toBeUndefined();
  });

  it('keeps a stand-alone env file as its own deployment', () => {
    const sub = facts.deployments.find((d) => d.id === 'sub/.env.production')!;
    expect(sub).toMatchObject({ appwrite: true, composeFiles: [], primary: 'sub/.env.production' });
  });

  it('registers secret values with the redactor, but not public placeholders', () => {
    const scrubbed = redactor.scrub('Qm9ndXNGaXh0dXJlS2V5Rm9yVGVzdHMxMjM0NTY3OA rootsecretpassword sk_fixture_not_real_0123456789abcdef appwrite.example.test');
    expect(scrubbed).not.toContain('Qm9ndXNGaXh0dXJlS2V5Rm9yVGVzdHMxMjM0NTY3OA');
    expect(scrubbed).not.toContain('sk_fixture_not_real_0123456789abcdef');
    // public placeholders and non-secrets stay readable
    expect(scrubbed).toContain('rootsecretpassword');
    expect(scrubbed).toContain('appwrite.example.test');
  });

  it('gives compose facts with interpolation from the .env beside the file', () => {
    if (compose.state !== 'ok') throw new Error(compose.state);
    const file = compose.value.files[0]!;
    expect(file).toMatchObject({ path: 'docker-compose.yml', project: '.', role: 'base', interpolationEnv: '.env' });
    const maria = file.services.find((s) => s.name === 'mariadb')!;
    expect(maria.environment.find((e) => e.key === 'MYSQL_PASSWORD')?.value).toBe('p@ss # not a comment');
  });
});

describe('selfhost-env collector: bad input', () => {
  it('reports malformed lines with file:line and still reads the rest', async () => {
    const { env, diagnostics } = await collect(await fixture('bad'));
    const f = ok(env).files[0]!;
    expect(f.entries.filter((e) => !e.overridden).map((e) => [e.key, e.value])).toEqual([
      ['GOOD_2', 'two'],
      ['GOOD_1', 'again'],
    ]);
    expect(diagnostics.map((d) => [d.level, d.path, d.line])).toEqual([
      ['error', '.env', 2],
      ['error', '.env', 3],
      ['error', '.env', 4],
      ['warning', '.env', 6],
    ]);
  });

  it('reads compose-only deployments, with values from the deploy environment marked', async () => {
    const { env, compose } = await collect(await fixture('compose-only'));
    const d = ok(env).deployments[0]!;
    expect(d).toMatchObject({ id: '.', primary: 'compose.yaml', appwrite: true, envFiles: [] });
    expect(d.settings._APP_OPENSSL_KEY_V1).toMatchObject({ fromEnvironment: true, location: { path: 'compose.yaml', line: 6 } });
    expect(d.directlyPublished).toMatchObject({ service: 'appwrite', location: { line: 8 } });
    if (compose.state !== 'ok') throw new Error(compose.state);
    expect(compose.value.files.map((f) => [f.path, f.role])).toEqual([
      ['compose.override.yaml', 'override'],
      ['compose.yaml', 'base'],
    ]);
  });

  async function temp(files: Record<string, string | Buffer>): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'selfhost-bad-'));
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), content);
    }
    return dir;
  }

  it.each([
    ['binary', Buffer.from([0x5f, 0x41, 0x3d, 0x00, 0x01, 0x02]), /looks binary/],
    ['non-UTF-8', Buffer.from([0x5f, 0x41, 0x3d, 0xff, 0xfe, 0x0a]), /not valid UTF-8/],
    ['oversized', `_APP_X=${'a'.repeat(1024 * 1024 + 10)}\n`, /over the 1048576-byte limit/],
  ])('a discovered %s env file is a diagnostic and an unreadable file, not a crash', async (_, content, message) => {
    const dir = await temp({ '.env': content, 'ok/.env': '_APP_ENV=production\n' });
    const { env, diagnostics } = await collect(dir);
    const f = ok(env).files.find((x) => x.path === '.env')!;
    expect(f.error).toMatch(message);
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'error', path: '.env', message: expect.stringMatching(message) }));
  });

  it('is an error state when the only env file cannot be read', async () => {
    const { env } = await collect(await temp({ '.env': Buffer.from([0, 1, 2]) }));
    expect(env).toEqual({ state: 'error', message: expect.stringMatching(/no env file could be read: \.env: .*binary/) });
  });

  it('throws InputError (exit 2) for an unreadable file named with --env-file', async () => {
    const dir = await temp({ 'x.txt': 'x' });
    await expect(collect(dir, { envFiles: [path.join(dir, 'missing.env')] })).rejects.toThrow(InputError);
    await expect(collect(dir, { envFiles: [path.join(dir, 'missing.env')] })).rejects.toThrow(/cannot read missing\.env: no such file/);
  });

  it('reads an explicit env file outside the audited folder', async () => {
    const outside = await temp({ 'prod.env': '_APP_ENV=production\n' });
    const dir = await temp({ 'readme.txt': 'x' });
    const facts = ok((await collect(dir, { envFiles: [path.join(outside, 'prod.env')] })).env);
    expect(facts.files[0]).toMatchObject({ path: path.join(outside, 'prod.env'), explicit: true, kind: 'env' });
  });

  it('survives symlink loops in the walk, and names an explicit looping file', async () => {
    const dir = await temp({ '.env': '_APP_ENV=production\n' });
    await symlink('loop-b', path.join(dir, 'loop-a'));
    await symlink('loop-a', path.join(dir, 'loop-b'));
    await mkdir(path.join(dir, 'sub'));
    await symlink('..', path.join(dir, 'sub', 'up'));
    const { env } = await collect(dir);
    expect(ok(env).files.map((f) => f.path)).toEqual(['.env']);
    await expect(collect(dir, { envFiles: [path.join(dir, 'loop-a')] })).rejects.toThrow(/symbolic link loop/);
  });

  it.skipIf(process.getuid?.() === 0)('reports a permission-denied env file', async () => {
    const dir = await temp({ '.env': '_APP_ENV=production\n', 'b/.env': '_APP_ENV=production\n' });
    await chmod(path.join(dir, '.env'), 0o000);
    const { env } = await collect(dir);
    expect(ok(env).files.find((f) => f.path === '.env')?.error).toMatch(/permission denied/);
  });

  it('marks backups, skips editor swap files, and keeps backups out of the deployments', async () => {
    const dir = await temp({ '.env': '_APP_ENV=production\n', '.env.backup.20261101': '_APP_ENV=development\n', '.env.bak': '_APP_ENV=x\n', '.env.swp': Buffer.from([0, 1, 2, 3]) });
    const facts = ok((await collect(dir)).env);
    expect(facts.files.map((f) => [f.path, f.kind])).toEqual([
      ['.env', 'env'],
      ['.env.backup.20261101', 'backup'],
      ['.env.bak', 'backup'],
    ]);
    expect(facts.deployments.map((d) => d.id)).toEqual(['.env']);
  });

  it('is absent when there is nothing to read', async () => {
    const { env, compose } = await collect(await temp({ 'README.md': '# hi\n' }));
    expect(env.state).toBe('absent');
    expect(compose.state).toBe('absent');
  });
});

describe('git tracking', () => {
  it('marks the env files git tracks', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'selfhost-git-'));
    await writeFile(path.join(dir, '.env'), '_APP_OPENSSL_KEY_V1=0123456789abcdef0123456789abcdef\n');
    await writeFile(path.join(dir, '.env.local'), '_APP_ENV=production\n');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '.env'], { cwd: dir });
    const facts = ok((await collect(dir)).env);
    expect(facts.git.state).toBe('repo');
    expect(facts.files.map((f) => [f.path, f.tracked])).toEqual([
      ['.env', true],
      ['.env.local', false],
    ]);
  });
});
