import { crc32, inflateRawSync } from 'node:zlib';
import { FormatError } from '../json-text.js';

/**
 * A small, bounded zip reader for OSV's `all.zip` exports: central directory (with ZIP64), stored and
 * deflated entries, CRC-checked. Anything else (encryption, other methods, multi-disk) is refused with
 * a clear error rather than guessed at. Limits stop a hostile archive from exhausting memory.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Sum of uncompressed sizes of the entries actually read. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000_000,
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 8 * 1024 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

function corrupt(what: string): FormatError {
  return new FormatError(`not a readable zip archive: ${what}`);
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('a ZIP64 size beyond 2^53');
  return Number(v);
}

function need(buf: Buffer, at: number, len: number, what: string): void {
  if (at < 0 || at + len > buf.length) throw corrupt(`${what} lies outside the file (truncated?)`);
}

/** Reads the central directory: every entry's name, method, sizes and where its data is. */
export function listZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (buf.length < 22) throw corrupt('too short for an end-of-central-directory record');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw corrupt('no end-of-central-directory record (truncated, or not a zip)');
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) throw corrupt('multi-disk archives are not supported');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const loc = eocd - 20;
    need(buf, loc, 20, 'the ZIP64 locator');
    if (buf.readUInt32LE(loc) !== SIG_LOCATOR64) throw corrupt('ZIP64 sizes without a ZIP64 locator');
    const at = u64(buf, loc + 8);
    need(buf, at, 56, 'the ZIP64 end record');
    if (buf.readUInt32LE(at) !== SIG_EOCD64) throw corrupt('bad ZIP64 end record signature');
    count = u64(buf, at + 32);
    cdSize = u64(buf, at + 40);
    cdOffset = u64(buf, at + 48);
  }
  if (count > limits.maxEntries) throw corrupt(`${count} entries, over the limit of ${limits.maxEntries}`);
  need(buf, cdOffset, cdSize, 'the central directory');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    need(buf, p, 46, `central directory entry ${n}`);
    if (buf.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt(`bad central directory signature at entry ${n}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    need(buf, p + 46, nameLen + extraLen + commentLen, `the name of entry ${n}`);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    // ZIP64 extra field: only the values saturated in the fixed header are present, in this order
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const take = (): number => {
          if (q + 8 > e + 4 + len) throw corrupt(`short ZIP64 field in ${name}`);
          const v = u64(buf, q);
          q += 8;
          return v;
        };
        if (size === MAX32) size = take();
        if (compressedSize === MAX32) compressedSize = take();
        if (localOffset === MAX32) localOffset = take();
      }
      e += 4 + len;
    }
    if (flags & 0x1) throw corrupt(`${name} is encrypted`);
    entries.push({ name, method, compressedSize, size, crc, localOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of one entry, CRC-checked. */
export function readZipEntry(buf: Buffer, entry: ZipEntry, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Buffer {
  if (entry.size > limits.maxEntryBytes) throw corrupt(`${entry.name} is ${entry.size} bytes uncompressed, over the ${limits.maxEntryBytes}-byte limit`);
  const at = entry.localOffset;
  need(buf, at, 30, `the local header of ${entry.name}`);
  if (buf.readUInt32LE(at) !== SIG_LOCAL) throw corrupt(`bad local header signature for ${entry.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  need(buf, start, entry.compressedSize, `the data of ${entry.name}`);
  const raw = buf.subarray(start, start + entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) {
    out = raw;
  } else if (entry.method === 8) {
    try {
      // the bound is the declared size: a lying header cannot inflate past it
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch (err) {
      throw corrupt(`${entry.name} does not inflate: ${(err as Error).message}`);
    }
  } else {
    throw corrupt(`${entry.name} uses compression method ${entry.method}; only stored (0) and deflate (8) are supported`);
  }
  if (out.length !== entry.size) throw corrupt(`${entry.name} is ${out.length} bytes, the directory says ${entry.size}`);
  if (crc32(out) !== entry.crc) throw corrupt(`${entry.name} fails its CRC check (corrupt download?)`);
  return out;
}

/** Every entry accepted by `filter`, uncompressed, within the total-size limit. */
export function* readZipFiles(buf: Buffer, filter: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Generator<{ name: string; data: Buffer }> {
  let total = 0;
  for (const entry of listZip(buf, limits)) {
    if (entry.name.endsWith('/') || !filter(entry.name)) continue;
    total += entry.size;
    if (total > limits.maxTotalBytes) throw corrupt(`more than ${limits.maxTotalBytes} bytes uncompressed`);
    yield { name: entry.name, data: readZipEntry(buf, entry, limits) };
  }
}
