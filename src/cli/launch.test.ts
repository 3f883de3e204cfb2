import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCacheDir, KEEP_OTHER_CACHES, launch, mayWriteCodeCache, trainCodeCache, type LaunchReport } from './launch.js';

/**
 * launch() in a fresh process: V8 keeps compiled scripts in memory per process and would hand the test
 * process its earlier compile instead of looking at the cached data, which is what these tests are about.
 */
function launchInChild(file: string, argv: string[], env: NodeJS.ProcessEnv): { code: number; report: LaunchReport } {
  const launchTs = new URL('./launch.ts', import.meta.url).href;
  // The same code every time (the cache key includes Node's own arguments); the parameters go by environment.
  const code = `const { launch } = await import(${JSON.stringify(launchTs)}); const p = JSON.parse(process.env.LAUNCH_PARAMS); process.stdout.write(JSON.stringify(await launch(p.file, p.argv, p.env)));`;
  const params = JSON.stringify({ file, argv, env });
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, LAUNCH_PARAMS: params } })) as { code: number; report: LaunchReport };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'secops-launch-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in for dist/bundle/main.cjs: CommonJS, exports main(argv), uses require and the file URL it is given. */
async function bundle(name: string, body = 'return argv.length;'): Promise<string> {
  const file = path.join(dir, name, 'main.cjs');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `const path = require('node:path');\nexports.main = async (argv) => { globalThis.__launchSeen = { url: __secopsImportMetaUrl, base: path.basename(__filename) }; ${body} };\n`,
  );
  return file;
}

