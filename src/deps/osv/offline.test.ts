import { mkdtemp, mkdir, readFile, rm, writeFile, copyFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { loadOfflineDb } from './offline.js';
import { advisoryFromOsv } from './record.js';
import { listZip, readZipEntry, readZipFiles } from './zip.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const zipFixture = (name: string) => readFile(path.join(here, '__fixtures__', name));
const osvDir = path.join(here, '..', '__fixtures__', 'osv');

describe('zip reader', () => {
  it('lists and inflates a deflated archive with folders', async () => {
    const buf = await zipFixture('npm-all.zip');
    const names = listZip(buf).map((e) => e.name);
    expect(names).toContain('advisories/github-reviewed/');
    const files = [...readZipFiles(buf, (n) => n.endsWith('.json'))];
    expect(files).toHaveLength(8);
    const qs = files.find((f) => f.name.endsWith('GHSA-hrpp-h998-j3pp.json'))!;
    expect(qs.data.toString('utf8')).toBe(await readFile(path.join(osvDir, 'GHSA-hrpp-h998-j3pp.json'), 'utf8'));
  });

  it('reads stored entries', async () => {
    const buf = await zipFixture('stored.zip');
    const [e] = listZip(buf);
    expect(e!.method).toBe(0);
    expect(JSON.parse(readZipEntry(buf, e!).toString('utf8')).id).toBe('GHSA-hrpp-h998-j3pp');
  });

  it('reads ZIP64 end records and extra fields', async () => {
    const buf = await zipFixture('zip64.zip');
    expect(buf.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // the fixture really is ZIP64
    expect([...readZipFiles(buf, () => true)].map((f) => JSON.parse(f.data.toString('utf8')).id).sort()).toEqual(['GHSA-hrpp-h998-j3pp', 'GHSA-xvch-5gv4-984h']);
  });

  it('refuses encrypted entries', async () => {
    expect(() => listZip(Buffer.alloc(0))).toThrow(/too short/);
    const buf = await zipFixture('encrypted.zip');
    expect(() => listZip(buf)).toThrow(/encrypted/);
  });

  it('detects truncation', async () => {
    const buf = await zipFixture('npm-all.zip');
    expect(() => listZip(buf.subarray(0, buf.length - 30))).toThrow(/no end-of-central-directory|outside the file/);
    expect(() => listZip(buf.subarray(0, 200))).toThrow(/not a readable zip/);
  });

  it('detects corrupt data through the CRC', async () => {
    const buf = Buffer.from(await zipFixture('stored.zip'));
    const e = listZip(buf)[0]!;
    buf.writeUInt8(buf.readUInt8(e.localOffset + 30 + e.name.length + 10) ^ 0xff, e.localOffset + 30 + e.name.length + 10); // flip a byte inside the stored data
    expect(() => readZipEntry(buf, e)).toThrow(/CRC/);
  });

  it('refuses other compression methods', async () => {
    const buf = Buffer.from(await zipFixture('stored.zip'));
    const e = { ...listZip(buf)[0]!, method: 12 };
    expect(() => readZipEntry(buf, e)).toThrow(/method 12/);
  });

  it('enforces the entry size limit before inflating', async () => {
    const buf = await zipFixture('npm-all.zip');
    expect(() => [...readZipFiles(buf, () => true, { maxEntries: 100, maxEntryBytes: 100, maxTotalBytes: 1e9 })]).toThrow(/over the 100-byte limit/);
    expect(() => listZip(buf, { maxEntries: 3, maxEntryBytes: 1e6, maxTotalBytes: 1e9 })).toThrow(/over the limit of 3/);
  });

  it('a header that lies about the size cannot inflate past it', async () => {
    const buf = await zipFixture('npm-all.zip');
    const e = listZip(buf).find((x) => x.name.endsWith('.json') && x.method === 8)!;
    expect(() => readZipEntry(buf, { ...e, size: 10 })).toThrow(/does not inflate|bytes, the directory says/);
  });
});

describe('OSV records', () => {
  it('normalises a GHSA record', async () => {
    const raw = JSON.parse(await readFile(path.join(osvDir, 'GHSA-hrpp-h998-j3pp.json'), 'utf8'));
    const a = advisoryFromOsv(raw, 'osv-offline', 'x')!;
    expect(a).toMatchObject({ id: 'GHSA-hrpp-h998-j3pp', aliases: ['CVE-2022-24999'], severity: 'high', severitySource: 'GHSA rating', published: '2022-11-26T00:30:50Z' });
    expect(a.cvss[0]).toEqual({ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', score: 7.5 });
    expect(a.affected).toHaveLength(1);
    expect(a.affected[0]!.ranges).toHaveLength(9);
  });

  it('falls back to the CVSS score, then flags MAL- records critical', () => {
    const base = { id: 'X-1', affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] };
    expect(advisoryFromOsv({ ...base, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }, 'osv-api', 'x')?.severity).toBe('critical');
    expect(advisoryFromOsv({ ...base, id: 'MAL-2024-1' }, 'osv-api', 'x')?.severity).toBe('critical');
    expect(advisoryFromOsv(base, 'osv-api', 'x')?.severity).toBeUndefined();
  });

  it('skips withdrawn records and other ecosystems, keeps GIT ranges out', () => {
    expect(advisoryFromOsv({ id: 'X', withdrawn: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'p' } }] }, 'osv-api', 'x')).toBeUndefined();
    expect(advisoryFromOsv({ id: 'X', affected: [{ package: { ecosystem: 'PyPI', name: 'p' } }] }, 'osv-api', 'x')).toBeUndefined();
    const a = advisoryFromOsv({ id: 'X', affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'GIT', repo: 'r', events: [{ introduced: 'abc' }] }] }] }, 'osv-api', 'x');
    expect(a?.affected[0]!.ranges).toEqual([]);
  });

  it('rejects records that break the schema, naming the field', () => {
    expect(() => advisoryFromOsv({ id: 'X', affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: 'nope' }] }, 'osv-api', 'x')).toThrow(/affected\.0\.ranges/);
  });
});

