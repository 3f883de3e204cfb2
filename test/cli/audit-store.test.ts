import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'audit-store-'));
  await cp(path.join(ROOT, 'examples', 'selfhosted-insecure'), dir, { recursive: true });
  return dir;
}

const toggle = async (dir: string, from: string, to: string) => writeFile(path.join(dir, '.env'), (await readFile(path.join(dir, '.env'), 'utf8')).replace(from, to));

describe('audit with the evidence store (built binary, SQLite)', () => {
  it('records runs, tracks fixed and reopened findings, and gates pull requests on new findings only', async () => {
    const dir = await workspace();
    expect(cli(['audit', dir, '--store', '-q']).status).toBe(1);
    await toggle(dir, '_APP_OPTIONS_ABUSE=disabled', '_APP_OPTIONS_ABUSE=enabled');
    expect(cli(['audit', dir, '--store', '-q']).status).toBe(1);

    const history = JSON.parse(cli(['history', '--format', 'json'], { cwd: dir }).stdout) as { runs: unknown[] } | unknown[];
    expect(Array.isArray(history) ? history.length : history.runs.length).toBe(2);
    const diff = cli(['diff'], { cwd: dir });
    expect(diff.status).toBe(0);
    expect(diff.stdout).toMatch(/Fixed \(1\)[\s\S]*selfhost\/abuse-protection-enabled/);

    // Nothing new since the last run: the old findings do not block a pull request.
    const pr = cli(['audit', dir, '--baseline', 'last']);
    expect(pr.status).toBe(0);
    expect(pr.stderr).toMatch(/0 finding\(s\) new or reopened since/);
    // A regression does.
    await toggle(dir, '_APP_OPTIONS_ABUSE=enabled', '_APP_OPTIONS_ABUSE=disabled');
    const regress = cli(['audit', dir, '--baseline', 'last', '--format', 'json']);
    expect(regress.status).toBe(1);
    expect((JSON.parse(regress.stdout) as { summary: { blocking: number } }).summary.blocking).toBe(1);

    const verify = cli(['evidence', 'verify'], { cwd: dir });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/Evidence log OK/);
  });

  it('--no-store with --baseline is a usage error', async () => {
    const dir = await workspace();
    const r = cli(['audit', dir, '--no-store', '--baseline', 'last']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--no-store turns the store off/);
  });

  it('stores no raw secret of the audited files', async () => {
    const dir = await workspace();
    const canary = 'CanaryDbPassword-7f3a9c2e1b';
    await toggle(dir, /_APP_DB_PASS=.*/.exec(await readFile(path.join(dir, '.env'), 'utf8'))![0], `_APP_DB_PASS=${canary}`);
    cli(['audit', dir, '--store', '-q']);
    const { readdir } = await import('node:fs/promises');
    const files = await readdir(path.join(dir, '.appwrite-secops'));
    expect(files).toContain('state.db');
    for (const f of files) expect((await readFile(path.join(dir, '.appwrite-secops', f))).includes(Buffer.from(canary)), f).toBe(false);
  });
});
