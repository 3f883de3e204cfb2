import path from 'node:path';
import type { CollectContext } from '../../core/collector.js';
import { errorMessage, IncompleteError, InputError } from '../../core/errors.js';
import { readTextFile } from '../../core/workspace.js';
import { parseAuditOutput } from '../../deps/audit-output/index.js';
import type { DepsConfig } from '../../deps/config.js';
import { FormatError } from '../../deps/json-text.js';
import type { Advisory, LockfilesFacts, SourceStatus } from '../../deps/model.js';
import { OsvClient } from '../../deps/osv/client.js';
import { loadOfflineDb } from '../../deps/osv/offline.js';
import { parseOsvScannerOutput } from '../../deps/osv-scanner.js';
import { parseVersion } from '../../deps/ranges.js';
import { runPackageManagerAudit } from '../../deps/run-audit.js';
import { plannedSources } from './plan.js';

export { plannedSources };

const MAX_REPORT_BYTES = 256 * 1024 * 1024;

export interface SourceResult {
  advisories: Advisory[];
  status: SourceStatus[];
}

/** Reads a report named on the command line; an unreadable or malformed one is an input error (exit 2). */
async function readReport(ctx: CollectContext, file: string, kind: string): Promise<{ text: string; shown: string }> {
  const abs = path.resolve(file);
  const shown = ctx.workspace.rel(abs);
  const text = await readTextFile(abs, shown, { maxBytes: MAX_REPORT_BYTES });
  ctx.recordInput(kind, shown);
  return { text, shown };
}

function asInputError(err: unknown, shown: string, hint: string): never {
  if (err instanceof FormatError) throw new InputError(err.message, { position: { path: shown, line: err.line, column: err.column }, hint });
  throw err;
}

export async function collectSources(ctx: CollectContext, cfg: DepsConfig, locks: LockfilesFacts, prodOnly: boolean): Promise<SourceResult> {
  const plan = plannedSources(ctx, cfg);
  const advisories: Advisory[] = [];
  const status: SourceStatus[] = [];

  for (const file of plan.auditJson) {
    const { text, shown } = await readReport(ctx, file, 'audit-json');
    let parsed;
    try {
      parsed = parseAuditOutput(text, { origin: shown });
    } catch (err) {
      asInputError(err, shown, 'pass the unmodified output of `npm audit --json`, `pnpm audit --json`, `yarn audit --json`, `yarn npm audit --json` or `bun audit --json`');
    }
    advisories.push(...parsed.advisories);
    status.push({ source: parsed.source, origin: shown, ok: true, advisories: parsed.advisories.length, message: `${parsed.format} format` });
  }

  for (const file of plan.osvScannerJson) {
    const { text, shown } = await readReport(ctx, file, 'osv-scanner-json');
    let list: Advisory[] = [];
    try {
      list = parseOsvScannerOutput(text, shown);
    } catch (err) {
      asInputError(err, shown, 'pass the output of `osv-scanner scan --format json`');
    }
    advisories.push(...list);
    status.push({ source: 'osv-scanner', origin: shown, ok: true, advisories: list.length });
  }

  const packages = lockedPackages(locks, prodOnly);
  const names = new Set(packages.map((p) => p.name));

  if (plan.osvDb) {
    const shown = ctx.workspace.rel(plan.osvDb);
    ctx.progress(`reading the OSV database ${shown}`);
    const db = await loadOfflineDb(plan.osvDb, shown, { names });
    ctx.recordInput('osv-db', db.origin);
    advisories.push(...db.advisories);
    status.push({ source: 'osv-offline', origin: db.origin, ok: true, advisories: db.advisories.length, message: `${db.records} records read` });
  }

  if (plan.osvApi && packages.length > 0) {
    ctx.progress(`querying ${plan.osvApi} for ${packages.length} packages`);
    const client = new OsvClient({ baseUrl: plan.osvApi, timeoutMs: cfg.osv.timeoutMs, retries: cfg.osv.retries, signal: ctx.signal });
    try {
      const list = await client.advisoriesFor(packages);
      advisories.push(...list);
      status.push({ source: 'osv-api', origin: plan.osvApi, ok: true, advisories: list.length, message: `${packages.length} packages queried` });
    } catch (err) {
      if (!(err instanceof IncompleteError)) throw err;
      status.push({ source: 'osv-api', origin: plan.osvApi, ok: false, advisories: 0, message: errorMessage(err) });
    }
    ctx.recordInput('osv-api', plan.osvApi);
  }

  if (plan.runAudit) {
    for (const lock of locks.lockfiles) {
      const cwd = ctx.workspace.abs(lock.dir);
      ctx.progress(`running the ${lock.kind} audit in ${lock.dir}`);
      try {
        const r = await runPackageManagerAudit({ cwd, kind: lock.kind, shownDir: lock.dir, prodOnly, env: ctx.inputs.auditEnv, timeoutMs: cfg.auditTimeoutMs, signal: ctx.signal });
        // advisories from our own run are located at the lockfile they were run for
        for (const a of r.advisories) a.origin = lock.path;
        advisories.push(...r.advisories);
        status.push({ source: r.source, origin: `${r.command} (${lock.dir})`, ok: true, advisories: r.advisories.length, message: `${r.format} format` });
      } catch (err) {
        if (!(err instanceof IncompleteError)) throw err;
        status.push({ source: sourceOfKind(lock.kind), origin: lock.path, ok: false, advisories: 0, message: errorMessage(err) });
      }
    }
  }
  return { advisories, status };
}

function sourceOfKind(kind: string): SourceStatus['source'] {
  return kind === 'pnpm' ? 'pnpm-audit' : kind.startsWith('yarn') ? 'yarn-audit' : kind === 'bun' ? 'bun-audit' : 'npm-audit';
}

/** Unique registry name@version pairs to look up (dev packages left out with prod-only). */
export function lockedPackages(locks: LockfilesFacts, prodOnly: boolean): { name: string; version: string }[] {
  const seen = new Set<string>();
  const out: { name: string; version: string }[] = [];
  for (const lock of locks.lockfiles) {
    for (const p of lock.packages) {
      if (prodOnly && p.dev) continue;
      if (!parseVersion(p.version)) continue;
      const key = `${p.name}@${p.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name: p.name, version: p.version });
    }
  }
  return out;
}
