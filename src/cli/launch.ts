/**
 * Starts the bundled CLI (dist/bundle/main.cjs) with a V8 code cache, so that a run after the first
 * skips most of the compiling of the bundle: Node 20 has no compile cache for ES modules
 * (module.enableCompileCache arrived in Node 22), so the bundle is one CommonJS script compiled
 * through vm.Script with `cachedData`.
 *
 * The build ships a cache made with its own Node beside the bundle (trainCodeCache); it fits users on
 * the same Node version, so their first run is fast too. Otherwise the cache lives in the user's cache
 * folder. A cache holds compiled code only (never run-time data); the user's lives in
 * `$APPWRITE_SECOPS_CACHE_DIR`, else `$XDG_CACHE_HOME/appwrite-secops` (`~/.cache/…`, `~/Library/Caches/…`
 * on macOS, `%LOCALAPPDATA%\…` on Windows). It is written only into a folder private to the user and read
 * only from a file the user owns that nobody else may write. Its name carries a SHA-256 of the bundle's
 * bytes, the Node version, the architecture and Node's flags: V8's own check of a cache looks at the
 * source's length only, so a rebuilt bundle must never meet the cache of the previous one. V8 still
 * refuses a cache from another V8 build; the CLI then compiles as usual and replaces the file.
 * `APPWRITE_SECOPS_NO_CODE_CACHE=1` turns it off. No failure here ever stops the CLI.
 *
 * On a CI runner (`CI` set) the cache is read but not written unless APPWRITE_SECOPS_CACHE_DIR names a
 * folder: a runner usually starts empty and is thrown away, so writing would only cost each job time.
 */
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

export interface LaunchReport {
  /** The cache file used or written; undefined when caching is off or no cache folder is known. */
  cacheFile?: string;
  /**
   * `hit`: compiled from the user's cache; `shipped`: from the cache the build shipped; `miss`: neither
   * was there or fitted; `rejected`: V8 refused the user's cache; `off`.
   */
  cache: 'hit' | 'shipped' | 'miss' | 'rejected' | 'off';
  /** A new cache was written after the run. */
  wrote: boolean;
}

type BundleMain = (argv: string[]) => Promise<number>;

/** Whether a run may write a new cache: not on a CI runner, unless the cache folder was chosen on purpose. */
export function mayWriteCodeCache(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return !ci || !!env.APPWRITE_SECOPS_CACHE_DIR;
}

/** The folder for the code cache, or undefined when caching is off. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.APPWRITE_SECOPS_NO_CODE_CACHE && env.APPWRITE_SECOPS_NO_CODE_CACHE !== '0') return undefined;
  if (env.APPWRITE_SECOPS_CACHE_DIR) return path.resolve(env.APPWRITE_SECOPS_CACHE_DIR);
  if (platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'appwrite-secops') : undefined;
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'appwrite-secops');
  const home = env.HOME || os.homedir();
  if (!home) return undefined;
  return platform === 'darwin' ? path.join(home, 'Library', 'Caches', 'appwrite-secops') : path.join(home, '.cache', 'appwrite-secops');
}

/** The bundle's identity: a SHA-256 of its bytes (see the module comment for why not less). */
function bundleDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One cache file per bundle content and Node build. */
function cacheFileFor(dir: string, digest: string): string {
  const key = createHash('sha256').update(`${digest}\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}`).digest('hex').slice(0, 32);
  return path.join(dir, `code-${key}.v8`);
}

/** The file only when it is a regular file of this user that no one else may write (POSIX). */
function readPrivateFile(file: string): Buffer | undefined {
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return undefined;
    const uid = process.getuid?.();
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes atomically into a folder private to this user; gives up quietly on any problem. */
function writePrivateFile(file: string, data: Buffer): boolean {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    const uid = process.getuid?.();
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return false;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
    pruneOldCaches(dir, file);
    return true;
  } catch {
    return false;
  }
}

/** Caches kept besides the current one: other installs and Node versions; older ones are upgrades' leftovers. */
export const KEEP_OTHER_CACHES = 3;

