import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { InputError } from '../core/errors.js';
import { matchesAny } from '../core/glob.js';
import type { SkippedInput } from './types.js';

/** Folders never scanned: tools' own state and installed dependencies. */
export const ALWAYS_SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', 'bower_components', '.appwrite-secops', '__pycache__', '.venv']);

/** Built client output: scanned even when .gitignore excludes it, because it is what ships to browsers. */
export const DEFAULT_BUNDLE_DIRS = ['dist', 'build', '.next/static', '.output/public'] as const;

/** Files whose content cannot hold a text secret worth a regex (or that we cannot decode). */
const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif webp avif ico bmp tif tiff psd ai pdf zip gz tgz bz2 xz zst 7z rar jar war ear class so dll dylib exe bin o a lib ' +
    'woff woff2 ttf otf eot mp3 mp4 m4a mov avi mkv webm wav flac ogg sqlite sqlite3 db wasm pyc pyo node'
  ).split(' '),
);

export interface WalkOptions {
  root: string;
  /** Globs relative to the root (picomatch, dot files included). */
  exclude: readonly string[];
  bundleDirs?: readonly string[];
  gitignore?: boolean;
  maxDepth?: number;
  onSkip?: (s: SkippedInput) => void;
}

export interface WalkEntry {
  abs: string;
  /** Root-relative, forward slashes. */
  rel: string;
  inBundle: boolean;
}

interface IgnoreLevel {
  base: string;
  ig: Ignore;
}

/**
 * Yields every file to scan, one folder at a time (no whole-tree listing is held). Honours nested
 * .gitignore files and .git/info/exclude like git does, except inside built-output folders.
 */
export async function* walkTree(opts: WalkOptions): AsyncGenerator<WalkEntry> {
  const root = path.resolve(opts.root);
  const bundleDirs = opts.bundleDirs ?? DEFAULT_BUNDLE_DIRS;
  const useGitignore = opts.gitignore ?? true;
  const maxDepth = opts.maxDepth ?? 40;
  const rootLevels: IgnoreLevel[] = [];
  if (useGitignore) {
    const info = await readIgnoreFile(path.join(root, '.git', 'info', 'exclude'));
    if (info) rootLevels.push({ base: '', ig: info });
  }
  // An explicit stack instead of recursion: deep trees cannot overflow, and memory is one path per level.
  const stack: Array<{ rel: string; depth: number; levels: IgnoreLevel[]; inBundle: boolean; only?: readonly string[] }> = [
    { rel: '', depth: 0, levels: rootLevels, inBundle: isBundleRoot('', bundleDirs) },
  ];
  let first = true;
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const absDir = dir.rel ? path.join(root, dir.rel) : root;
    let entries;
    try {
      entries = await readdir(absDir, { withFileTypes: true });
    } catch (err) {
      if (first) throw new InputError(`cannot read folder ${root}: ${(err as Error).message}`, { hint: 'pass a readable folder' });
      opts.onSkip?.({ path: dir.rel, reason: `unreadable folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      continue;
    }
    first = false;
    let levels = dir.levels;
    if (useGitignore && !dir.inBundle && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const ig = await readIgnoreFile(path.join(absDir, '.gitignore'));
      if (ig) levels = [...levels, { base: dir.rel, ig }];
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const files: WalkEntry[] = [];
    for (const e of entries) {
      if (dir.only && !dir.only.includes(e.name)) continue;
      const rel = dir.rel ? `${dir.rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(e.name) || dir.depth + 1 > maxDepth) continue;
        if (matchesAny(opts.exclude, rel) || matchesAny(opts.exclude, `${rel}/`)) continue;
        const bundle = dir.inBundle || isBundleRoot(rel, bundleDirs);
        if (bundle || !isIgnored(levels, rel, true)) {
          stack.push({ rel, depth: dir.depth + 1, levels, inBundle: bundle });
          continue;
        }
        // An ignored folder (.next, .output) may still hold a bundle root deeper down: walk only toward it.
        const toward = bundleDirs.filter((b) => b.includes('/') && (`/${rel}/`.endsWith(`/${b.split('/')[0]}/`)));
        if (toward.length) stack.push({ rel, depth: dir.depth + 1, levels, inBundle: false, only: toward.map((b) => b.split('/')[1]!) });
      } else if (e.isFile()) {
        if (dir.only) continue;
        if (matchesAny(opts.exclude, rel)) continue;
        if (!dir.inBundle && isIgnored(levels, rel, false)) continue;
        const ext = path.extname(e.name).slice(1).toLowerCase();
        if (BINARY_EXTENSIONS.has(ext)) continue;
        files.push({ abs: path.join(absDir, e.name), rel, inBundle: dir.inBundle });
      }
      // Symbolic links are not followed: git stores them as links, and they may point outside the tree.
    }
    for (let i = files.length - 1; i >= 0; i--) yield files[i]!;
  }
}

export function isBundleRoot(rel: string, bundleDirs: readonly string[]): boolean {
  if (!rel) return false;
  return bundleDirs.some((b) => rel === b || rel.endsWith(`/${b}`));
}

/** True when `rel` is inside one of the bundle folders. */
export function isBundlePath(rel: string, bundleDirs: readonly string[] = DEFAULT_BUNDLE_DIRS): boolean {
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) if (isBundleRoot(parts.slice(0, i).join('/'), bundleDirs)) return true;
  return false;
}

function isIgnored(levels: readonly IgnoreLevel[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, ig } of levels) {
    const sub = base ? rel.slice(base.length + 1) : rel;
    const r = ig.test(isDir ? `${sub}/` : sub);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

async function readIgnoreFile(file: string): Promise<Ignore | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    return ignore().add(await readFile(file, 'utf8'));
  } catch (err) {
    // An unreadable .gitignore means we scan more, never less: safe, so only the code path matters.
    if ((err as NodeJS.ErrnoException).code === 'EACCES' || (err as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
    throw err;
  }
}

/** True when `dir` is inside a git work tree (a `.git` folder or file in it or a parent). */
export function inGitWorkTree(dir: string): boolean {
  let d = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(d, '.git'))) return true;
    const parent = path.dirname(d);
    if (parent === d) return false;
    d = parent;
  }
}
