import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Finding } from '../src/core/finding.js';
import { fingerprintOf } from '../src/core/fingerprint.js';
import { SEVERITIES } from '../src/core/severity.js';
import { RECORD_BATCH } from '../src/store/audit-run.js';
import { openStore } from '../src/store/store.js';
import { createTestDatabase, probePostgres, skipMessage } from '../test/support/postgres.js';
import type { BenchResult } from './types.js';

const N = 100_000;
const BATCH = 5000;
const RUNS = 5;

/** Findings shaped like the runner's, spread over checks and severities, each with evidence. */
function findings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => {
    const checkId = `area${i % 20}/check-${i % 7}`;
    const resourceId = `resource-${i}`;
    return {
      checkId,
      area: checkId.split('/')[0]!,
      title: `Title of ${checkId}`,
      severity: SEVERITIES[i % 5]!,
      status: 'fail',
      message: `${checkId} failed on ${resourceId}: the value is weaker than required`,
      resource: { type: 'env-var', id: resourceId },
      location: { path: `deploy/${i % 50}/.env`, line: (i % 300) + 1 },
      evidence: { value: 'stan…#1a2b3c4d', length: 24 },
      remediation: 'Set a long random value and restart Appwrite.',
      references: ['https://appwrite.io/docs/advanced/self-hosting/production/security'],
      controls: ['hardening.secrets'],
      fingerprint: fingerprintOf({ checkId, resourceType: 'env-var', resourceId, path: `deploy/${i % 50}/.env` }),
    };
  });
}

function best(xs: number[]): number {
  return Math.min(...xs);
}

/** Our store as `audit` drives it: beginRun, recordFindings in RECORD_BATCH batches, finishRun (tracking, digests, evidence). */
async function storeInsert(url: string, data: Finding[]): Promise<number> {
  const store = await openStore(url);
  try {
    const t = performance.now();
    const run = await store.beginRun({ toolVersion: 'bench' });
    for (let i = 0; i < data.length; i += RECORD_BATCH) await store.recordFindings(run.id, data.slice(i, i + RECORD_BATCH));
    await store.finishRun(run.id, { complete: true, durationMs: 0 });
    return performance.now() - t;
  } finally {
    await store.close();
  }
}

/** Bare better-sqlite3: the same columns, one prepared INSERT in one transaction, same pragmas. */
function bareSqlite(file: string, data: Finding[]): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE f (run_id INTEGER, ordinal INTEGER, fingerprint TEXT, check_id TEXT, severity TEXT, status TEXT, finding TEXT, PRIMARY KEY (run_id, ordinal))');
  const ins = db.prepare('INSERT INTO f VALUES (?, ?, ?, ?, ?, ?, ?)');
  const t = performance.now();
  db.transaction(() => {
    data.forEach((f, i) => ins.run(1, i, f.fingerprint, f.checkId, f.severity, f.status, JSON.stringify(f)));
  })();
  const ms = performance.now() - t;
  db.close();
  return ms;
}

/** Bare pg: the same columns, INSERT … SELECT FROM unnest($arrays) in batches, one transaction. */
async function barePostgres(url: string, data: Finding[]): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP TABLE IF EXISTS bare_f; CREATE TABLE bare_f (run_id BIGINT, ordinal INT, fingerprint TEXT, check_id TEXT, severity TEXT, status TEXT, finding TEXT, PRIMARY KEY (run_id, ordinal))');
    const t = performance.now();
    await c.query('BEGIN');
    for (let i = 0; i < data.length; i += BATCH) {
      const b = data.slice(i, i + BATCH);
      await c.query('INSERT INTO bare_f SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])', [
        1,
        b.map((_, j) => i + j),
        b.map((f) => f.fingerprint),
        b.map((f) => f.checkId),
        b.map((f) => f.severity),
        b.map((f) => f.status),
        b.map((f) => JSON.stringify(f)),
      ]);
    }
    await c.query('COMMIT');
    return performance.now() - t;
  } finally {
    await c.end();
  }
}

function result(name: string, baseline: string, ours: number, bare: number, notes: string): BenchResult {
  const subjectValue = N / (ours / 1000);
  const baselineValue = N / (bare / 1000);
  return { name, baseline, subjectValue, baselineValue, unit: 'rows/s', ratio: baselineValue / subjectValue, target: 2, notes };
}

/** 100,000 findings per backend, as rows/s against a bare insert loop with the same driver (best of 3). */
export default async function (): Promise<BenchResult[]> {
  const data = findings(N);
  const out: BenchResult[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secops-bench-store-'));
  try {
    const ours: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      ours.push(await storeInsert(`sqlite:${path.join(dir, `store-${r}.db`)}`, data));
      bare.push(bareSqlite(path.join(dir, `bare-${r}.db`), data));
    }
    out.push(result(`store: ${N} findings into SQLite (best of ${RUNS})`, 'bare better-sqlite3 prepared INSERT in one transaction', best(ours), best(bare), 'subject includes tracking (first/last seen, transitions), findings digest and evidence records'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const probe = await probePostgres();
  if (!probe.available) {
    process.stderr.write(`store bench: ${skipMessage(probe)}\n`);
    return out;
  }
  const db = await createTestDatabase('secops_bench');
  try {
    const ours: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await c.end();
      ours.push(await storeInsert(db.url, data));
      bare.push(await barePostgres(db.url, data));
    }
    out.push(result(`store: ${N} findings into PostgreSQL (best of ${RUNS})`, `bare pg INSERT … unnest() in batches of ${BATCH}`, best(ours), best(bare), 'batched unnest upserts; same tracking and evidence work as SQLite'));
  } finally {
    await db.drop();
  }
  return out;
}
