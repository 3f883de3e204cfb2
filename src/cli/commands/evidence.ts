import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';
import path from 'node:path';

const STORE_HELP = 'store URL: sqlite:PATH or postgres://… (default: $APPWRITE_SECOPS_STORE, config store.url, sqlite:.appwrite-secops/state.db)';

export function registerEvidence(program: Command, ctx: CliContext): void {
  const evidence = program.command('evidence').description('The tamper-evident evidence log: verify the hash chain, export it for an auditor.');

  evidence
    .command('verify')
    .description('Walk the hash chain; report the first record that was edited, deleted or reordered (exit 1).')
    .option('--store <url>', STORE_HELP)
    .option('--config <file>', 'config file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .action(async (opts) => {
      const { openStoreForCli } = await import('../../store/cli-support.js');
      const { store } = await openStoreForCli(opts, ctx, { create: false });
      try {
        const v = await store.verifyEvidence();
        if (opts.format === 'json') {
          const { toJson } = await import('../../store/json.js');
          ctx.out(`${toJson({ store: store.location, ...v }, 2)}\n`);
        } else {
          const { renderVerification } = await import('../../store/render.js');
          ctx.out(renderVerification(v, store.location));
        }
        if (!v.ok) ctx.setExit(1);
      } finally {
        await store.close();
      }
    });

  evidence
    .command('export')
    .description('Write the evidence log (all, or since a date) with a sha256 manifest beside it.')
    .requiredOption('--output <file>', 'file to write; FILE.manifest.json and FILE.sha256 are written next to it')
    .option('--since <date>', 'only records at or after this date (YYYY-MM-DD or ISO-8601 time)')
    .addOption(new Option('--format <format>', 'export format').choices(['jsonl', 'json'] as const).default('jsonl' as const))
    .option('--store <url>', STORE_HELP)
    .option('--config <file>', 'config file')
    .addHelpText(
      'after',
      `
Examples:
  appwrite-secops evidence export --output evidence.jsonl
  appwrite-secops evidence export --since 2025-01-01 --format json --output q1-evidence.json
  sha256sum -c evidence.jsonl.sha256`,
    )
    .action(async (opts) => {
      const { openStoreForCli, parseSince } = await import('../../store/cli-support.js');
      const since = opts.since ? parseSince(opts.since) : undefined;
      const { store } = await openStoreForCli(opts, ctx, { create: false });
      try {
        const { exportEvidence } = await import('../../store/export.js');
        const { TOOL_VERSION } = await import('../../version.js');
        const res = await exportEvidence(store, { format: opts.format, output: path.resolve(ctx.io.cwd, opts.output), since, toolVersion: TOOL_VERSION, now: new Date() });
        ctx.out(`Exported ${res.records} evidence records to ${opts.output} (sha256 ${res.sha256}).\nManifest: ${opts.output}.manifest.json; checksum: ${opts.output}.sha256\n`);
        if (!res.verification.ok) {
          ctx.error(`warning: the evidence log is BROKEN at record ${res.verification.broken!.seq}: ${res.verification.broken!.message}. The manifest records this.`);
          ctx.setExit(1);
        }
      } finally {
        await store.close();
      }
    });
}
