import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time; `before` runs ahead of each timed run, outside the timing. */
function timeCommand(args: string[], env: NodeJS.ProcessEnv = process.env, before?: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    before?.();
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
    if (i >= 2) times.push(ms); // two warm-up runs fill the OS file cache (and the code cache)
  }
  return median(times);
}

/** Runs `fn` with the build's shipped code cache moved aside, as a user on another Node version meets it. */
function withoutShippedCache<T>(fn: () => T): T {
  const dir = `${root}dist/bundle/`;
  const shipped = readdirSync(dir).filter((f) => /^main-[0-9a-f]{32}\.v8$/.test(f));
  for (const f of shipped) renameSync(dir + f, `${dir + f}.aside`);
  try {
    return fn();
  } finally {
    for (const f of shipped) renameSync(`${dir + f}.aside`, dir + f);
  }
}

/**
 * Wall time of a whole CLI audit on the examples, against a bare Node.js process (target: at most 4x),
 * every way a user meets it: with the V8 code cache of an earlier run, on a first run with the same Node
 * as the build (the shipped cache), on a first run with another Node (compiles and fills the user's
 * cache), and with the cache turned off.
 */
export default async function (): Promise<BenchResult[]> {
  if (!existsSync(`${root}dist/bundle/main.cjs`)) throw new Error('run `npm run build` first');
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'secops-bench-cache-'));
  const env = { ...process.env, APPWRITE_SECOPS_CACHE_DIR: cacheDir };
  const emptyCache = () => rmSync(cacheDir, { recursive: true, force: true });
  try {
    const bare = timeCommand(['-e', '0']);
    const results: BenchResult[] = [];
    for (const example of ['examples/selfhosted-insecure', 'examples/selfhosted-hardened']) {
      const args = ['bin/appwrite-secops.js', 'audit', example, '--format', 'json'];
      const warm = timeCommand(args, env);
      results.push({ name: `audit ${example}, code cache warm (median of ${RUNS})`, baseline: 'node -e 0', subjectValue: warm, baselineValue: bare, unit: 'ms', ratio: warm / bare, target: 4 });
      const first = timeCommand(args, env, emptyCache);
      results.push({ name: `audit ${example}, first run, same Node as the build (shipped cache) (median of ${RUNS})`, baseline: 'node -e 0', subjectValue: first, baselineValue: bare, unit: 'ms', ratio: first / bare, target: 4 });
      const other = withoutShippedCache(() => timeCommand(args, env, emptyCache));
      results.push({ name: `audit ${example}, first run, another Node (compiles, fills the user cache) (median of ${RUNS})`, baseline: 'node -e 0', subjectValue: other, baselineValue: bare, unit: 'ms', ratio: other / bare, target: 4 });
      const none = timeCommand(args, { ...process.env, APPWRITE_SECOPS_NO_CODE_CACHE: '1' });
      results.push({ name: `audit ${example}, code cache off (median of ${RUNS})`, baseline: 'node -e 0', subjectValue: none, baselineValue: bare, unit: 'ms', ratio: none / bare, target: 4 });
    }
    const help = timeCommand(['bin/appwrite-secops.js', '--help'], env);
    results.push({ name: 'appwrite-secops --help (start-up, code cache warm)', baseline: 'node -e 0', subjectValue: help, baselineValue: bare, unit: 'ms', ratio: help / bare });
    return results;
  } finally {
    emptyCache();
  }
}
