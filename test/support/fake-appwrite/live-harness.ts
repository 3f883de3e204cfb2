/**
 * Runs the live audit end to end against the Appwrite stand-in: a temporary workspace with an
 * appwrite-secops.yaml naming the environments, credentials in an injected environment, the real
 * collectors, checks and reporters. Used by the live integration tests.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { audit } from '../../../src/audit.js';
import { authChecks } from '../../../src/checks/auth/index.js';
import { liveChecks } from '../../../src/checks/live/index.js';
import { permissionsChecks } from '../../../src/checks/permissions/index.js';
import { withLiveCollectors } from '../../../src/collectors/appwrite-live/index.js';
import { appwriteConfigCollector } from '../../../src/collectors/appwrite-config/index.js';
import type { AnyCheck } from '../../../src/core/check.js';
import type { AnyCollector } from '../../../src/core/collector.js';
import { Redactor } from '../../../src/core/redact.js';
import type { AuditResult } from '../../../src/core/result.js';
import { renderReport } from '../../../src/reporters/index.js';

export const LIVE_CHECKS: readonly AnyCheck[] = [...liveChecks, ...authChecks, ...permissionsChecks] as unknown as AnyCheck[];
export const LIVE_COLLECTORS: readonly AnyCollector[] = withLiveCollectors([appwriteConfigCollector as AnyCollector]);

export interface EnvSpec {
  endpoint: string;
  projectId: string;
  credentialEnv: string;
  consoleSessionEnv?: string;
  production?: boolean;
  approvedPlatforms?: string[];
}

export interface Workspace {
  root: string;
  cleanup(): Promise<void>;
}

export async function workspace(environments: Record<string, EnvSpec>, extra: { live?: Record<string, unknown>; files?: Record<string, string> } = {}): Promise<Workspace> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aw-live-'));
  await writeFile(path.join(root, 'appwrite-secops.yaml'), stringify({ environments, ...(extra.live ? { live: extra.live } : {}) }));
  for (const [name, text] of Object.entries(extra.files ?? {})) await writeFile(path.join(root, name), text);
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export interface LiveRun {
  result: AuditResult;
  /** text, json and sarif renderings, concatenated: what a user or CI could see. */
  output: string;
  failing(checkId: string): AuditResult['findings'];
  errors(checkId?: string): AuditResult['findings'];
}

export async function runLiveAudit(ws: Workspace, opts: { envs?: string[]; all?: boolean; vars: Record<string, string>; now?: Date }): Promise<LiveRun> {
  const redactor = new Redactor();
  const result = await audit({
    root: ws.root,
    inputs: { liveEnvironments: opts.envs, allLiveEnvironments: opts.all, liveEnvVars: opts.vars },
    checks: LIVE_CHECKS,
    collectors: LIVE_COLLECTORS,
    redactor,
    now: opts.now ?? new Date('2026-11-29T12:00:00Z'),
  });
  const rendered = await Promise.all((['text', 'json', 'sarif'] as const).map((f) => renderReport(result, f, { color: false, verbose: true })));
  // What the CLI writes goes through the redactor too; the raw renderings are checked here, before it.
  return {
    result,
    output: rendered.join('\n'),
    failing: (id) => result.findings.filter((f) => f.checkId === id && f.status === 'fail'),
    errors: (id) => result.findings.filter((f) => f.status === 'error' && (!id || f.checkId === id)),
  };
}
