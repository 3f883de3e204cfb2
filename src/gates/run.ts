import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { audit, type AuditOptions } from '../audit.js';
import { resolveConfig } from '../core/config.js';
import { InputError } from '../core/errors.js';
import type { AuditResult } from '../core/result.js';
import { readTextFile, Workspace } from '../core/workspace.js';
import { parseAuthzResults } from './authz-results.js';
import { evaluateGates } from './evaluate.js';
import type { GateResult } from './model.js';
import { renderSecurityGates } from './security-gates-md.js';
import { rename, writeFile } from 'node:fs/promises';

export interface GateOptions extends AuditOptions {
  /** Extra negative-authorization result files (added to config gates.authzResults). */
  authzResults?: string[];
  /** Write SECURITY_GATES.md in the root. */
  write?: boolean;
}

export interface GateRun {
  gate: GateResult;
  audit: AuditResult;
  /** The SECURITY_GATES.md text (written when `write`). */
  markdown: string;
  written?: string;
}

/** Runs the full audit, then evaluates the release gates on its findings. */
export async function runGate(opts: GateOptions): Promise<GateRun> {
  const root = path.resolve(opts.root ?? '.');
  const now = opts.now ?? new Date();
  const { config } = await resolveConfig({ configFile: opts.configFile, startDir: root });
  const auditResult = await audit({ ...opts, root, now }).catch((err: unknown) => {
    // A workspace with nothing to audit still gets a gate: every family is simply not applicable.
    if (err instanceof InputError && /nothing to audit/.test(err.message)) return undefined;
    throw err;
  });
  const result: AuditResult = auditResult ?? (await emptyAudit(root, now));
  const files = await new Workspace(root).files();
  const authzFiles = [...config.gates.authzResults.map((f) => path.resolve(root, f)), ...(opts.authzResults ?? [])];
  const authz = [];
  for (const f of authzFiles) {
    const shown = path.relative(root, f) || f;
    authz.push({ file: shown, cases: parseAuthzResults(await readTextFile(f, shown, { maxBytes: 50 * 1024 * 1024 }), shown) });
  }
  const gate = evaluateGates({ audit: result, config, files, authz, now });
  const target = path.join(root, 'SECURITY_GATES.md');
  const existing = await readFile(target, 'utf8').catch(() => undefined);
  const markdown = renderSecurityGates(gate, existing);
  if (opts.write) {
    await writeFile(`${target}.tmp`, markdown);
    await rename(`${target}.tmp`, target);
  }
  return { gate, audit: result, markdown, ...(opts.write ? { written: target } : {}) };
}

async function emptyAudit(root: string, now: Date): Promise<AuditResult> {
  const { summarize, RESULT_SCHEMA_VERSION } = await import('../core/result.js');
  const { TOOL_NAME, TOOL_VERSION } = await import('../version.js');
  return { schemaVersion: RESULT_SCHEMA_VERSION, tool: { name: TOOL_NAME, version: TOOL_VERSION }, root, startedAt: now.toISOString(), durationMs: 0, inputs: [], checks: [], findings: [], diagnostics: [], summary: summarize([], 'high') };
}
