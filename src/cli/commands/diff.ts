import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';

export function registerDiff(program: Command, ctx: CliContext): void {
  program
    .command('diff')
    .description('New, fixed and reopened findings between two recorded runs (default: the last two).')
    .argument('[runA]', 'the older run: an id, "last" or "previous" (default: previous)')
    .argument('[runB]', 'the newer run (default: last)')
    .option('--store <url>', 'store URL: sqlite:PATH or postgres://… (default: $APPWRITE_SECOPS_STORE, config store.url, sqlite:.appwrite-secops/state.db)')
    .option('--config <file>', 'config file (default: appwrite-secops.yaml found upward from the current folder)')
    .option('--scope <scope>', 'with no run ids: the last two runs of this scope')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .addHelpText(
      'after',
      `
Examples:
  appwrite-secops diff              # previous run -> last run
  appwrite-secops diff 12           # run 12 -> last run
  appwrite-secops diff 12 15 --format json`,
    )
    .action(async (runA, runB, opts) => {
      const { openStoreForCli } = await import('../../store/cli-support.js');
      const { store } = await openStoreForCli(opts, ctx, { create: false });
      try {
        const a = await store.resolveRun(runA ?? 'previous', { scope: opts.scope });
        const b = await store.resolveRun(runB ?? 'last', { scope: opts.scope });
        const d = await store.diff(a.id, b.id);
        if (opts.format === 'json') {
          const { toJson } = await import('../../store/json.js');
          ctx.out(`${toJson({ base: a, head: b, ...d }, 2)}\n`);
        } else {
          const { renderDiff } = await import('../../store/render.js');
          ctx.out(renderDiff(d, a, b));
        }
      } finally {
        await store.close();
      }
    });
}
