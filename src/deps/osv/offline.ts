import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { FormatError, isRecord, parseJson } from '../json-text.js';
import type { Advisory } from '../model.js';
import { advisoryFromOsv, mentionsPackage } from './record.js';
import { DEFAULT_ZIP_LIMITS, readZipFiles, type ZipLimits } from './zip.js';

export interface OfflineDbOptions {
  /** npm package names in the lockfiles: records about other packages are skipped unvalidated. */
  names: ReadonlySet<string>;
  limits?: ZipLimits;
  /** Upper bound on JSON files in a directory database. */
  maxFiles?: number;
}

export interface OfflineDb {
  advisories: Advisory[];
  /** Records read (all of them, not only the relevant ones). */
  records: number;
  /** What was actually read: the zip or the folder. */
  origin: string;
}

/** Where OSV-Scanner keeps its offline databases, relative to the cache folder it is given. */
const ZIP_CANDIDATES = ['all.zip', 'npm/all.zip', 'osv-scanner/npm/all.zip'];

/**
 * `--osv-db PATH`: an OSV-Scanner offline database (`all.zip` of the npm ecosystem, or its cache
 * folder), or a folder of OSV JSON records. Every problem is an InputError naming the file: an
 * offline database that is half read would silently under-report.
 */
export async function loadOfflineDb(dbPath: string, shown: string, opts: OfflineDbOptions): Promise<OfflineDb> {
  const st = await stat(dbPath).catch(() => undefined);
  if (!st) throw new InputError(`cannot read the OSV database ${shown}: no such file or folder`, { hint: 'pass a folder of OSV JSON records or the npm all.zip from https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip' });
  if (st.isFile()) return loadZip(dbPath, shown, opts);
  for (const c of ZIP_CANDIDATES) {
    const p = path.join(dbPath, c);
    if ((await stat(p).catch(() => undefined))?.isFile()) return loadZip(p, path.posix.join(shown, c), opts);
  }
  return loadFolder(dbPath, shown, opts);
}

async function loadZip(file: string, shown: string, opts: OfflineDbOptions): Promise<OfflineDb> {
  const limits = opts.limits ?? DEFAULT_ZIP_LIMITS;
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    throw new InputError(`cannot read ${shown}: ${(err as Error).message}`, { position: { path: shown } });
  }
  const advisories: Advisory[] = [];
  let records = 0;
  try {
    for (const { name, data } of readZipFiles(buf, (n) => n.endsWith('.json'), limits)) {
      records++;
      const adv = recordFromText(data.toString('utf8'), `${shown}!${name}`, opts.names);
      if (adv) advisories.push(adv);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${shown}: ${(err as Error).message}`, { position: { path: shown }, hint: 'download the database again (osv-scanner --download-offline-databases, or the ecosystem all.zip)' });
  }
  if (records === 0) throw new InputError(`${shown} holds no OSV records (*.json)`, { position: { path: shown }, hint: 'use the npm ecosystem export: npm/all.zip' });
  return { advisories, records, origin: shown };
}

async function loadFolder(dir: string, shown: string, opts: OfflineDbOptions): Promise<OfflineDb> {
  const maxFiles = opts.maxFiles ?? 2_000_000;
  const files: string[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (err) {
      throw new InputError(`cannot read the OSV database folder ${path.relative(dir, d) || shown}: ${(err as Error).message}`, { position: { path: shown } });
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full, depth + 1);
      else if (e.isFile() && e.name.endsWith('.json')) {
        files.push(full);
        if (files.length > maxFiles) throw new InputError(`${shown} has more than ${maxFiles} JSON files`, { position: { path: shown } });
      }
    }
  };
  await walk(dir, 0);
  if (files.length === 0) {
    throw new InputError(`${shown} holds no OSV records (*.json) and no all.zip`, { position: { path: shown }, hint: 'point --osv-db at a folder of OSV JSON records or at the npm all.zip' });
  }
  files.sort();
  const advisories: (Advisory | undefined)[] = new Array(files.length);
  // bounded parallel reads: thousands of small files, one open file handle each
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const f = files[i]!;
      const rel = path.posix.join(shown, path.relative(dir, f).split(path.sep).join('/'));
      const text = await readFile(f, 'utf8').catch((err: Error) => {
        throw new InputError(`cannot read ${rel}: ${err.message}`, { position: { path: rel } });
      });
      advisories[i] = recordFromText(text, rel, opts.names);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return { advisories: advisories.filter((a): a is Advisory => !!a), records: files.length, origin: shown };
}

/** Parses one record; records about packages we do not have are skipped before validation. */
function recordFromText(text: string, shown: string, names: ReadonlySet<string>): Advisory | undefined {
  let raw: unknown;
  try {
    raw = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const e = err as FormatError;
    throw new InputError(`invalid OSV record: ${e.message}`, { position: { path: shown, line: e.line, column: e.column }, hint: 'fix or remove the file, or download the database again' });
  }
  if (!isRecord(raw) || typeof raw.id !== 'string') {
    throw new InputError('not an OSV record: expected an object with an "id"', { position: { path: shown, line: 1 }, hint: 'the file does not follow the OSV schema (https://ossf.github.io/osv-schema/)' });
  }
  if (!mentionsPackage(raw, names)) return undefined;
  try {
    return advisoryFromOsv(raw, 'osv-offline', shown);
  } catch (err) {
    throw new InputError((err as Error).message, { position: { path: shown }, hint: 'the file does not follow the OSV schema (https://ossf.github.io/osv-schema/)' });
  }
}