describe('offline database', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'osv-db-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });
  const names = new Set(['qs', 'minimist', 'express']);

  it('reads a folder of records, keeping only the packages asked for', async () => {
    const db = await loadOfflineDb(osvDir, 'osv', { names });
    expect(db.records).toBe(8);
    expect(db.advisories.map((a) => a.id).sort()).toEqual(['GHSA-hrpp-h998-j3pp', 'GHSA-qw6h-vgh9-j6wx', 'GHSA-xvch-5gv4-984h']);
    expect(db.advisories.every((a) => a.source === 'osv-offline')).toBe(true);
  });

  it('reads all.zip, and finds it inside an OSV-Scanner cache folder', async () => {
    const cache = path.join(tmp, 'cache');
    await mkdir(path.join(cache, 'osv-scanner', 'npm'), { recursive: true });
    await copyFile(path.join(here, '__fixtures__', 'npm-all.zip'), path.join(cache, 'osv-scanner', 'npm', 'all.zip'));
    const db = await loadOfflineDb(cache, 'cache', { names });
    expect(db.origin).toBe('cache/osv-scanner/npm/all.zip');
    expect(db.advisories).toHaveLength(3);
  });

  it('a truncated record is an input error with file and line', async () => {
    const dir = path.join(tmp, 'bad');
    await mkdir(dir);
    for (const f of await readdir(osvDir)) await copyFile(path.join(osvDir, f), path.join(dir, f));
    const text = await readFile(path.join(osvDir, 'GHSA-xvch-5gv4-984h.json'), 'utf8');
    await writeFile(path.join(dir, 'GHSA-xvch-5gv4-984h.json'), text.slice(0, 300));
    const err = await loadOfflineDb(dir, 'bad', { names }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).describe()).toMatch(/^bad\/GHSA-xvch-5gv4-984h\.json:\d+:\d+: invalid OSV record: the JSON ends early/);
  });

  it('a record that is not OSV is an input error', async () => {
    const dir = path.join(tmp, 'notosv');
    await mkdir(dir);
    await writeFile(path.join(dir, 'x.json'), '[1, 2, 3]');
    await expect(loadOfflineDb(dir, 'notosv', { names })).rejects.toThrow(/not an OSV record/);
  });

  it('an empty folder, a missing path and a truncated zip are input errors', async () => {
    const empty = path.join(tmp, 'empty');
    await mkdir(empty);
    await expect(loadOfflineDb(empty, 'empty', { names })).rejects.toThrow(/holds no OSV records/);
    await expect(loadOfflineDb(path.join(tmp, 'nope'), 'nope', { names })).rejects.toThrow(/no such file or folder/);
    const zip = await zipFixture('npm-all.zip');
    await writeFile(path.join(tmp, 'cut.zip'), zip.subarray(0, zip.length - 100));
    await expect(loadOfflineDb(path.join(tmp, 'cut.zip'), 'cut.zip', { names })).rejects.toThrow(/cut\.zip|not a readable zip/);
  });
});