/** Deletes all but the newest few other cache files, so that upgrades do not pile up megabytes. */
function pruneOldCaches(dir: string, current: string): void {
  const others = readdirSync(dir)
    .filter((f) => /^code-[0-9a-f]{32}\.v8$/.test(f) && path.join(dir, f) !== current)
    .map((f) => ({ f, mtime: statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { f } of others.slice(KEEP_OTHER_CACHES)) unlinkSync(path.join(dir, f));
}

/** The name of the cache the build ships beside a bundle, for exactly these bytes (see trainCodeCache). */
export function shippedCacheFile(bundle: string, digest: string): string {
  return path.join(path.dirname(bundle), `${path.basename(bundle, '.cjs')}-${digest.slice(0, 32)}.v8`);
}

export interface LoadedBundle {
  main: BundleMain;
  script: vm.Script;
  /** Whether V8 took the cached data it was given (false when none was given). */
  cacheAccepted: boolean;
}

/** Compiles the CommonJS bundle (with `cachedData` when given), runs its top level and returns its main(). */
export function loadBundle(bundle: string, bytes: Buffer, cachedData?: Buffer): LoadedBundle {
  const wrapper = `(function (exports, require, module, __filename, __dirname, __secopsImportMetaUrl) {${bytes.toString('utf8')}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const mod: { exports: { main?: BundleMain } } = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle), pathToFileURL(bundle).href);
  const main = mod.exports.main;
  if (typeof main !== 'function') throw new Error(`${bundle} does not export main()`);
  return { main, script, cacheAccepted: !!cachedData && !script.cachedDataRejected };
}

/**
 * Compiles and runs the CommonJS bundle at `bundle` (an absolute path), calls its `main(argv)` and
 * returns the exit code with what happened to the cache. The user's cache is tried first (it exists only
 * where the shipped one did not fit), then the one the build shipped beside the bundle (made with the
 * build's Node: it fits a user on the same Node version). A new cache is written after `main` settles,
 * so that it holds the functions the run compiled too.
 */
export async function launch(bundle: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; report: LaunchReport }> {
  const bytes = readFileSync(bundle);
  const dir = codeCacheDir(env);
  const digest = dir ? bundleDigest(bytes) : '';
  const cacheFile = dir ? cacheFileFor(dir, digest) : undefined;
  const own = cacheFile ? readPrivateFile(cacheFile) : undefined;
  const shipped = cacheFile && !own ? readShippedFile(shippedCacheFile(bundle, digest)) : undefined;
  const { main, script, cacheAccepted } = loadBundle(bundle, bytes, own ?? shipped);
  const report: LaunchReport = {
    ...(cacheFile ? { cacheFile } : {}),
    cache: !cacheFile ? 'off' : own ? (cacheAccepted ? 'hit' : 'rejected') : shipped && cacheAccepted ? 'shipped' : 'miss',
    wrote: false,
  };
  try {
    return { code: await main(argv), report };
  } finally {
    if (cacheFile && (report.cache === 'miss' || report.cache === 'rejected') && mayWriteCodeCache(env)) report.wrote = writePrivateFile(cacheFile, script.createCachedData());
  }
}

/** The shipped cache is part of the installed package: as trusted as the bundle beside it. */
function readShippedFile(file: string): Buffer | undefined {
  try {
    return lstatSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For the build: runs the bundle's main() on a few typical command lines in this process, quietly, and
 * writes the code cache of everything they compiled beside the bundle (shippedCacheFile). Old shipped
 * caches of other bundle bytes are removed.
 */
export async function trainCodeCache(bundle: string, runs: string[][], cwd: string): Promise<string> {
  const bytes = readFileSync(bundle);
  const { main, script } = loadBundle(bundle, bytes);
  const sink = { write: () => true, isTTY: false };
  for (const args of runs) await (main as unknown as (argv: string[], io: unknown) => Promise<number>)(['node', 'appwrite-secops', ...args], { stdout: sink, stderr: sink, env: { NO_COLOR: '1' }, cwd });
  const file = shippedCacheFile(bundle, bundleDigest(bytes));
  for (const f of readdirSync(path.dirname(file))) if (/^.+-[0-9a-f]{32}\.v8$/.test(f) && path.join(path.dirname(file), f) !== file) unlinkSync(path.join(path.dirname(file), f));
  writeFileSync(file, script.createCachedData());
  return file;
}
