import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GitState } from './git.js';

/**
 * The files git tracks under `dir`, read straight from the repository's index instead of spawning
 * `git ls-files` (which cost an audit ~30 ms of its start-up, most of it forking the process).
 *
 * Returns undefined whenever only git itself can answer exactly, and the caller then asks git:
 * GIT_* variables that move the repository or the index, a repository on another filesystem than the
 * folder, one owned by another user (git's safe.directory rule), SHA-256 object names, a split or
 * sparse index, an index version other than 2-4, or anything that does not parse.
 * Paths are relative to `dir`, with forward slashes, as `git ls-files -- .` run in `dir` prints them.
 */
export async function trackedFromIndex(dir: string): Promise<GitState | undefined> {
  for (const v of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM']) {
    if (process.env[v] !== undefined) return undefined;
  }
  try {
    const start = await realpath(dir);
    const repo = await findRepository(start);
    if (repo === 'not-found') return { state: 'not-a-repo' };
    if (repo === undefined) return undefined;
    const uid = process.getuid?.();
    if (uid !== undefined && (await stat(repo.workTree)).uid !== uid) return undefined;
    if (await usesSha256(repo.gitDir)) return undefined;
    let index: Buffer;
    try {
      index = await readFile(path.join(repo.gitDir, 'index'));
    } catch (err) {
      // A repository with nothing added yet has no index: git lists nothing.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'repo', tracked: new Set() };
      return undefined;
    }
    const paths = parseIndexPaths(index);
    if (!paths) return undefined;
    const prefix = path.relative(repo.workTree, start).split(path.sep).join('/');
    const tracked = new Set<string>();
    for (const p of paths) {
      if (prefix === '') tracked.add(p);
      else if (p.startsWith(`${prefix}/`)) tracked.add(p.slice(prefix.length + 1));
    }
    return { state: 'repo', tracked };
  } catch {
    return undefined;
  }
}

interface Repository {
  workTree: string;
  gitDir: string;
}

/** Walks up from `start` as git's discovery does: a `.git` folder, or a `.git` file naming one. */
async function findRepository(start: string): Promise<Repository | 'not-found' | undefined> {
  const device = (await stat(start)).dev;
  let d = start;
  for (;;) {
    const dotGit = path.join(d, '.git');
    const st = await stat(dotGit).catch(() => undefined);
    if (st?.isDirectory()) return { workTree: d, gitDir: dotGit };
    if (st?.isFile()) {
      // Worktrees and submodules: "gitdir: <path>", relative to the folder of the file.
      const m = /^gitdir: (.+?)\s*$/m.exec(await readFile(dotGit, 'utf8'));
      return m ? { workTree: d, gitDir: path.resolve(d, m[1]!) } : undefined;
    }
    const parent = path.dirname(d);
    if (parent === d) return 'not-found';
    // git stops at a filesystem boundary; let git itself say what happens there.
    if ((await stat(parent)).dev !== device) return undefined;
    d = parent;
  }
}

/** `extensions.objectFormat = sha256` in the repository config (worktrees keep it in the common dir). */
async function usesSha256(gitDir: string): Promise<boolean> {
  const common = await readFile(path.join(gitDir, 'commondir'), 'utf8').then(
    (c) => path.resolve(gitDir, c.trim()),
    () => gitDir,
  );
  const config = await readFile(path.join(common, 'config'), 'utf8').catch(() => '');
  return /^\s*objectformat\s*=\s*sha256\b/im.test(config);
}

const SHA1_BYTES = 20;
/** ctime, mtime (seconds and nanoseconds each), dev, ino, mode, uid, gid, size: ten 32-bit fields. */
const STAT_BYTES = 40;
const FLAG_EXTENDED = 0x4000;
const MODE_TYPE_MASK = 0o170000;
const MODE_DIRECTORY = 0o040000;

/**
 * Every path in a git index (format versions 2, 3 and 4; see git's Documentation/gitformat-index.txt),
 * or undefined for an index this reader does not handle exactly: another version, a split index (the
 * `link` extension: most entries live in a shared index), a sparse index (`sdir`, directory entries
 * standing for the files under them) or a truncated file.
 */
export function parseIndexPaths(buf: Buffer): string[] | undefined {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = buf.readUInt32BE(8);
  const paths: string[] = [];
  let offset = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const entryStart = offset;
    if (offset + STAT_BYTES + SHA1_BYTES + 2 > buf.length) return undefined;
    const mode = buf.readUInt32BE(offset + 24);
    if ((mode & MODE_TYPE_MASK) === MODE_DIRECTORY) return undefined;
    offset += STAT_BYTES + SHA1_BYTES;
    const flags = buf.readUInt16BE(offset);
    offset += 2;
    if (flags & FLAG_EXTENDED) {
      if (version < 3) return undefined;
      offset += 2;
    }
    let name: Buffer;
    if (version === 4) {
      // The name is the previous one minus N trailing bytes, plus a NUL-terminated suffix.
      let strip = 0;
      let byte: number;
      let n = 0;
      do {
        if (offset >= buf.length || ++n > 8) return undefined;
        byte = buf[offset++]!;
        strip = n === 1 ? byte & 0x7f : ((strip + 1) << 7) | (byte & 0x7f);
      } while (byte & 0x80);
      if (strip > previous.length) return undefined;
      const end = buf.indexOf(0, offset);
      if (end === -1) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - strip), buf.subarray(offset, end)]);
      offset = end + 1;
    } else {
      const end = buf.indexOf(0, offset);
      if (end === -1) return undefined;
      name = buf.subarray(offset, end);
      // Entries are padded with 1-8 NUL bytes to a multiple of eight bytes.
      offset = entryStart + Math.floor((end - entryStart + 8) / 8) * 8;
    }
    if (offset > buf.length) return undefined;
    paths.push(name.toString('utf8'));
    previous = name;
  }
  // Extensions: a four-letter signature and a 32-bit size each, up to the trailing checksum.
  while (offset + 8 <= buf.length - SHA1_BYTES) {
    const signature = buf.toString('latin1', offset, offset + 4);
    if (signature === 'link' || signature === 'sdir') return undefined;
    offset += 8 + buf.readUInt32BE(offset + 4);
  }
  return paths;
}
