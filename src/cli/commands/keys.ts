import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';
import path from 'node:path';

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

/**
 * `keys list` (inventory across environments), `keys required-scopes` (what the audit key needs), and the
 * lifecycle: `keys audit` (against the keys: policy), `keys create`, `keys rotate`, `keys revoke --break-glass`.
 */
export function registerKeys(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('API key lifecycle: inventory, policy audit, create, rotate, break-glass revoke.');

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
      const { resolveConfig } = await import('../../core/config.js');
      const { liveConfigOf } = await import('../../live/settings.js');
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

  keys
    .command('audit')
    .description('Judge live keys against the keys: policy: missing, extra, over-scoped, shared, due for rotation, no expiry.')
    .option('--env <name>', 'environment from the config (repeatable or comma-separated)', collect, [] as string[])
    .option('--all-envs', 'every configured environment (the default when no --env is given)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'sarif', 'markdown', 'junit', 'html'] as const).default('text' as const))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the run exit 1 (default: config failOn)').choices(['critical', 'high', 'medium', 'low', 'none'] as const))
    .option('--config <file>', 'config file (default: appwrite-secops.yaml found upward from the current folder)')
    .action(async (opts) => {
      const { runKeysAudit } = await import('../../keys/commands.js');
      await runKeysAudit(opts, ctx);
    });

  const sinkHelp = 'where the secret goes: dotenv:FILE[:VARIABLE] (atomic, mode 0600), command:CMD (secret on stdin), or print (once, after confirmation); default: the service\'s sink in keys.services';
  keys
    .command('create')
    .description("Create a service's key with the policy's scopes and expiry; the secret goes to a sink and is never printed unless --show-secret.")
    .requiredOption('--service <name>', 'service from keys.services')
    .option('--env <name>', 'environment from the config')
    .option('--sink <sink>', sinkHelp)
    .option('--show-secret', 'also print the secret (once; it cannot be shown again)')
    .option('--yes', 'answer yes to confirmations (the print sink)')
    .option('--store <url>', 'evidence store (default: $APPWRITE_SECOPS_STORE, store.url, .appwrite-secops/state.db)')
    .option('--config <file>', 'config file')
    .addHelpText('after', `
Examples:
  appwrite-secops keys create --service orders-api --env prod --sink dotenv:deploy/.env.prod:APPWRITE_API_KEY
  appwrite-secops keys create --service billing-fn --env prod --sink 'command:gh secret set APPWRITE_KEY --env prod'`)
    .action(async (opts) => {
      const { runKeysCreate } = await import('../../keys/commands.js');
      await runKeysCreate(opts, ctx);
    });

  keys
    .command('rotate')
    .description('Rotate a key: create the replacement, deliver it, validate that traffic moved, delete the old key. Resumable; every step is stored.')
    .argument('<keyOrService>', 'key id, or a service from keys.services (its key by the naming policy)')
    .option('--env <name>', 'environment from the config')
    .option('--sink <sink>', sinkHelp)
    .option('--dry-run', 'show the plan; change nothing')
    .option('--resume', 'continue an unfinished rotation of this key or service')
    .option('--yes', 'do not ask before starting and before deleting the old key (needed without a terminal)')
    .option('--force', 'delete the old key even if validation has not passed')
    .option('--validate-with <cmd>', 'probe command: exit 0 means the deployed service works with the new key (the fast path; Appwrite records key use only once per 24 hours)')
    .option('--idle-window <duration>', 'how long the old key must be idle after delivery before it is deleted (e.g. 30m, 24h; default keys.rotation.idleWindow)')
    .option('--store <url>', 'evidence store holding the rotation state')
    .option('--config <file>', 'config file')
    .addHelpText('after', `
Exit codes: 0 rotated, 3 waiting for validation (run again with --resume) or a step failed (resume after fixing), 2 usage.
Runbook: docs/runbooks/key-rotation.md
Examples:
  appwrite-secops keys rotate orders-api --env prod --dry-run
  appwrite-secops keys rotate orders-api --env prod --yes --validate-with './scripts/probe-orders.sh'
  appwrite-secops keys rotate orders-api --env prod --resume --yes`)
    .action(async (subject, opts) => {
      const { runKeysRotate } = await import('../../keys/commands.js');
      await runKeysRotate(subject, opts, ctx);
    });

  keys
    .command('revoke')
    .description('Break-glass: record evidence, delete a compromised key at once, open an incident; optionally create and deliver a replacement.')
    .argument('<keyId>', 'the compromised key')
    .option('--env <name>', 'environment from the config')
    .option('--break-glass', 'confirm that the key is compromised and must stop working now')
    .option('--replace', 'create a replacement with the same name (and the policy scopes) and deliver it to --sink')
    .option('--sink <sink>', sinkHelp)
    .option('--yes', 'answer yes to confirmations (the print sink)')
    .option('--store <url>', 'evidence store for the evidence and the incident record')
    .option('--config <file>', 'config file')
    .action(async (keyId, opts) => {
      const { runKeysRevoke } = await import('../../keys/commands.js');
      await runKeysRevoke(keyId, opts, ctx);
    });
}
