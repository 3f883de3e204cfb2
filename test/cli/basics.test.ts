import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, cli, ROOT } from '../support/cli.js';

describe('CLI basics (built binary)', () => {
  it('--help teaches: commands, exit codes, examples', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const word of ['audit', 'checks', 'explain', 'init', 'gate', 'Exit codes', 'incomplete']) expect(r.stdout).toContain(word);
  });

  it('a reader that stops early (| head) ends the run quietly with its exit code, no stack trace', () => {
    // `true` exits at once without reading, so the CLI's first write meets a closed pipe (EPIPE).
    const r = spawnSync('/bin/bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" audit examples/selfhosted-insecure --format json | true`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the audit's own verdict (findings at or above high), not a crash
  });

  it('--version prints the package version', () => {
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('checks lists ids, severities and titles; json is machine-readable', () => {
    const text = cli(['checks']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/repo\/actions-pinned\s+high\s+Third-party actions/);
    const json = JSON.parse(cli(['checks', '--format', 'json']).stdout) as { id: string }[];
    expect(json.map((c) => c.id)).toContain('repo/no-script-injection');
  });

  it('explain prints risk, remediation and references; unknown ids suggest the nearest', () => {
    const r = cli(['explain', 'repo/actions-pinned']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Risk[\s\S]*Remediation[\s\S]*References/);
    const bad = cli(['explain', 'repo/actions-pined']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('did you mean "repo/actions-pinned"');
  });

  it.each([
    [['audit', '--bogus'], /unknown option/],
    [['audit', '--fail-on', 'urgent'], /Allowed choices/],
    [['audit', '--format', 'pdf'], /unknown --format "pdf"/],
    [['audit', '--output', 'x.json'], /must follow the --format/],
    [['audit', '--format', 'json', '--format', 'sarif'], /2 formats would go to stdout/],
    [['audit', '--checks', 'nope/*'], /no check matches "nope\/\*"/],
    [['audit', '/definitely/not/here'], /no such folder/],
    [['frobnicate'], /unknown command/],
  ])('usage error %j exits 2 with a clear message', (args, msg) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a broken config file is an input error with file:line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cli-cfg-'));
    await writeFile(path.join(dir, 'appwrite-secops.yaml'), 'failOn: high\nexceptions:\n  - check: x/y\n    reason: too short\n');
    const r = cli(['audit', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/appwrite-secops\.yaml:4: exceptions\.0\.reason/);
  });

  it('an empty folder has nothing to audit: exit 2, not a silent pass', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cli-empty-'));
    const r = cli(['audit', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nothing to audit/);
  });
});
