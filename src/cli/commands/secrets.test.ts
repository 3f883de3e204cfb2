import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../../secrets/__fixtures__/fake-secrets.js';
import { runMain } from '../../../test/support/run-main.js';

const s = fakeSecrets(77);
const tmp = mkdtempSync(path.join(tmpdir(), 'secops-cli-secrets-'));
/** Every planted value: none may appear in any output of any test below. */
const planted: string[] = [];
const allOutput: string[] = [];
const plant = <T extends string>(v: T): T => (planted.push(v), v);

afterAll(() => {
  const leaked = planted.filter((p) => allOutput.some((o) => o.includes(p) || o.includes(p.slice(-24))));
  rmSync(tmp, { recursive: true, force: true });
  // Counted, never printed: the assertion message must not carry a secret either.
  expect(leaked.length).toBe(0);
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], opts: { cwd?: string; stdin?: string } = {}): Promise<Run> {
  const r = await runMain(['secrets', ...args], { cwd: opts.cwd ?? tmp, stdin: opts.stdin });
  allOutput.push(r.stdout, r.stderr);
  return r;
}

function folder(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const json = (r: Run) =>
  JSON.parse(r.stdout) as { findings: Array<{ checkId: string; fingerprint: string; status: string; severity: string; message: string; location?: { path: string; line?: number }; evidence?: Record<string, unknown> }> };
const failing = (r: Run) => json(r).findings.filter((f) => f.status === 'fail' || f.status === 'error');

let app = '';
beforeAll(() => {
  app = folder('app', {
    '.gitignore': 'dist/\n',
    'scripts/check-permissions.js': `const client = new Client().setProject('shop').setKey('${plant(s.hex256())}');\n`,
    'dist/assets/index.js': `var k="${plant(s.standard())}";`,
    'deploy/ci.sh': `export GITHUB_TOKEN=${plant(s.github())}\n`,
    'src/ok.ts': 'export const ok = true;\n',
  });
});

describe('appwrite-secops secrets', () => {
  it('scans a folder: text report with redacted values, exit 1', async () => {
    const r = await run([app]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('secrets/no-appwrite-keys');
    expect(r.stdout).toContain('secrets/no-keys-in-bundles');
    expect(r.stdout).toContain('scripts/check-permissions.js:1');
  });

  it('JSON report: one finding per secret, routed by family and bundle', async () => {
    const r = await run([app, '--format', 'json']);
    expect(failing(r).map((f) => [f.checkId, f.location?.path, f.severity])).toEqual([
      ['secrets/no-appwrite-keys', 'scripts/check-permissions.js', 'critical'],
      ['secrets/no-keys-in-bundles', 'dist/assets/index.js', 'critical'],
      ['secrets/no-service-tokens', 'deploy/ci.sh', 'high'],
    ]);
  });

  it('--fail-on critical ignores high findings for the exit code; --exclude skips paths', async () => {
    const only = folder('high-only', { 'a.sh': `T=${plant(s.github())}\n`, 'fixtures/b.sh': `T=${plant(s.stripe())}\n` });
    expect((await run([only, '--fail-on', 'critical', '--exclude', 'fixtures/**'])).code).toBe(0);
    expect((await run([only, '--fail-on', 'critical'])).code).toBe(1);
  });

  it('--write-baseline accepts the current findings (exit 0); --baseline then passes', async () => {
    const base = path.join(tmp, 'baseline.json');
    const w = await run([app, '--write-baseline', base, '--format', 'json']);
    expect(w.code).toBe(0);
    expect(w.stderr).toMatch(/wrote 3 fingerprint/);
    const text = readFileSync(base, 'utf8');
    expect(planted.some((p) => text.includes(p))).toBe(false);
    const r = await run([app, '--baseline', base, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(failing(r)).toEqual([]);
  });

  it('config exceptions apply to secret findings by fingerprint', async () => {
    const dir = folder('excepted', { 'a.sh': `T=${plant(s.npm())}\n` });
    const first = failing(await run([dir, '--format', 'json']))[0]!;
    writeFileSync(
      path.join(dir, 'appwrite-secops.yaml'),
      `exceptions:\n  - check: secrets/no-service-tokens\n    fingerprint: ${first.fingerprint}\n    reason: revoked already, history rewrite pending\n    owner: sec-team\n    expires: 2099-01-01\nexceptionPolicy:\n  maxDays: {}\n`,
    );
    const r = await run([dir, '--format', 'json']);
    expect(json(r).findings.filter((f) => f.checkId === 'secrets/no-service-tokens').map((f) => f.status)).toEqual(['excepted']);
  });

  it('an empty folder is a clean scan (exit 0), not "nothing to audit"', async () => {
    const empty = folder('empty', {});
    expect((await run([empty])).code).toBe(0);
  });

  it('--stdin scans piped text under --stdin-path', async () => {
    const r = await run(['--stdin', '--stdin-path', 'src/piped.ts', '--format', 'json'], { stdin: `a\nconst k = "${plant(s.standard())}";\n` });
    expect(r.code).toBe(1);
    expect(failing(r).map((f) => [f.checkId, f.location?.path, f.location?.line])).toEqual([['secrets/no-appwrite-keys', 'src/piped.ts', 2]]);
  });

  it('--history reports a secret removed from the tree with its commit; --staged only the index', async () => {
    const repo = folder('repo', {});
    const git = (...a: string[]) => execFileSync('git', a, { cwd: repo, env: { ...process.env, HOME: repo } });
    git('init', '-q');
    writeFileSync(path.join(repo, 'old.js'), `const k = '${plant(s.standard())}';\n`);
    git('add', '.');
    git('-c', 'user.name=Erin', '-c', 'user.email=e@example.test', 'commit', '-q', '-m', 'x');
    writeFileSync(path.join(repo, 'old.js'), 'const k = process.env.KEY;\n');
    git('-c', 'user.name=Erin', '-c', 'user.email=e@example.test', 'commit', '-q', '-am', 'y');
    writeFileSync(path.join(repo, 'new.ts'), `const t = '${plant(s.slack())}';\n`);
    git('add', 'new.ts');

    const tree = await run([repo, '--format', 'json']);
    expect(failing(tree).map((f) => f.location?.path)).toEqual(['new.ts']);
    const hist = await run([repo, '--history', '--format', 'json']);
    const h = failing(hist);
    expect(h.map((f) => [f.checkId, f.location?.path, f.evidence?.author, f.evidence?.stillPresent])).toEqual([['secrets/no-appwrite-keys', 'old.js', 'Erin', false]]);
    expect(h[0]!.message).toMatch(/was committed in [0-9a-f]{12} by Erin/);
    const staged = await run([repo, '--staged', '--format', 'json']);
    expect(failing(staged).map((f) => [f.checkId, f.location?.path])).toEqual([['secrets/no-service-tokens', 'new.ts']]);
  });

  it.each([
    [['--history', '--staged'], /cannot be combined/],
    [['--stdin-path', 'x.ts'], /only applies with --stdin/],
    [['no-such-folder'], /no such file or folder/],
    [['--verify'], /needs the Appwrite endpoint/],
    [['--baseline', 'missing.json'], /missing\.json/],
  ] as const)('%j is a usage or input error (exit 2)', async (args, msg) => {
    const r = await run([...(args[0] === 'no-such-folder' ? [] : [app]), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });
});
