import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

async function copy(example: string, git = false): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `ex-${example}-`));
  await cp(path.join(ROOT, 'examples', example), dir, { recursive: true });
  if (git) {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-A'], { cwd: dir });
  }
  return dir;
}

describe('the examples through the built binary', () => {
  it('selfhosted-insecure fails at --fail-on high with file:line findings', async () => {
    const r = cli(['audit', await copy('selfhosted-insecure')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/selfhost\/openssl-key-strong/);
    expect(r.stdout).toMatch(/\.env:\d+/);
    expect(r.stdout).toMatch(/docker-compose\.yml:\d+/);
  });

  it('selfhosted-hardened passes at --fail-on high, committed or not', async () => {
    for (const git of [false, true]) {
      const r = cli(['audit', await copy('selfhosted-hardened', git), '--skip', 'repo/*', '--format', 'json']);
      const json = JSON.parse(r.stdout) as { summary: { blocking: number; complete: boolean } };
      expect(json.summary).toMatchObject({ blocking: 0, complete: true });
      expect(r.status).toBe(0);
    }
  });

  it('appwrite-insecure and deps-vulnerable fail for their planted problems', async () => {
    const a = cli(['audit', await copy('appwrite-insecure'), '--format', 'json']);
    expect(a.status).toBe(1);
    expect(a.stdout).toContain('permissions/no-public-write');
    const dir = await copy('deps-vulnerable');
    const d = cli(['audit', dir, '--osv-db', path.join(dir, 'osv'), '--format', 'json']);
    expect(d.status).toBe(1);
    expect(d.stdout).toContain('deps/no-known-vulnerabilities');
  });

  it('--quiet prints only results; a TTY-less run never prints colour codes', async () => {
    const r = cli(['audit', await copy('selfhosted-insecure'), '-q'], { env: { NO_COLOR: undefined } });
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('a canary secret planted in an env file', () => {
  it('appears in no output format, log or error', async () => {
    const dir = await copy('selfhosted-insecure');
    const canary = `canary${'9f8e7d6c5b4a'.repeat(4)}`;
    const env = await readFile(path.join(dir, '.env'), 'utf8');
    await writeFile(path.join(dir, '.env'), env.replace(/^_APP_OPENSSL_KEY_V1=.*$/m, `_APP_OPENSSL_KEY_V1=${canary}`).replace(/^_APP_DB_PASS=.*$/m, `_APP_DB_PASS=${canary}`) + `\nNOT VALID LINE ${canary}\n`);
    const out = path.join(dir, 'reports');
    const formats = ['json', 'sarif', 'markdown', 'junit', 'html'];
    const args = ['audit', dir, '-v', '--store', `sqlite:${path.join(dir, 'state.db')}`, '--format', 'text'];
    for (const f of formats) args.push('--format', f, '--output', path.join(out, `report.${f}`));
    const r = cli(args);
    expect(r.status).toBe(1);
    const texts = [r.stdout, r.stderr, ...(await Promise.all((await readdir(out)).map((f) => readFile(path.join(out, f), 'utf8'))))];
    expect(texts).toHaveLength(2 + formats.length);
    for (const t of texts) expect(t).not.toContain(canary);
    expect(r.stdout).toMatch(/selfhost\/openssl-key-strong|selfhost\/default-secrets-replaced/); // the planted values were judged
    // the store too, and the secrets command
    for (const f of await readdir(dir)) if (f.startsWith('state.db')) expect((await readFile(path.join(dir, f))).includes(Buffer.from(canary))).toBe(false);
    const s = cli(['secrets', dir, '--format', 'json']);
    expect(s.stdout + s.stderr).not.toContain(canary);
  });
});

describe('machine outputs of real runs validate against their schemas', () => {
  it('SARIF 2.1.0 and the JSON report, on every example', async () => {
    const { sarifValidator, reportValidator, describeErrors } = await import('../../src/reporters/__fixtures__/validators.js');
    const sarif = sarifValidator();
    const report = reportValidator();
    for (const example of ['selfhosted-insecure', 'appwrite-insecure', 'apps', 'deps-vulnerable']) {
      const dir = await copy(example);
      const out = path.join(dir, 'out');
      cli(['audit', dir, '--osv-db', path.join(ROOT, 'examples/deps-vulnerable/osv'), '-q', '--format', 'sarif', '--output', path.join(out, 'r.sarif'), '--format', 'json', '--output', path.join(out, 'r.json')]);
      const s = JSON.parse(await readFile(path.join(out, 'r.sarif'), 'utf8')) as unknown;
      expect(sarif(s), `${example}: ${describeErrors(sarif.errors)}`).toBe(true);
      const j = JSON.parse(await readFile(path.join(out, 'r.json'), 'utf8')) as unknown;
      expect(report(j), `${example}: ${describeErrors(report.errors)}`).toBe(true);
    }
  });
});

describe('a large real workspace: this repository', () => {
  it('audits without crashing, and no scrubbed value corrupts the report', async () => {
    const { reportValidator, describeErrors } = await import('../../src/reporters/__fixtures__/validators.js');
    const r = cli(['audit', ROOT, '-q', '--format', 'json']);
    expect([1, 3]).toContain(r.status);
    const json = JSON.parse(r.stdout) as { summary: { failBySeverity: Record<string, number> } };
    expect(Object.keys(json.summary.failBySeverity).sort()).toEqual(['critical', 'high', 'info', 'low', 'medium']);
    const validate = reportValidator();
    expect(validate(json), describeErrors(validate.errors)).toBe(true);
  });
});
