/**
 * What the key commands share: the config's environments and key policy, the key-management
 * credential of one environment (registered for scrubbing before any request), confirmation prompts
 * and the runtime of sinks and probes. Loaded lazily by src/cli/commands/keys.ts.
 */
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { CliContext } from '../cli/runtime.js';
import { resolveConfig, type Config } from '../core/config.js';
import { InputError, UsageError } from '../core/errors.js';
import type { EnvironmentConfig } from '../live/config.js';
import { liveConfigOf } from '../live/settings.js';
import { selectEnvironments } from '../live/environments.js';
import { runShellCommand, tail } from '../workflows/sinks/run-command.js';
import type { SinkRuntime } from '../workflows/sinks/index.js';
import type { AdminTarget } from './admin.js';
import type { KeysSettings } from './config.js';
import { keysConfigOf } from './settings.js';
import { needsCode, resolvePolicy, type KeysPolicy } from './policy.js';

export interface KeysCommandContext {
  config: Config;
  settings: KeysSettings;
  env: string;
  envConfig: EnvironmentConfig;
  target: AdminTarget;
}

export async function loadKeysContext(flags: { config?: string; env?: string }, ctx: CliContext): Promise<KeysCommandContext> {
  const loaded = await resolveConfig({ configFile: flags.config ? path.resolve(ctx.io.cwd, flags.config) : undefined, startDir: ctx.io.cwd });
  const { environments } = liveConfigOf(loaded.config);
  const names = Object.keys(environments);
  if (!flags.env) {
    if (names.length !== 1) throw new UsageError('name the environment with --env', { hint: names.length ? `configured: ${names.join(', ')}` : 'add an environments: section to appwrite-secops.yaml' });
  }
  const [[env, envConfig]] = selectEnvironments(environments, { names: [flags.env ?? names[0]!] }) as [[string, EnvironmentConfig]];
  const settings = keysConfigOf(loaded.config);
  const vars = ctx.io.env;
  const adminVar = settings.environments[env]?.adminCredentialEnv;
  const apiKey = vars[adminVar ?? envConfig.credentialEnv]?.trim() || undefined;
  if (adminVar && !apiKey) throw new InputError(`environment "${env}": the variable ${adminVar} is not set`, { hint: `export ${adminVar} with a key of project ${envConfig.projectId} holding keys.read and keys.write` });
  const consoleSession = envConfig.consoleSessionEnv ? vars[envConfig.consoleSessionEnv]?.trim() || undefined : undefined;
  ctx.redactor.add(apiKey);
  ctx.redactor.add(consoleSession);
  return {
    config: loaded.config,
    settings,
    env,
    envConfig,
    target: { env, endpoint: envConfig.endpoint, projectId: envConfig.projectId, selfSigned: envConfig.selfSigned, ...(apiKey ? { apiKey } : {}), ...(consoleSession ? { consoleSession } : {}) },
  };
}

/** The policy, with scopes derived from the code under the working folder where a service asks for it. */
export async function loadPolicy(settings: KeysSettings, cwd: string, ctx: CliContext): Promise<KeysPolicy> {
  if (!needsCode(settings)) return resolvePolicy(settings);
  const { Workspace } = await import('../core/workspace.js');
  const { buildInventory } = await import('../code/inventory.js');
  return resolvePolicy(settings, await buildInventory({ workspace: new Workspace(cwd), redactor: ctx.redactor }));
}

/** Asks on the terminal; `--yes` answers for the operator; without a terminal and --yes it refuses. */
export function confirmer(ctx: CliContext, yes: boolean | undefined): (question: string) => Promise<boolean> {
  return async (question) => {
    if (yes) return true;
    const input = ctx.io.stdin as (NodeJS.ReadableStream & { isTTY?: boolean }) | undefined;
    if (!input?.isTTY) throw new UsageError('this step needs a confirmation and there is no terminal to ask', { hint: 'run it in a terminal, or pass --yes' });
    const rl = createInterface({ input, output: ctx.io.stderr as NodeJS.WritableStream });
    try {
      const answer = await rl.question(`${question} [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
}

export function sinkRuntime(ctx: CliContext, settings: KeysSettings, yes: boolean | undefined): SinkRuntime {
  return {
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    timeoutMs: settings.rotation.commandTimeoutSeconds * 1000,
    // The one place a secret is written raw: the print sink and --show-secret, after confirmation.
    write: (text) => void ctx.io.stdout.write(text),
    confirm: confirmer(ctx, yes),
  };
}

/** Runs a --validate-with probe: exit 0 means the deployed service works with the new key. */
export function probeRunner(ctx: CliContext, settings: KeysSettings) {
  return async (command: string, vars: Record<string, string>) => {
    const r = await runShellCommand(command, { env: ctx.io.env, cwd: ctx.io.cwd, timeoutMs: settings.rotation.commandTimeoutSeconds * 1000, extraEnv: vars });
    const detail = r.timedOut ? 'timed out' : r.code === 0 ? 'exit 0' : `exit ${r.code ?? r.signal}${r.stderr.trim() ? `: ${ctx.redactor.scrub(tail(r.stderr, 3))}` : ''}`;
    return { ok: !r.timedOut && r.code === 0, detail };
  };
}
