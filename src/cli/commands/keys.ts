import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

/** `keys list` (inventory across environments) and `keys required-scopes` (what the audit key needs). */
export function registerKeys(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('API key lifecycle: inventory and the scopes the audit key needs.');

  keys
    .command('list')
    .description('List the API keys and dev keys of live projects: name, scopes, expiry, last access, SDKs, age.')
    .option('--env <name>', 'environment from the config (repeatable or comma-separated)', collect, [] as string[])
    .option('--all-envs', 'every configured environment (the default when no --env is given)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .option('--config <file>', 'config file (default: appwrite-secops.yaml found upward from the current folder)')
    .addHelpText(
      'after',
      `
Credentials come from the variables the config names (credentialEnv); secrets are never printed.
Examples:
  appwrite-secops keys list --env prod
  appwrite-secops keys list --all-envs --format json`,
    )
    .action(async (opts) => {
      const path = await import('node:path');
      const { resolveConfig } = await import('../../core/config.js');
      const { liveConfigOf } = await import('../../live/config.js');
      const { resolveEnvironment, selectEnvironments } = await import('../../live/environments.js');
      const { readKeyInventory } = await import('../../live/keys-inventory.js');
      const { renderKeyInventoryJson, renderKeyInventoryText } = await import('../../live/keys-report.js');
      const loaded = await resolveConfig({ configFile: opts.config ? path.resolve(ctx.io.cwd, opts.config) : undefined, startDir: ctx.io.cwd });
      const { environments, live } = liveConfigOf(loaded.config);
      const selected = selectEnvironments(environments, opts.env.length ? { names: opts.env, all: opts.allEnvs } : { all: true });
      // Every credential is resolved (and registered for scrubbing) before the first request goes out.
      const resolved = selected.map(([name, cfg]) => resolveEnvironment(name, cfg, ctx.io.env, ctx.redactor));
      const progress = ctx.verbose || ctx.io.stderr.isTTY ? (m: string) => ctx.log(m) : undefined;
      const inventory = await Promise.all(resolved.map((env) => readKeyInventory(env, { redactor: ctx.redactor, settings: live, progress })));
      const now = new Date();
      ctx.out(opts.format === 'json' ? renderKeyInventoryJson(inventory, now) : renderKeyInventoryText(inventory, now));
      const errors = inventory.flatMap((e) => e.errors.map((err) => `${e.environment}: ${err.message}. Fix: ${err.hint}`));
      for (const e of errors) ctx.error(`appwrite-secops: ${e}`);
      // Could not read every inventory: incomplete, never a clean answer.
      if (errors.length) ctx.setExit(3);
    });

  keys
    .command('required-scopes')
    .description('Print the scopes the audit key needs, derived from the API calls the live audit makes.')
    .option('--server-version <version>', 'for this Appwrite version (before 1.9.5 some reads need a console session)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .action(async (opts) => {
      const { renderRequiredScopesJson, renderRequiredScopesText } = await import('../../live/keys-report.js');
      if (opts.serverVersion !== undefined && !/^\d+\.\d+(\.\d+)?([-+].*)?$/.test(opts.serverVersion)) {
        const { UsageError } = await import('../../core/errors.js');
        throw new UsageError(`--server-version "${opts.serverVersion}" is not a version`, { hint: 'write it as 1.8.1, 1.9.6 or 2.4.0' });
      }
      ctx.out(opts.format === 'json' ? renderRequiredScopesJson(opts.serverVersion) : renderRequiredScopesText(opts.serverVersion));
    });
}