describe('launch', () => {
  it('runs the bundle with require, its file name and its file URL', async () => {
    const file = await bundle('inproc');
    const r = await launch(file, ['node', 'x', 'a', 'b'], { APPWRITE_SECOPS_NO_CODE_CACHE: '1' });
    expect(r).toEqual({ code: 4, report: { cache: 'off', wrote: false } });
    expect((globalThis as { __launchSeen?: unknown }).__launchSeen).toEqual({ url: `file://${file}`, base: 'main.cjs' });
  });

  it('writes a private cache on the first run and compiles from it on the next', async () => {
    const file = await bundle('first');
    const cacheDir = path.join(dir, 'cache-first');
    const env = { APPWRITE_SECOPS_CACHE_DIR: cacheDir };
    const one = launchInChild(file, ['node', 'x', 'a', 'b'], env);
    expect(one.code).toBe(4);
    expect(one.report).toMatchObject({ cache: 'miss', wrote: true });
    const files = await readdir(cacheDir);
    expect(files).toEqual([path.basename(one.report.cacheFile!)]);
    if (process.platform !== 'win32') {
      expect((await stat(cacheDir)).mode & 0o777).toBe(0o700);
      expect((await stat(path.join(cacheDir, files[0]!))).mode & 0o777).toBe(0o600);
    }
    const two = launchInChild(file, ['node', 'x'], env);
    expect(two).toEqual({ code: 2, report: { cacheFile: one.report.cacheFile, cache: 'hit', wrote: false } });
  });

  it('never meets a rebuilt bundle with the old cache, even one of the same length', async () => {
    const file = await bundle('rebuilt', 'return 1;');
    const env = { APPWRITE_SECOPS_CACHE_DIR: path.join(dir, 'cache-rebuilt') };
    const before = await launch(file, [], env);
    await writeFile(file, (await import('node:fs')).readFileSync(file, 'utf8').replace('return 1;', 'return 7;'));
    const after = await launch(file, [], env);
    expect(after.code).toBe(7);
    expect(after.report.cacheFile).not.toBe(before.report.cacheFile);
    expect(after.report).toMatchObject({ cache: 'miss', wrote: true });
  });

  it.runIf(process.platform !== 'win32' && process.getuid?.() !== undefined)('ignores a cache file others may write, and does not write into a folder others may write', async () => {
    const file = await bundle('perms');
    const cacheDir = path.join(dir, 'cache-perms');
    const env = { APPWRITE_SECOPS_CACHE_DIR: cacheDir };
    const first = await launch(file, [], env);
    await chmod(first.report.cacheFile!, 0o666);
    expect((await launch(file, [], env)).report).toMatchObject({ cache: 'miss' });
    const open = path.join(dir, 'cache-open');
    await mkdir(open, { mode: 0o777 });
    await chmod(open, 0o777);
    const r = await launch(file, [], { APPWRITE_SECOPS_CACHE_DIR: open });
    expect(r.report).toMatchObject({ cache: 'miss', wrote: false });
    expect(await readdir(open)).toEqual([]);
  });

  it('starts from the cache the build shipped beside the bundle, and makes its own only when that one does not fit', async () => {
    const file = await bundle('shipped', 'return argv.length + 100;');
    const shipped = await trainCodeCache(file, [['a'], ['b', 'c']], dir);
    expect(path.dirname(shipped)).toBe(path.dirname(file));
    expect(path.basename(shipped)).toMatch(/^main-[0-9a-f]{32}\.v8$/);
    const env = { APPWRITE_SECOPS_CACHE_DIR: path.join(dir, 'cache-shipped') };
    const first = launchInChild(file, ['x'], env);
    expect(first).toMatchObject({ code: 101, report: { cache: 'shipped', wrote: false } });
    await expect(readdir(path.join(dir, 'cache-shipped'))).rejects.toThrow();
    // A shipped cache that does not fit (another Node build; here: damaged) is refused by V8: the run
    // compiles as usual and writes the user's own cache, which the next run uses first.
    await writeFile(shipped, Buffer.alloc(4096, 7));
    expect(launchInChild(file, [], env).report).toMatchObject({ cache: 'miss', wrote: true });
    expect(launchInChild(file, [], env).report).toMatchObject({ cache: 'hit', wrote: false });
    // And a damaged cache of the user's own is refused and replaced.
    const own = (await readdir(path.join(dir, 'cache-shipped')))[0]!;
    await writeFile(path.join(dir, 'cache-shipped', own), Buffer.alloc(4096, 7), { mode: 0o600 });
    expect(launchInChild(file, [], env).report).toMatchObject({ cache: 'rejected', wrote: true });
    expect(launchInChild(file, [], env).report).toMatchObject({ cache: 'hit', wrote: false });
  });

  it('removes shipped caches of earlier bundle bytes when it trains a new one', async () => {
    const file = await bundle('retrain', 'return 1;');
    const before = await trainCodeCache(file, [[]], dir);
    await writeFile(file, (await import('node:fs')).readFileSync(file, 'utf8').replace('return 1;', 'return 2;'));
    const after = await trainCodeCache(file, [[]], dir);
    expect(after).not.toBe(before);
    expect((await readdir(path.dirname(file))).filter((f) => f.endsWith('.v8'))).toEqual([path.basename(after)]);
  });

  it('keeps only the newest few caches of other bundles when it writes one (upgrades leave no pile)', async () => {
    const cacheDir = path.join(dir, 'cache-prune');
    await mkdir(cacheDir, { recursive: true, mode: 0o700 });
    const old = Array.from({ length: 6 }, (_, i) => `code-${String(i).repeat(32)}.v8`);
    for (const [i, f] of old.entries()) {
      await writeFile(path.join(cacheDir, f), 'x', { mode: 0o600 });
      await utimes(path.join(cacheDir, f), 1_700_000_000 + i, 1_700_000_000 + i);
    }
    await writeFile(path.join(cacheDir, 'notes.txt'), 'not ours');
    const r = await launch(await bundle('prune'), [], { APPWRITE_SECOPS_CACHE_DIR: cacheDir });
    const left = (await readdir(cacheDir)).sort();
    expect(left).toEqual([...old.slice(-KEEP_OTHER_CACHES), path.basename(r.report.cacheFile!), 'notes.txt'].sort());
  });

  it('runs without a cache when it is turned off or cannot be written', async () => {
    const file = await bundle('off');
    expect((await launch(file, [], { APPWRITE_SECOPS_NO_CODE_CACHE: '1', APPWRITE_SECOPS_CACHE_DIR: path.join(dir, 'never') })).report).toEqual({ cache: 'off', wrote: false });
    await expect(readdir(path.join(dir, 'never'))).rejects.toThrow();
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const r = await launch(file, ['node', 'x'], { APPWRITE_SECOPS_CACHE_DIR: path.join(blocker, 'sub') });
    expect(r).toMatchObject({ code: 2, report: { cache: 'miss', wrote: false } });
  });

  it('still writes the cache when main rejects, and passes the rejection on', async () => {
    const file = await bundle('throws', "throw new Error('boom');");
    const env = { APPWRITE_SECOPS_CACHE_DIR: path.join(dir, 'cache-throws') };
    await expect(launch(file, [], env)).rejects.toThrow('boom');
    expect(await readdir(path.join(dir, 'cache-throws'))).toHaveLength(1);
  });

  it('refuses a bundle without main()', async () => {
    const file = path.join(dir, 'nomain.cjs');
    await writeFile(file, 'exports.other = 1;\n');
    await expect(launch(file, [], { APPWRITE_SECOPS_NO_CODE_CACHE: '1' })).rejects.toThrow(/does not export main/);
  });
});

