import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { AnyCheck } from './core/check.js';
import type { AnyCollector, AuditInputs, Diagnostic } from './core/collector.js';
import { resolveConfig, type Config } from './core/config.js';
import { InputError, UsageError } from './core/errors.js';
import { applyExceptions, EXCEPTION_CHECKS } from './core/exceptions.js';
import type { Finding } from './core/finding.js';
import { matchesAny } from './core/glob.js';
import { Redactor } from './core/redact.js';
import { RESULT_SCHEMA_VERSION, summarize, type AuditResult, type InputRecord } from './core/result.js';
import { collectFacts, runChecks } from './core/runner.js';
import { compareSeverity, type FailOn } from './core/severity.js';
import { nearest } from './core/suggest.js';
import { Workspace } from './core/workspace.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import { compareText } from './core/compare.js';

export interface AuditOptions {
  /** Folder to audit (default: cwd). */
  root?: string;
  /** Explicit config file; otherwise appwrite-secops.{yaml,yml,json} is searched upward from root. */
  configFile?: string;
  /** Files named on the command line. */
  inputs?: AuditInputs;
  /** Only these check ids or globs (`--checks`). */
  include?: string[];
  /** Never these check ids or globs (`--skip`). */
  exclude?: string[];
  /** Overrides config.failOn. */
  failOn?: FailOn;
  /** Injected clock (tests, reproducible reports). */
  now?: Date;
  onProgress?: (message: string) => void;
  /** Shared with the CLI so that its output is scrubbed of every secret the collectors saw. */
  redactor?: Redactor;
  /** Registry injection for tests and embedders; defaults to every built-in check / collector. */
  checks?: readonly AnyCheck[];
  collectors?: readonly AnyCollector[];
}

/** Runs the audit on a workspace and returns the result; never prints, never exits. */
export async function audit(opts: AuditOptions = {}): Promise<AuditResult> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const root = path.resolve(opts.root ?? '.');
  await assertFolder(root);
  const loaded = await resolveConfig({ configFile: opts.configFile, startDir: root });
  const config: Config = opts.failOn ? { ...loaded.config, failOn: opts.failOn } : loaded.config;

  const registry = opts.checks ?? (await import('./checks/index.js')).allChecks;
  const collectors = opts.collectors ?? (await import('./collectors/index.js')).allCollectors;
  const checks = selectChecks(registry, config, opts.include, opts.exclude);

  const redactor = opts.redactor ?? new Redactor();
  const diagnostics: Diagnostic[] = [];
  const inputs: InputRecord[] = [];
  const workspace = new Workspace(root);
  const progress = opts.onProgress ?? (() => {});
  progress(`collecting from ${root}`);
  const facts = await collectFacts(checks, collectors, {
    workspace,
    config,
    inputs: opts.inputs ?? {},
    redactor,
    now,
    diagnose: (d) => diagnostics.push({ ...d, source: 'collector' }),
    progress,
    recordInput: (kind, p) => inputs.push({ kind, path: p }),
  });
  if ([...facts.states.values()].every((s) => s.state === 'absent') && checks.length > 0) {
    const looked = [...new Set(collectors.filter((c) => facts.states.has(c.key)).map((c) => c.description))];
    throw new InputError(`nothing to audit in ${root}: found none of ${looked.join('; ')}`, {
      hint: 'run it in your Appwrite deployment or project folder, or name files with --env-file / --compose',
    });
  }
  progress(`running ${checks.length} checks`);
  const raw = await runChecks(checks, facts, { config, now, redactor });
  const withSeverity = applySeverityOverrides(raw, config);
  const findings = sortFindings(applyExceptions(withSeverity, config, now));
  const exceptionMetas = config.exceptions.length ? Object.values(EXCEPTION_CHECKS) : [];
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    ...(loaded.path ? { configPath: loaded.path } : {}),
    inputs: dedupeInputs(inputs),
    checks: [...checks.map((c) => c.meta), ...exceptionMetas],
    findings,
    diagnostics,
    summary: summarize(findings, config.failOn),
  };
}

async function assertFolder(root: string): Promise<void> {
  const st = await stat(root).catch(() => undefined);
  if (!st) throw new InputError(`cannot audit ${root}: no such folder`, { hint: 'pass the folder of your Appwrite deployment or project' });
  if (!st.isDirectory()) throw new InputError(`cannot audit ${root}: it is a file, expected a folder`, { hint: 'pass its folder, or name the file with --env-file / --compose' });
}

/** Applies config include/exclude, then the CLI's; an id or glob that selects nothing is a usage error. */
export function selectChecks(registry: readonly AnyCheck[], config: Config, include?: string[], exclude?: string[]): AnyCheck[] {
  for (const pattern of [...(include ?? []), ...(exclude ?? [])]) {
    if (!registry.some((c) => matchesAny([pattern], c.meta.id))) {
      const suggestion = nearestId(pattern, registry.map((c) => c.meta.id));
      throw new UsageError(`no check matches "${pattern}"`, { hint: suggestion ? `did you mean "${suggestion}"? (appwrite-secops checks lists them all)` : 'run `appwrite-secops checks` to list check ids' });
    }
  }
  const inc = include?.length ? include : config.checks.include;
  return registry.filter((c) => {
    const id = c.meta.id;
    if (inc?.length && !matchesAny(inc, id)) return false;
    if (matchesAny(config.checks.exclude, id) || matchesAny(exclude, id)) return false;
    return true;
  });
}

function applySeverityOverrides(findings: Finding[], config: Config): Finding[] {
  const overrides = config.checks.severity;
  if (Object.keys(overrides).length === 0) return findings;
  return findings.map((f) => {
    const s = overrides[f.checkId];
    return s ? { ...f, severity: s } : f;
  });
}

const STATUS_ORDER = { error: 0, fail: 1, excepted: 2, pass: 3, skipped: 4 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      compareSeverity(a.severity, b.severity) ||
      compareText(a.checkId, b.checkId) ||
      compareText(a.location?.path ?? '', b.location?.path ?? '') ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      compareText(a.fingerprint, b.fingerprint),
  );
}

function dedupeInputs(inputs: InputRecord[]): InputRecord[] {
  const seen = new Set<string>();
  return inputs
    .filter((i) => (seen.has(`${i.kind}\0${i.path}`) ? false : (seen.add(`${i.kind}\0${i.path}`), true)))
    .sort((a, b) => compareText(a.kind, b.kind) || compareText(a.path, b.path));
}

/** Nearest check id for "did you mean" (case-insensitive). */
export function nearestId(input: string, ids: readonly string[]): string | undefined {
  const byLower = new Map(ids.map((id) => [id.toLowerCase(), id]));
  const hit = nearest(input.toLowerCase(), byLower.keys(), Math.max(3, Math.floor(input.length / 3)));
  return hit === undefined ? undefined : byLower.get(hit);
}
