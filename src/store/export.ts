import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceVerification } from './evidence-chain.js';
import { canonicalJson, toJson } from './json.js';
import type { Store } from './store.js';

export const EXPORT_FORMATS = ['jsonl', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** File to write; the manifest goes to `<output>.manifest.json` and a `sha256sum -c` line to `<output>.sha256`. */
  output: string;
  /** Only records at or after this time (the chain is still verified in full first). */
  since?: Date;
  toolVersion: string;
  now: Date;
}

export interface ExportResult {
  file: string;
  manifestFile: string;
  checksumFile: string;
  records: number;
  bytes: number;
  sha256: string;
  verification: EvidenceVerification;
}

/**
 * Writes the evidence log (or its tail since a date) for an auditor. Every record carries its hash and
 * the previous record's hash; the manifest says how to recompute them, whether the whole chain verified
 * at export time, and the sha256 of the export file itself.
 */
export async function exportEvidence(store: Store, opts: ExportOptions): Promise<ExportResult> {
  const verification = await store.verifyEvidence();
  const records = await store.listEvidence(opts.since ? { since: opts.since } : {});
  const chain = {
    verified: verification.ok,
    records: verification.records,
    headHash: verification.headHash,
    anchor: verification.anchor,
    ...(verification.broken ? { broken: verification.broken } : {}),
  };
  const text =
    opts.format === 'jsonl'
      ? records.map((r) => canonicalJson(r)).join('\n') + (records.length ? '\n' : '')
      : `${toJson({ format: 'appwrite-secops-evidence', version: 1, exportedAt: opts.now.toISOString(), since: opts.since?.toISOString() ?? null, chain, records }, 2)}\n`;
  const file = path.resolve(opts.output);
  const bytes = Buffer.byteLength(text);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const manifest = {
    format: 'appwrite-secops-evidence-manifest',
    version: 1,
    tool: { name: 'appwrite-secops', version: opts.toolVersion },
    store: store.location,
    exportedAt: opts.now.toISOString(),
    since: opts.since?.toISOString() ?? null,
    file: { name: path.basename(file), format: opts.format, bytes, sha256, records: records.length },
    firstSeq: records[0]?.seq ?? null,
    lastSeq: records[records.length - 1]?.seq ?? null,
    /** prevHash of the first exported record: the hash of the record before the export window. */
    firstPrevHash: records[0]?.prevHash ?? null,
    chain,
    hashRecipe:
      'hash = sha256 hex of the canonical JSON (keys sorted, no whitespace) of {seq, at, kind, subject, actor, data, inputsDigest, findingsDigest, prevHash}; each prevHash is the hash of the record before',
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeAtomic(file, text);
  const manifestFile = `${file}.manifest.json`;
  const checksumFile = `${file}.sha256`;
  await writeAtomic(manifestFile, `${toJson(manifest, 2)}\n`);
  await writeAtomic(checksumFile, `${sha256}  ${path.basename(file)}\n`);
  return { file, manifestFile, checksumFile, records: records.length, bytes, sha256, verification };
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, file);
}
