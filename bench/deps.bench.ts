import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { audit } from '../src/audit.js';
import { depsChecks } from '../src/checks/deps/index.js';
import { advisoriesCollector } from '../src/collectors/advisories/index.js';
import { lockfilesCollector } from '../src/collectors/lockfiles/index.js';
import { listZip, readZipEntry } from '../src/deps/osv/zip.js';
import type { BenchResult } from './types.js';

/**
 * `deps` on a generated 5,000-package package-lock.json against a generated offline OSV database of
 * 20,000 records (a folder of JSON files, and the same records as an all.zip), as a ratio to only
 * reading and JSON-parsing both inputs. Target: at most 3x.
 */
const PACKAGES = 5_000;
const RECORDS = 20_000;
const RUNS = 3;

/** Deterministic pseudo-random numbers, so every run measures the same workload. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateLock(rand: () => number): { manifest: unknown; lock: unknown; versions: string[] } {
  const versions = Array.from({ length: PACKAGES }, () => `${Math.floor(rand() * 5)}.${Math.floor(rand() * 20)}.${Math.floor(rand() * 10)}`);
  const name = (i: number) => (i % 7 === 0 ? `@scope${i % 13}/pkg-${i}` : `pkg-${i}`);
  const direct: Record<string, string> = {};
  const devDirect: Record<string, string> = {};
  for (let i = 0; i < 300; i++) (i % 5 === 0 ? devDirect : direct)[name(i)] = `^${versions[i]}`;
  const packages: Record<string, unknown> = { '': { name: 'bench-app', version: '1.0.0', dependencies: direct, devDependencies: devDirect } };
  for (let i = 0; i < PACKAGES; i++) {
    const deps: Record<string, string> = {};
    // each package depends on a few later ones: a DAG that reaches everything from the first 300
    for (let k = 0; k < 4; k++) {
      const j = i + 1 + Math.floor(rand() * 40);
      if (j < PACKAGES && j >= 300) deps[name(j)] = `^${versions[j]}`;
    }
    packages[`node_modules/${name(i)}`] = {
      version: versions[i],
      resolved: `https://registry.npmjs.org/${name(i)}/-/${name(i).split('/').pop()}-${versions[i]}.tgz`,
      integrity: `sha512-${Buffer.from(`${i}`.repeat(32)).toString('base64').slice(0, 86)}==`,
      ...(Object.keys(deps).length ? { dependencies: deps } : {}),
      engines: { node: '>=14' },
    };
  }
  return { manifest: { name: 'bench-app', version: '1.0.0', dependencies: direct, devDependencies: devDirect }, lock: { name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, versions };
}

export function generateRecord(i: number, rand: () => number): Record<string, unknown> {
  // a quarter of the records concern packages of the lockfile, the rest other npm packages
  const ours = rand() < 0.25;
  const pkg = ours ? (Math.floor(rand() * PACKAGES) % 7 === 0 ? `@scope${i % 13}/pkg-${Math.floor(rand() * PACKAGES)}` : `pkg-${Math.floor(rand() * PACKAGES)}`) : `other-${i}`;
  const major = Math.floor(rand() * 5);
  const id = `GHSA-b${String(i).padStart(3, '0').slice(-3)}-${(i * 7919).toString(36).padStart(4, 'x').slice(-4)}-${(i * 104729).toString(36).padStart(4, 'y').slice(-4)}`;
  return {
    schema_version: '1.4.0',
    id,
    modified: '2025-01-01T00:00:00Z',
    published: '2024-06-01T00:00:00Z',
    aliases: [`CVE-2024-${10000 + i}`],
    summary: `Generated advisory ${i} for ${pkg}`,
    details: 'A generated advisory for the dependency benchmark. '.repeat(8),
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
    affected: [
      {
        package: { ecosystem: 'npm', name: pkg, purl: `pkg:npm/${pkg}` },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: `${major}.0.0` }, { fixed: `${major}.${5 + Math.floor(rand() * 10)}.0` }] }],
        database_specific: { source: `https://github.com/github/advisory-database/blob/main/advisories/${id}.json` },
      },
    ],
    references: [
      { type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/CVE-2024-${10000 + i}` },
      { type: 'PACKAGE', url: `https://github.com/example/${pkg}` },
    ],
    database_specific: { cwe_ids: ['CWE-400'], severity: ['LOW', 'MODERATE', 'HIGH', 'CRITICAL'][i % 4], github_reviewed: true },
  };
}

/** A minimal zip writer (deflate), enough to build an all.zip like OSV's export. */
export function zip(files: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const body = deflateRawSync(f.data);
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(f.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

export default async function (): Promise<BenchResult[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'deps-bench-'));
  try {
    const rand = rng(42);
    const { manifest, lock } = generateLock(rand);
    const ws = path.join(dir, 'ws');
    const db = path.join(dir, 'osv');
    await mkdir(ws);
    await mkdir(db);
    await writeFile(path.join(ws, 'package.json'), JSON.stringify(manifest, null, 2));
    await writeFile(path.join(ws, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const files: { name: string; data: Buffer }[] = [];
    for (let i = 0; i < RECORDS; i++) {
      const r = generateRecord(i, rand);
      const data = Buffer.from(JSON.stringify(r, null, 2));
      files.push({ name: `${r.id as string}.json`, data });
      await writeFile(path.join(db, `${r.id as string}.json`), data);
    }
    const zipPath = path.join(dir, 'all.zip');
    await writeFile(zipPath, zip(files));

    const parseLock = async () => JSON.parse(await readFile(path.join(ws, 'package-lock.json'), 'utf8')) as unknown;
    const baselineDir = () =>
      time(async () => {
        await parseLock();
        const names = await readdir(db);
        // the same bounded parallelism the loader uses, so the baseline is not handicapped
        let next = 0;
        await Promise.all(
          Array.from({ length: 32 }, async () => {
            while (next < names.length) JSON.parse(await readFile(path.join(db, names[next++]!), 'utf8'));
          }),
        );
      });
    const baselineZip = () =>
      time(async () => {
        await parseLock();
        const buf = await readFile(zipPath);
        for (const e of listZip(buf)) JSON.parse(readZipEntry(buf, e).toString('utf8'));
      });
    let found = 0;
    const subject = (osvDb: string) =>
      time(async () => {
        const r = await audit({ root: ws, checks: depsChecks, collectors: [lockfilesCollector, advisoriesCollector], inputs: { osvDb }, now: new Date('2026-11-29T00:00:00Z') });
        found = r.findings.filter((f) => f.checkId === 'deps/no-known-vulnerabilities' && f.status === 'fail').length;
      });

    const bDir = await baselineDir();
    const sDir = await subject(db);
    const bZip = await baselineZip();
    const sZip = await subject(zipPath);
    const notes = `${PACKAGES} packages, ${RECORDS} OSV records, ${found} vulnerable package findings; median of ${RUNS}`;
    return [
      { name: 'deps: 5,000-package lockfile vs 20,000-record OSV folder', baseline: 'read + JSON.parse lockfile and every record', subjectValue: sDir, baselineValue: bDir, unit: 'ms', ratio: sDir / bDir, target: 3, notes },
      { name: 'deps: 5,000-package lockfile vs 20,000-record all.zip', baseline: 'read + inflate + JSON.parse lockfile and every record', subjectValue: sZip, baselineValue: bZip, unit: 'ms', ratio: sZip / bZip, target: 3, notes },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