describe('codeCacheDir', () => {
  it.each<[string, NodeJS.ProcessEnv, NodeJS.Platform, string | undefined]>([
    ['the explicit folder first', { APPWRITE_SECOPS_CACHE_DIR: '/tmp/c', XDG_CACHE_HOME: '/x', HOME: '/h' }, 'linux', '/tmp/c'],
    ['off wins over everything', { APPWRITE_SECOPS_NO_CODE_CACHE: '1', APPWRITE_SECOPS_CACHE_DIR: '/tmp/c' }, 'linux', undefined],
    ['NO_CODE_CACHE=0 leaves it on', { APPWRITE_SECOPS_NO_CODE_CACHE: '0', HOME: '/h' }, 'linux', '/h/.cache/appwrite-secops'],
    ['XDG_CACHE_HOME on Linux', { XDG_CACHE_HOME: '/x', HOME: '/h' }, 'linux', '/x/appwrite-secops'],
    ['a relative XDG_CACHE_HOME is ignored, as the spec says', { XDG_CACHE_HOME: 'rel', HOME: '/h' }, 'linux', '/h/.cache/appwrite-secops'],
    ['~/Library/Caches on macOS', { HOME: '/Users/u' }, 'darwin', '/Users/u/Library/Caches/appwrite-secops'],
    ['LOCALAPPDATA on Windows', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', path.join('C:\\Users\\u\\AppData\\Local', 'appwrite-secops')],
    ['no LOCALAPPDATA on Windows: off', {}, 'win32', undefined],
  ])('%s', (_, env, platform, want) => {
    expect(codeCacheDir(env, platform)).toBe(want);
  });
});

describe('mayWriteCodeCache', () => {
  it.each<[NodeJS.ProcessEnv, boolean]>([
    [{}, true],
    [{ CI: 'true' }, false],
    [{ CI: '1' }, false],
    [{ CI: 'false' }, true],
    [{ CI: '0' }, true],
    [{ CI: '' }, true],
    [{ CI: 'true', APPWRITE_SECOPS_CACHE_DIR: '/cache/kept/between/jobs' }, true],
  ])('%j -> %s', (env, want) => {
    expect(mayWriteCodeCache(env)).toBe(want);
  });

  it('reads but does not write a cache on a CI runner', async () => {
    const file = await bundle('ci');
    const home = path.join(dir, 'ci-home');
    const r = await launch(file, [], { CI: 'true', HOME: home, XDG_CACHE_HOME: '' });
    expect(r.report).toMatchObject({ cache: 'miss', wrote: false });
    await expect(readdir(path.join(home, '.cache'))).rejects.toThrow();
  });
});
