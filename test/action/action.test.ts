import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function runAction(env: Record<string, string>, npxExit = 0) {
  const dir = await mkdtemp(path.join(tmpdir(), 'action-'));
  // A stand-in for npx that records the arguments it was given.
  await writeFile(path.join(dir, 'npx'), `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > "${dir}/args"\nexit ${npxExit}\n`);
  await chmod(path.join(dir, 'npx'), 0o755);
  const out = path.join(dir, 'out');
  const summary = path.join(dir, 'summary');
  const r = spawnSync('bash', [path.join(root, 'scripts/action-run.sh')], {
    cwd: dir,
    env: { PATH: `${dir}:${process.env.PATH}`, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary, AS_COMMAND: 'audit', AS_PATH: '.', AS_FAIL_ON: 'high', AS_FORMATS: 'markdown', AS_SARIF: 'true', AS_SUMMARY: 'true', AS_VERSION: '0.1.0', ...env },
    encoding: 'utf8',
  });
  const args = await readFile(path.join(dir, 'args'), 'utf8').then((t) => t.trim().split('\n')).catch(() => []);
  const outputs = await readFile(out, 'utf8').catch(() => '');
  return { status: r.status, args, outputs, stdout: r.stdout };
}

describe('GitHub Action', () => {
  it('action.yml passes inputs only through env, and pins actions by SHA', async () => {
    const action = parse(await readFile(path.join(root, 'action.yml'), 'utf8')) as { runs: { using: string; steps: { run?: string; uses?: string }[] } };
    expect(action.runs.using).toBe('composite');
    for (const s of action.runs.steps) {
      if (s.run) expect(s.run).not.toContain('${{');
      if (s.uses) expect(s.uses).toMatch(/@[0-9a-f]{40}$/);
    }
  });

  it('runs the pinned CLI version with fail-on, SARIF and extra formats', async () => {
    const r = await runAction({ AS_FORMATS: 'markdown, json' }, 1);
    expect(r.status).toBe(1);
    expect(r.args).toEqual(['--yes', 'appwrite-secops@0.1.0', 'audit', '.', '--fail-on', 'high', '--format', 'text', '--format', 'sarif', '--output', 'appwrite-secops.sarif', '--format', 'markdown', '--output', 'appwrite-secops-report.md', '--format', 'json', '--output', 'appwrite-secops-report.json']);
    expect(r.outputs).toContain('exit-code=1');
    expect(r.outputs).toContain('sarif-file=appwrite-secops.sarif');
  });

  it('runs the gate with --write', async () => {
    const r = await runAction({ AS_COMMAND: 'gate' });
    expect(r.args.slice(2)).toEqual(['gate', '.', '--write', '--format', 'text']);
  });

  it.each([
    [{ AS_COMMAND: 'rm -rf /' }, /command must be audit or gate/],
    [{ AS_FAIL_ON: 'urgent' }, /fail-on must be/],
    [{ AS_FORMATS: 'pdf' }, /unknown format 'pdf'/],
  ])('refuses bad input %j with exit 2', async (env, msg) => {
    const r = await runAction(env);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(msg);
  });
});
