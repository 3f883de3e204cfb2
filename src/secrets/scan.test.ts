import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { Redactor, redactSecret } from '../core/redact.js';
import { fakeSecrets } from './__fixtures__/fake-secrets.js';
import { readBaseline, renderBaseline, writeBaseline } from './baseline.js';
import { scanSecrets, secretFingerprint } from './scan.js';

const s = fakeSecrets(55);
const tmp = mkdtempSync(path.join(tmpdir(), 'secops-scan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const key = s.standard();
const token = s.github();
const opensslValue = s.b62(32);
let big = '';
const planted: string[] = [];

beforeAll(() => {
  // Enough files that the scan goes to the worker pool, with secrets spread through them.
  const files: Record<string, string> = { '.gitignore': 'dist/\n.env\n', '.env': `_APP_OPENSSL_KEY_V1=${opensslValue}\n` };
  for (let i = 0; i < 150; i++) files[`src/mod-${i}.ts`] = `export const v${i} = ${i};\n`.repeat(50);
  for (let i = 0; i < 10; i++) {
    const t = s.github();
    planted.push(t);
    files[`src/plant-${i}.ts`] = `// line 1\nconst t = "${t}";\n`;
  }
  files['dist/app.js'] = `var k="${key}";`;
  files['deploy/appwrite.env'] = `_APP_OPENSSL_KEY_V1=${opensslValue}\n`;
  big = tree('big', files);
  mkdirSync(path.join(big, '.git'));
});

describe('scanSecrets (tree)', () => {
  it('finds the same secrets inline and on worker threads, with bundle flags', async () => {
    const inline = await scanSecrets({ root: big, workers: 0 });
    const pooled = await scanSecrets({ root: big, workers: 2 });
    expect(pooled.findings).toEqual(inline.findings);
    expect(pooled.filesScanned).toBe(inline.filesScanned);
    expect(pooled.bytesScanned).toBe(inline.bytesScanned);
    const summary = pooled.findings.map((f) => `${f.ruleId} ${f.path}${f.inBundle ? ' [bundle]' : ''}`);
    expect(summary).toEqual([
      'appwrite-openssl-key deploy/appwrite.env',
      'appwrite-standard-key dist/app.js [bundle]',
      ...Array.from({ length: 10 }, (_, i) => `github-token src/plant-${i}.ts`).sort(),
    ]);
    // .env is gitignored: a deployment's own secret file is not a committed secret.
    expect(summary.some((x) => x.endsWith(' .env'))).toBe(false);
  });

  it('registers every raw value with the redactor and keeps none in the result', async () => {
    const redactor = new Redactor();
    const r = await scanSecrets({ root: big, workers: 0, redactor });
    const json = JSON.stringify(r);
    for (const secret of [key, opensslValue, ...planted]) {
      expect(json.includes(secret)).toBe(false);
      // Booleans only: a failing assertion must not print the planted value.
      expect(redactor.scrub(secret) === redactSecret(secret)).toBe(true);
    }
  });

  it('does not report deployment secrets (committedOnly rules) outside a git work tree', async () => {
    const root = tree('deploy-folder', { '.env': `_APP_OPENSSL_KEY_V1=${opensslValue}\n_APP_EXECUTOR_SECRET=${s.b62(32)}\n`, 'keys.txt': token });
    const r = await scanSecrets({ root, workers: 0, gitignore: false });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['github-token']);
  });

  it('suppresses inline-allowed lines and counts them', async () => {
    const root = tree('allowed', { 'a.ts': `const t = '${token}'; // appwrite-secops:allow test fixture\n` });
    const r = await scanSecrets({ root, workers: 0 });
    expect(r.findings).toEqual([]);
    expect(r.suppressed.map((x) => [x.reason, x.path, x.line])).toEqual([['inline', 'a.ts', 1]]);
  });

  it('scans a single file', async () => {
    const root = tree('single', { 'one.sh': `export T=${token}\n`, 'other.sh': `export T=${s.github()}\n` });
    const r = await scanSecrets({ root: path.join(root, 'one.sh'), workers: 0 });
    expect(r.findings.map((f) => f.path)).toEqual(['one.sh']);
  });

  it('scans stdin text under the path given', async () => {
    const r = await scanSecrets({ root: tmp, mode: 'stdin', stdinText: `x\ny = "${token}"`, stdinPath: 'src/piped.ts' });
    expect(r.findings.map((f) => [f.path, f.line, f.source])).toEqual([['src/piped.ts', 2, 'stdin']]);
  });

  it('fails with an input error for a missing folder', async () => {
    await expect(scanSecrets({ root: path.join(tmp, 'nope') })).rejects.toBeInstanceOf(InputError);
  });
});

describe('baselines', () => {
  it('suppress known secrets even after the line moves, but not the same value in a new file', async () => {
    const root = tree('baseline', { 'a.ts': `const t = '${token}';\n` });
    const first = await scanSecrets({ root, workers: 0 });
    const file = path.join(root, '.secrets-baseline.json');
    await writeBaseline(file, renderBaseline(first.findings, new Date('2026-01-01T00:00:00Z')));
    expect(readFileSync(file, 'utf8').includes(token)).toBe(false);

    writeFileSync(path.join(root, 'a.ts'), `// moved down\n\n\nconst t = '${token}';\n`);
    writeFileSync(path.join(root, 'b.ts'), `const t = '${token}';\n`);
    const second = await scanSecrets({ root, workers: 0, baseline: file });
    expect(second.findings.map((f) => f.path)).toEqual(['b.ts']);
    expect(second.suppressed.map((x) => [x.reason, x.path, x.line])).toEqual([['baseline', 'a.ts', 4]]);
  });

  it('fingerprints depend on rule, path and value, never on the line', () => {
    expect(secretFingerprint('github-token', 'a.ts', token)).toBe(secretFingerprint('github-token', 'a.ts', token));
    expect(secretFingerprint('github-token', 'a.ts', token)).not.toBe(secretFingerprint('github-token', 'b.ts', token));
    expect(secretFingerprint('github-token', 'a.ts', token)).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['wrong version', '{"version": 2, "findings": []}', /version/],
    ['bad fingerprint', '{"version": 1, "findings": [{"fingerprint": "abc"}]}', /findings\.0\.fingerprint/],
  ])('rejects a baseline that is %s with a typed input error', async (_n, text, msg) => {
    const file = path.join(tmp, `bad-${_n.replace(/\W/g, '')}.json`);
    writeFileSync(file, text);
    await expect(readBaseline(file)).rejects.toThrow(msg);
    await expect(readBaseline(file)).rejects.toBeInstanceOf(InputError);
  });

  it('a missing baseline file is an input error', async () => {
    await expect(scanSecrets({ root: big, workers: 0, baseline: 'missing.json' })).rejects.toBeInstanceOf(InputError);
  });
});
