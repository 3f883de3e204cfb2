import { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';

const STORE_HELP = 'store URL: sqlite:PATH or postgres://… (default: $APPWRITE_SECOPS_STORE, config store.url, sqlite:.appwrite-secops/state.db)';

export function registerStore(program: Command, ctx: CliContext): void {
  const store = program.command('store').description('Maintain the evidence store: schema migrations and retention.');

  store
    .command('migrate')
    .description('Create the store, or bring its schema up to date (back it up first).')
    .option('--store <url>', STORE_HELP)
    .option('--config <file>', 'config file')
    .action(async (opts) => {
      const { openStoreForCli } = await import('../../store/cli-support.js');
      const { store: s } = await openStoreForCli(opts, ctx, { migrate: 'defer' });
      try {
        const r = await s.migrate();
        ctx.out(
          r.applied.length
            ? `Migrated ${s.location} from schema version ${r.from} to ${r.to}:\n${r.applied.map((m) => `  ${m.version}  ${m.name}`).join('\n')}\n`
            : `${s.location} is up to date (schema version ${r.to}).\n`,
        );
      } finally {
        await s.close();
      }
    });

  store
    .command('prune')
    .description('Delete old runs and their findings (retention). The evidence log is kept unless --include-evidence.')
    .option('--older-than <days>', 'delete runs that started more than this many days ago (default: config store.retention.days, 365)')
    .option('--keep-runs <n>', 'always keep this many newest runs per scope (default: config store.retention.keepRuns, 20)')
    .option('--include-evidence', 'also delete evidence records older than the cut-off, never younger than evidence.retentionDays')
    .option('--dry-run', 'report what would be deleted, delete nothing')
    .option('--store <url>', STORE_HELP)
    .option('--config <file>', 'config file')
    .addHelpText(
      'after',
      `
Examples:
  appwrite-secops store prune --dry-run
  appwrite-secops store prune --older-than 180 --keep-runs 50
  appwrite-secops store prune --include-evidence     # explicit: the evidence log is kept otherwise`,
    )
    .action(async (opts) => {
      const { openStoreForCli, parseCount } = await import('../../store/cli-support.js');
      const { store: s, storeConfig, config } = await openStoreForCli(opts, ctx, { create: false });
      try {
        const days = opts.olderThan !== undefined ? parseCount('--older-than', opts.olderThan, 1) : storeConfig.retention.days;
        const keepRuns = opts.keepRuns !== undefined ? parseCount('--keep-runs', opts.keepRuns) : storeConfig.retention.keepRuns;
        // Evidence is never pruned below the retention the config promises (evidence.retentionDays).
        const evidenceDays = Math.max(days, config.evidence.retentionDays);
        const now = Date.now();
        const dayMs = 86_400_000;
        const r = await s.prune({
          olderThan: new Date(now - days * dayMs),
          keepRuns,
          includeEvidence: !!opts.includeEvidence,
          evidenceOlderThan: new Date(now - evidenceDays * dayMs),
          dryRun: !!opts.dryRun,
        });
        const verb = r.dryRun ? 'Would delete' : 'Deleted';
        const lines = [`${verb} ${r.runsDeleted} runs (${r.findingsDeleted} findings) older than ${days} days, keeping the newest ${keepRuns} per scope.`];
        lines.push(
          opts.includeEvidence
            ? `${verb} ${r.evidenceDeleted} evidence records older than ${evidenceDays} days; the chain is re-anchored and still verifies.`
            : 'The evidence log was not touched (add --include-evidence to prune it).',
        );
        ctx.out(`${lines.join('\n')}\n`);
      } finally {
        await s.close();
      }
    });
}
