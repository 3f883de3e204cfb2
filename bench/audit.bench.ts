import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeCommand(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
    if (i >= 2) times.push(ms); // two warm-up runs fill the OS file cache
  }
  return median(times);
}

/** Wall time of a whole CLI audit on the example, against a bare Node.js process (target: at most 4x). */
export default async function (): Promise<BenchResult[]> {
  if (!existsSync(`${root}dist/bundle/main.js`)) throw new Error('run `npm run build` first');
  const bare = timeCommand(['-e', '0']);
  const results: BenchResult[] = [];
  for (const example of ['examples/selfhosted-insecure', 'examples/selfhosted-hardened']) {
    const ours = timeCommand(['bin/appwrite-secops.js', 'audit', example, '--format', 'json']);
    results.push({ name: `audit ${example} (median of ${RUNS})`, baseline: 'node -e 0', subjectValue: ours, baselineValue: bare, unit: 'ms', ratio: ours / bare, target: 4 });
  }
  const help = timeCommand(['bin/appwrite-secops.js', '--help']);
  results.push({ name: 'appwrite-secops --help (start-up)', baseline: 'node -e 0', subjectValue: help, baselineValue: bare, unit: 'ms', ratio: help / bare });
  return results;
}
