import { parseProjectFile } from '../src/collectors/appwrite-config/parse.js';
import { permissionsChecks } from '../src/checks/permissions/index.js';
import { defaultConfig } from '../src/core/config.js';
import { Redactor } from '../src/core/redact.js';
import { runChecks } from '../src/core/runner.js';
import { buildMatrix } from '../src/permissions/matrix.js';
import type { BenchResult } from './types.js';

const RUNS = 15;
const COLLECTIONS = 2000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * A project file shaped like a big real one: 2,000 collections with 10 attributes and an index each, most
 * with sane grants and one in ten with a mistake (public writes, every user updating every document,
 * personal data readable by anyone, hard-coded users, unset document security).
 */
export function generateProject(n = COLLECTIONS): string {
  const mistakes = [['write("any")'], ['update("users")', 'delete("users")'], ['read("guests")'], ['write("user:65f0c2a1b2c3d4e5f6a7")'], ['read("team:staff")']];
  const collections = Array.from({ length: n }, (_, i) => {
    const bad = i % 10 === 0 ? mistakes[(i / 10) % mistakes.length]! : [];
    return {
      $id: `collection_${i}`,
      $permissions: ['read("users")', 'create("users")', 'update("team:staff/admin")', 'delete("team:staff/admin")', ...bad],
      databaseId: `db_${i % 10}`,
      name: i % 17 === 0 ? `Customer profiles ${i}` : `Collection ${i}`,
      enabled: true,
      ...(i % 25 === 0 ? {} : { documentSecurity: true }),
      attributes: Array.from({ length: 10 }, (_, j) => ({ key: j === 3 && i % 10 === 0 ? 'email' : `field_${j}`, type: 'string', required: false, array: false, size: 255, default: null })),
      indexes: [{ key: 'by_field_0', type: 'key', status: 'available', attributes: ['field_0'], orders: ['ASC'] }],
    };
  });
  return JSON.stringify({ projectId: 'bench', databases: Array.from({ length: 10 }, (_, i) => ({ $id: `db_${i}`, name: `DB ${i}`, enabled: true })), collections }, null, 4);
}

async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * Two measurements against JSON.parse of the same text: the permission analysis `permissions` runs
 * (parse with positions + access matrix; the issue's 5x target), and what `audit` adds for this area
 * (the 7 permissions/* checks through the runner, which fingerprints and formats every finding).
 */
export default async function (): Promise<BenchResult[]> {
  const text = generateProject();
  const config = defaultConfig();
  const base: number[] = [];
  const matrixTimes: number[] = [];
  const auditTimes: number[] = [];
  let entries = 0;
  let findings = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const b = await timeIt(() => JSON.parse(text));
    const m = await timeIt(async () => {
      const parsed = await parseProjectFile(text, { path: 'appwrite.json' });
      entries = buildMatrix([parsed.project]).entries.length;
    });
    const a = await timeIt(async () => {
      const parsed = await parseProjectFile(text, { path: 'appwrite.json' });
      const facts = { projects: [parsed.project], problems: parsed.problems, failures: [] };
      const out = await runChecks(permissionsChecks, { states: new Map([['appwrite-project', { state: 'ok' as const, value: facts }]]) }, { config, now: new Date(), redactor: new Redactor() });
      findings = out.filter((f) => f.status === 'fail').length;
    });
    if (i >= 2) {
      base.push(b);
      matrixTimes.push(m);
      auditTimes.push(a);
    }
  }
  const size = `${(text.length / 1024 / 1024).toFixed(1)} MiB`;
  const jp = median(base);
  return [
    {
      name: `permission analysis of ${COLLECTIONS} collections (${size}; parse with positions + access matrix of ${entries} grants; median of ${RUNS})`,
      baseline: 'JSON.parse of the same file',
      subjectValue: median(matrixTimes),
      baselineValue: jp,
      unit: 'ms',
      ratio: median(matrixTimes) / jp,
      target: 5,
    },
    {
      name: `audit of the same file: parse + the 7 permissions/* checks through the runner (${findings} findings; median of ${RUNS})`,
      baseline: 'JSON.parse of the same file',
      subjectValue: median(auditTimes),
      baselineValue: jp,
      unit: 'ms',
      ratio: median(auditTimes) / jp,
      notes: 'no target in the issue; shown so a regression in the checks is visible',
    },
  ];
}
