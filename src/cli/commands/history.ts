import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';

const STORE_HELP = 'store URL: sqlite:PATH or postgres://… (default: $APPWRITE_SECOPS_STORE, config store.url, sqlite:.appwrite-secops/state.db)';

export function registerHistory(program: Command, ctx: CliContext): void {
  program
    .command('history')
    .description('List recorded audit runs with failing findings by severity, and the trend.')
    .option('--store <url>', STORE_HELP)
    .option('--config <file>', 'config file (default: appwrite-secops.yaml found upward from the current folder)')
    .option('--scope <scope>', 'only runs of this scope')
    .option('--limit <n>', 'newest runs to show', '20')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .addHelpText(
      'after',
      `
Examples:
  appwrite-secops history
  appwrite-secops history --limit 50 --format json
  appwrite-secops history --store postgres://secops@db.internal:5432/secops?sslmode=verify-full`,
    )
    .action(async (opts) => {
      const { openStoreForCli, parseCount } = await import('../../store/cli-support.js');
      const limit = parseCount('--limit', opts.limit, 1);
      const { store } = await openStoreForCli(opts, ctx, { create: false });
      try {
        const runs = await store.listRuns({ scope: opts.scope, limit });
        const { renderHistory, trendOf } = await import('../../store/render.js');
        if (opts.format === 'json') {
          const { toJson } = await import('../../store/json.js');
          ctx.out(`${toJson({ store: store.location, runs, trend: trendOf(runs) }, 2)}\n`);
        } else {
          ctx.out(renderHistory(runs, store.location));
        }
      } finally {
        await store.close();
      }
    });
}
