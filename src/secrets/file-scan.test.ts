import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactSecret } from '../core/redact.js';
import { fakeSecrets } from './__fixtures__/fake-secrets.js';
import { CHUNK_BYTES, newChunkBuffer, scanFileSync } from './file-scan.js';
import { defaultRules } from './matcher.js';

const dir = mkdtempSync(path.join(tmpdir(), 'secops-filescan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const s = fakeSecrets(5);
const limits = { maxFileBytes: 64 * 1024 * 1024 };
const scan = (name: string) => scanFileSync({ abs: path.join(dir, name), rel: name, committed: true }, defaultRules(), limits, newChunkBuffer());

describe('scanFileSync', () => {
  it('finds a secret that straddles a chunk boundary, once, on the right line', () => {
    const token = s.github();
    const lineLen = 100;
    const line = `${'x'.repeat(lineLen - 1)}\n`;
    const lines = Math.floor((CHUNK_BYTES - 200) / lineLen);
    const before = line.repeat(lines);
    const pad = `${'y'.repeat(CHUNK_BYTES - before.length - 11)} `;
    const text = `${before}${pad}${token}\n${line.repeat(10)}${token}\n`;
    writeFileSync(path.join(dir, 'big.txt'), text);
    const r = scan('big.txt');
    const expectedLine = lines + 1;
    expect(r.matches.map((m) => [m.ruleId, m.line, redactSecret(m.secret)])).toEqual([
      ['github-token', expectedLine, redactSecret(token)],
      ['github-token', expectedLine + 11, redactSecret(token)],
    ]);
    expect(r.bytes).toBe(Buffer.byteLength(text));
  });

  it('skips binary files and files over the size limit, with a reason', () => {
    writeFileSync(path.join(dir, 'blob.dat'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(s.github())]));
    expect(scan('blob.dat')).toMatchObject({ skipped: 'binary', matches: [] });
    writeFileSync(path.join(dir, 'large.txt'), 'z'.repeat(2000));
    expect(scanFileSync({ abs: path.join(dir, 'large.txt'), rel: 'large.txt', committed: true }, defaultRules(), { maxFileBytes: 1000 }, newChunkBuffer()).skipped).toMatch(/larger than 1000/);
  });

  it('reports an unreadable file as skipped instead of failing the scan', () => {
    expect(scan('missing.txt').skipped).toMatch(/unreadable: ENOENT/);
    if (process.getuid?.() !== 0) {
      writeFileSync(path.join(dir, 'locked.txt'), 'x');
      chmodSync(path.join(dir, 'locked.txt'), 0o000);
      expect(scan('locked.txt').skipped).toMatch(/EACCES/);
    }
  });
});
