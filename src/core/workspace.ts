import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';

/** Folders never worth walking for configuration files. */
export const DEFAULT_WALK_EXCLUDES = ['node_modules', '.git', '.hg', '.svn', '.appwrite-secops', '.next', '.nuxt', '.output', '.svelte-kit', 'coverage', '.turbo', '.cache', 'vendor'] as const;

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ReadTextOptions {
  maxBytes?: number;
}

/**
 * The audited folder: one walk, cached, shared by every collector. Paths handed out are relative to the
 * root with forward slashes. Symlinked folders are not followed (no loops); symlinked files are read.
 */
export class Workspace {
  readonly root: string;
  private listing: Promise<string[]> | undefined;
  private readonly maxDepth: number;

  constructor(root: string, opts: { maxDepth?: number } = {}) {
    this.root = path.resolve(root);
    this.maxDepth = opts.maxDepth ?? 12;
  }

  /** Every regular file under the root (excluding DEFAULT_WALK_EXCLUDES), relative, sorted. */
  files(): Promise<string[]> {
    this.listing ??= this.walk();
    return this.listing;
  }

  /** Files whose base name matches the predicate. */
  async find(pred: (baseName: string, rel: string) => boolean): Promise<string[]> {
    return (await this.files()).filter((rel) => pred(path.posix.basename(rel), rel));
  }

  abs(rel: string): string {
    return path.isAbsolute(rel) ? rel : path.join(this.root, rel);
  }

  /** Root-relative, forward-slash form of any path (absolute or relative to cwd). */
  rel(p: string): string {
    const abs = path.resolve(p);
    const r = path.relative(this.root, abs);
    return (r.startsWith('..') ? abs : r).split(path.sep).join('/');
  }

  /** Reads a UTF-8 text file, refusing binary, non-UTF-8 and oversized files with an InputError. */
  async readText(p: string, opts: ReadTextOptions = {}): Promise<string> {
    return readTextFile(this.abs(p), this.rel(this.abs(p)), opts);
  }

  private async walk(): Promise<string[]> {
    const out: string[] = [];
    const seen = new Set<string>();
    const excludes = new Set<string>(DEFAULT_WALK_EXCLUDES);
    const visit = async (dir: string, depth: number): Promise<void> => {
      let real: string;
      try {
        real = await realpath(dir);
      } catch {
        return; // vanished while walking: nothing to list
      }
      if (seen.has(real) || depth > this.maxDepth) return;
      seen.add(real);
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if (dir === this.root) throw new InputError(`cannot read folder ${dir}: ${(err as Error).message}`);
        return; // an unreadable sub-folder is skipped; files we need explicitly are reported by their collector
      }
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!excludes.has(e.name)) await visit(full, depth + 1);
        } else if (e.isFile()) {
          out.push(path.relative(this.root, full).split(path.sep).join('/'));
        } else if (e.isSymbolicLink()) {
          try {
            const st = await stat(full);
            if (st.isFile()) out.push(path.relative(this.root, full).split(path.sep).join('/'));
          } catch {
            // a dangling link or a link loop: not a file we can audit
          }
        }
      }
    };
    await visit(this.root, 0);
    return out.sort();
  }
}

/** Reads a file as UTF-8 text with the project's input rules. `shown` is the path used in messages. */
export async function readTextFile(abs: string, shown: string, opts: ReadTextOptions = {}): Promise<string> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let st;
  try {
    st = await lstat(abs);
    if (st.isSymbolicLink()) st = await stat(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'ELOOP' ? 'symbolic link loop' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new InputError(`cannot read ${shown}: ${why}`, { position: { path: shown } });
  }
  if (st.isDirectory()) throw new InputError(`${shown} is a folder, expected a file`, { position: { path: shown } });
  if (st.size > maxBytes) {
    throw new InputError(`${shown} is ${st.size} bytes, over the ${maxBytes}-byte limit for this kind of file`, {
      position: { path: shown },
      hint: 'point the tool at the right file, or exclude this one',
    });
  }
  let buf: Buffer;
  const fh = await open(abs, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read ${shown}: ${err.code === 'EACCES' ? 'permission denied' : err.message}`, { position: { path: shown } });
  });
  try {
    buf = await fh.readFile();
  } finally {
    await fh.close();
  }
  return decodeText(buf, shown);
}

/** UTF-8 decode that refuses binary content and invalid byte sequences, and drops a byte-order mark. */
export function decodeText(buf: Buffer, shown: string): string {
  if (buf.subarray(0, 8192).includes(0)) {
    throw new InputError(`${shown} looks binary (it contains NUL bytes), expected a text file`, { position: { path: shown } });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(`${shown} is not valid UTF-8`, { position: { path: shown }, hint: 'save the file as UTF-8' });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
