import { createHash } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import type { Finding } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { PriorState } from './driver.js';
import { toJson } from './json.js';
import { TRANSITIONS, type RunRecord, type RunState, type Transition } from './store.js';

/** A runs row as both backends return it (PostgreSQL gives booleans, SQLite 0/1). */
export interface RunRow {
  id: number;
  scope: string;
  command: string;
  state: RunState;
  complete: number | boolean;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  tool_version: string;
  root: string | null;
  inputs: string;
  environment: string;
  inputs_digest: string;
  findings_digest: string;
  summary: string;
  checks: string | null;
  owner_host: string;
  owner_pid: number;
  lease_expires_at: string;
}

export const RUN_COLUMNS =
  'id, scope, command, state, complete, started_at, finished_at, duration_ms, tool_version, root, inputs, environment, inputs_digest, findings_digest, summary, checks, owner_host, owner_pid, lease_expires_at';

export interface RunSummary {
  failBySeverity: Record<Severity, number>;
  findingCount: number;
  transitions: Record<Transition, number>;
}

export function emptySummary(): RunSummary {
  return {
    failBySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    findingCount: 0,
    transitions: Object.fromEntries(TRANSITIONS.map((t) => [t, 0])) as Record<Transition, number>,
  };
}

export function toRunRecord(r: RunRow): RunRecord {
  const summary = { ...emptySummary(), ...(JSON.parse(r.summary) as Partial<RunSummary>) };
  return {
    id: Number(r.id),
    scope: r.scope,
    command: r.command,
    state: r.state,
    complete: r.complete === true || r.complete === 1,
    startedAt: r.started_at,
    ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
    ...(r.duration_ms != null ? { durationMs: Number(r.duration_ms) } : {}),
    toolVersion: r.tool_version,
    ...(r.root ? { root: r.root } : {}),
    inputs: JSON.parse(r.inputs) as unknown,
    environment: JSON.parse(r.environment) as Record<string, unknown>,
    inputsDigest: r.inputs_digest,
    ...(r.findings_digest ? { findingsDigest: r.findings_digest } : {}),
    failBySeverity: summary.failBySeverity,
    findingCount: summary.findingCount,
    transitions: summary.transitions,
    ...(r.checks ? { checks: JSON.parse(r.checks) as string[] } : {}),
  };
}

/**
 * The transition of a tracked finding, from its state before this run. An excepted finding that fails
 * again (its exception expired or was removed) is `reopened`: the accepted risk is open again.
 */
/** fail / excepted findings are tracked across runs; pass, error and skipped are not. */
export function isTracked(status: Finding['status']): boolean {
  return status === 'fail' || status === 'excepted';
}

export function transitionOf(prior: PriorState | undefined, status: Finding['status']): Exclude<Transition, 'fixed'> {
  if (status === 'excepted') return 'excepted';
  if (prior === null || prior === undefined) return 'new';
  if (prior === 'open') return 'unchanged';
  return 'reopened';
}

/**
 * The findings digest of a run: sha256 (hex) of every finding as stored (`JSON.stringify`, BigInt as a
 * string), in the order recorded, each followed by a newline. Anyone can recompute it from
 * `findingsOf(run)` (drop the `transition` field) or from an export with `findingsDigestOf`.
 */
export function findingsDigestOf(findings: readonly Finding[]): string {
  const h = createHash('sha256');
  for (const f of findings) {
    const { transition: _t, ...rest } = f as Finding & { transition?: unknown };
    h.update(toJson(rest)).update('\n');
  }
  return h.digest('hex');
}

/**
 * Identifies this process across machines and containers: two containers often share a hostname but
 * never a PID namespace, and a reboot changes the boot id (so a reused pid is not mistaken for ours).
 */
export function processOwner(): string {
  const safe = (read: () => string) => {
    try {
      return read().trim();
    } catch {
      return ''; // not Linux, or /proc hidden: the hostname alone has to do, and the lease covers the rest
    }
  };
  const ns = safe(() => readlinkSync('/proc/self/ns/pid'));
  const boot = safe(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'));
  return [os.hostname(), ns, boot].join('|');
}

/** Whether a process of ours (same owner) with this pid is still alive. */
export function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else; ESRCH: it is gone.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
