/**
 * Picks the environments a command works on (`--env a,b` or `--all-envs`) and reads their credentials
 * from the process environment: the config names the variable, never holds the secret.
 */
import { InputError, UsageError } from '../core/errors.js';
import type { Redactor } from '../core/redact.js';
import type { EnvironmentConfig } from './config.js';

export interface EnvironmentSelection {
  names?: readonly string[];
  all?: boolean;
}

export interface ResolvedEnvironment {
  name: string;
  config: EnvironmentConfig;
  /** The audit key. Registered with the redactor before anything else happens. */
  secret: string;
  consoleSession?: string;
}

export function selectEnvironments(envs: Record<string, EnvironmentConfig>, sel: EnvironmentSelection): [string, EnvironmentConfig][] {
  const configured = Object.keys(envs);
  if (sel.all && sel.names?.length) throw new UsageError('--env and --all-envs cannot be combined', { hint: 'name environments with --env, or use --all-envs alone' });
  if (configured.length === 0) {
    throw new UsageError('no environments are configured', {
      hint: 'add an `environments:` section to appwrite-secops.yaml (endpoint, projectId, credentialEnv per environment)',
    });
  }
  if (sel.all) return configured.sort().map((n) => [n, envs[n]!]);
  const names = [...new Set(sel.names ?? [])];
  if (names.length === 0) throw new UsageError('no environment selected', { hint: `use --env NAME (configured: ${configured.join(', ')}) or --all-envs` });
  return names.map((n) => {
    const cfg = envs[n];
    if (!cfg) throw new UsageError(`unknown environment "${n}"`, { hint: `configured environments: ${configured.join(', ')}` });
    return [n, cfg];
  });
}

export function resolveEnvironment(name: string, config: EnvironmentConfig, vars: Record<string, string | undefined>, redactor: Redactor): ResolvedEnvironment {
  const secret = vars[config.credentialEnv]?.trim();
  if (!secret) {
    throw new InputError(`environment "${name}": the variable ${config.credentialEnv} is not set`, {
      hint: `export ${config.credentialEnv} with an API key of project ${config.projectId} (scopes: appwrite-secops keys required-scopes)`,
    });
  }
  redactor.add(secret);
  let consoleSession: string | undefined;
  if (config.consoleSessionEnv) {
    consoleSession = vars[config.consoleSessionEnv]?.trim();
    if (!consoleSession) {
      throw new InputError(`environment "${name}": the variable ${config.consoleSessionEnv} is not set`, {
        hint: `export ${config.consoleSessionEnv} with the a_session_console cookie of a project member, or remove consoleSessionEnv`,
      });
    }
    redactor.add(consoleSession);
  }
  return { name, config, secret, ...(consoleSession ? { consoleSession } : {}) };
}
