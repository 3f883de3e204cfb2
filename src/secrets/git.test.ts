import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { Redactor, redactSecret } from '../core/redact.js';
import { fakeSecrets } from './__fixtures__/fake-secrets.js';
import { gitDiffHunks, stagedArgs } from './git.js';
import { scanSecrets } from './scan.js';

const s = fakeSecrets(33);
const repo = mkdtempSync(path.join(tmpdir(), 'secops-git-'));
const outside = mkdtempSync(path.join(tmpdir(), 'secops-nogit-'));
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
};
const commit = (msg: string, author: string, date: string) =>
  execFileSync('git', ['-c', 'user.name=' + author, '-c', 'user.email=' + author.toLowerCase() + '@example.test', 'commit', '-q', '-m', msg], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, HOME: repo },
  });

const removedKey = s.standard();
const keptToken = s.github();
const branchToken = s.npm();
const stagedKey = s.stripe();
let firstSha = '';

beforeAll(() => {
  git('init', '-q', '-b', 'main');
  write('scripts/check.js', `const key = '${removedKey}';\nconsole.log('ok');\n`);
  write('README.md', '# demo\n');
  git('add', '.');
  commit('add script', 'Alice', '2026-01-02T10:00:00Z');
  firstSha = git('rev-parse', 'HEAD').trim();
  write('scripts/check.js', `const key = process.env.APPWRITE_API_KEY;\nconsole.log('ok');\n`);
  write('ci/release.sh', `#!/bin/sh\nexport GITHUB_TOKEN=${keptToken}\n`);
  write('name with space.txt', `moved: ${keptToken}\n`);
  git('add', '.');
  commit('use env', 'Bob', '2026-02-03T10:00:00Z');
  // A branch that is not checked out: history scanning must reach it (--all).
  git('checkout', '-q', '-b', 'feature');
  write('tools/publish.sh', `npm config set //registry.npmjs.org/:_authToken=${branchToken}\n`);
  git('add', '.');
  commit('publish', 'Carol', '2026-03-04T10:00:00Z');
  git('checkout', '-q', 'main');
  // Staged but not committed.
  write('billing.ts', `const stripe = new Stripe('${stagedKey}');\n`);
  git('add', 'billing.ts');
});

describe('--history on a real repository', () => {
  it('reports every secret ever committed on any branch, with commit, author, date and presence', async () => {
    const redactor = new Redactor();
    const r = await scanSecrets({ root: repo, mode: 'history', workers: 0, redactor });
    const rows = r.findings.map((f) => [f.ruleId, f.path, f.line, f.commit?.author, f.commit?.date.slice(0, 10), f.stillPresent, f.redacted]);
    expect(rows).toEqual([
      ['github-token', 'ci/release.sh', 2, 'Bob', '2026-02-03', true, redactSecret(keptToken)],
      ['github-token', 'name with space.txt', 1, 'Bob', '2026-02-03', true, redactSecret(keptToken)],
      ['appwrite-standard-key', 'scripts/check.js', 1, 'Alice', '2026-01-02', false, redactSecret(removedKey)],
      ['npm-token', 'tools/publish.sh', 1, 'Carol', '2026-03-04', false, redactSecret(branchToken)],
    ]);
    expect(r.findings.find((f) => f.path === 'scripts/check.js')!.commit!.sha).toBe(firstSha);
    // The staged-only key is not history.
    expect(r.findings.some((f) => f.ruleId === 'stripe-key')).toBe(false);
    expect(redactor.scrub(`x ${removedKey} y`)).toBe(`x ${redactSecret(removedKey)} y`);
  });

  it('gives the same findings with worker threads', async () => {
    const inline = await scanSecrets({ root: repo, mode: 'history', workers: 0 });
    const pooled = await scanSecrets({ root: repo, mode: 'history', workers: 2 });
    expect(pooled.findings).toEqual(inline.findings);
  });

  it('refuses a folder outside git with a usage error', async () => {
    await expect(scanSecrets({ root: outside, mode: 'history' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('--staged', () => {
  it('reports only what is staged for commit', async () => {
    const r = await scanSecrets({ root: repo, mode: 'staged', workers: 0 });
    expect(r.findings.map((f) => [f.ruleId, f.path, f.line, f.source])).toEqual([['stripe-key', 'billing.ts', 1, 'staged']]);
  });

  it('parses hunks with their new-file line numbers', async () => {
    const hunks = [];
    for await (const h of gitDiffHunks(stagedArgs(), repo)) hunks.push({ path: h.path, startLine: h.startLine, lines: h.text.split('\n').length });
    expect(hunks).toEqual([{ path: 'billing.ts', startLine: 1, lines: 1 }]);
  });
});
