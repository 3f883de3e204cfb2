import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { countNewlines, scanText, type CompiledRules } from './matcher.js';
import type { RawMatch } from './types.js';

/** Files are read in chunks of this size, so memory per file stays bounded whatever its size. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Each chunk also reads this much of the next one, so a secret across a chunk boundary is still whole. */
export const CHUNK_OVERLAP = 64 * 1024;

export interface FileJob {
  abs: string;
  rel: string;
  committed: boolean;
}

export interface FileResult {
  rel: string;
  bytes: number;
  matches: RawMatch[];
  skipped?: string;
}

export interface FileScanLimits {
  maxFileBytes: number;
}

/**
 * Scans one file synchronously (in a worker or inline). Binary files (a NUL byte in the first 8 KiB)
 * and files over the size limit are skipped with a reason; unreadable ones too.
 */
export function scanFileSync(job: FileJob, compiled: CompiledRules, limits: FileScanLimits, buf: Buffer): FileResult {
  let fd: number;
  try {
    fd = openSync(job.abs, 'r');
  } catch (err) {
    return { rel: job.rel, bytes: 0, matches: [], skipped: `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > limits.maxFileBytes) return { rel: job.rel, bytes: 0, matches: [], skipped: `larger than ${limits.maxFileBytes} bytes` };
    const matches: RawMatch[] = [];
    let offset = 0;
    let lineOffset = 0;
    while (offset < size) {
      const want = Math.min(CHUNK_BYTES + CHUNK_OVERLAP, size - offset);
      const got = readFully(fd, buf, want, offset);
      if (offset === 0 && buf.subarray(0, Math.min(got, 8192)).includes(0)) return { rel: job.rel, bytes: 0, matches: [], skipped: 'binary' };
      // latin1 keeps every byte as one character: fast, one-byte strings, and secrets are ASCII anyway.
      const text = buf.toString('latin1', 0, got);
      const last = offset + got >= size;
      const limit = last ? undefined : CHUNK_BYTES;
      for (const m of scanText(text, compiled, { path: job.rel, committed: job.committed, lineOffset, limit })) matches.push(m);
      if (last) break;
      lineOffset += countNewlines(text, 0, CHUNK_BYTES);
      offset += CHUNK_BYTES;
    }
    return { rel: job.rel, bytes: size, matches };
  } catch (err) {
    // I/O errors (EIO, EISDIR, a file truncated while read) skip the file with a reason; bugs propagate.
    const code = (err as NodeJS.ErrnoException).code;
    if (!code) throw err;
    return { rel: job.rel, bytes: 0, matches: [], skipped: `read failed: ${code}` };
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, buf: Buffer, want: number, position: number): number {
  let got = 0;
  while (got < want) {
    const n = readSync(fd, buf, got, want - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

export function newChunkBuffer(): Buffer {
  return Buffer.allocUnsafe(CHUNK_BYTES + CHUNK_OVERLAP);
}
