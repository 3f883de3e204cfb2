/**
 * Starts the bundled CLI (dist/bundle/main.cjs) with a V8 code cache, so that a run after the first
 * skips most of the compiling of the bundle: Node 20 has no compile cache for ES modules
 * (module.enableCompileCache arrived in Node 22), so the bundle is one CommonJS script compiled
 * through vm.Script with `cachedData`.
 *
 * The cache holds compiled code only (never run-time data) and lives in the user's cache folder:
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
  /** `hit`: compiled from the cache; `miss`: no usable cache; `rejected`: V8 refused it; `off`. */
  cache: 'hit' | 'miss' | 'rejected' | 'off';
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

/** One cache file per bundle content and Node build (see the module comment for why the content). */
function cacheFileFor(dir: string, bytes: Buffer): string {
  const key = createHash('sha256').update(bytes).update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}`).digest('hex').slice(0, 32);
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

/**
 * Compiles and runs the CommonJS bundle at `bundle` (an absolute path), calls its `main(argv)` and
 * returns the exit code with what happened to the cache. The cache is written after `main` settles,
 * so that it holds the functions the run compiled too.
 */
export async function launch(bundle: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; report: LaunchReport }> {
  const bytes = readFileSync(bundle);
  const source = bytes.toString('utf8');
  const dir = codeCacheDir(env);
  const cacheFile = dir ? cacheFileFor(dir, bytes) : undefined;
  const cachedData = cacheFile ? readPrivateFile(cacheFile) : undefined;
  const wrapper = `(function (exports, require, module, __filename, __dirname, __secopsImportMetaUrl) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const report: LaunchReport = {
    ...(cacheFile ? { cacheFile } : {}),
    cache: !cacheFile ? 'off' : !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit',
    wrote: false,
  };
  const mod: { exports: { main?: BundleMain } } = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle), pathToFileURL(bundle).href);
  const main = mod.exports.main;
  if (typeof main !== 'function') throw new Error(`${bundle} does not export main()`);
  try {
    return { code: await main(argv), report };
  } finally {
    if (cacheFile && report.cache !== 'hit' && mayWriteCodeCache(env)) report.wrote = writePrivateFile(cacheFile, script.createCachedData());
  }
}
