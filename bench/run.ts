import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './types.js';

/**
 * `npm run bench [name-filter]`: runs every bench/*.bench.ts and prints each result as a ratio against
 * its named baseline. Targets are reported, not asserted: timing belongs here, not in unit tests.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
const all: BenchResult[] = [];
for (const f of files) {
  process.stderr.write(`running ${f} …\n`);
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default: Bench };
  const results = await mod.default();
  for (const r of results) {
    all.push(r);
    const verdict = r.target === undefined ? '' : r.ratio <= r.target ? `  (target <= ${r.target}x: met)` : `  (target <= ${r.target}x: MISSED)`;
    process.stdout.write(
      `${r.name}: ${fmt(r.subjectValue)} ${r.unit} vs ${r.baseline}: ${fmt(r.baselineValue)} ${r.unit} -> ratio ${r.ratio.toFixed(2)}x${verdict}${r.notes ? `\n    ${r.notes}` : ''}\n`,
    );
  }
}
if (process.env.BENCH_JSON) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(process.env.BENCH_JSON, JSON.stringify(all, null, 2));
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(2);
}
