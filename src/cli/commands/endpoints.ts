import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';
import path from 'node:path';

const FORMATS = ['text', 'markdown', 'json'] as const;

export function registerEndpoints(program: Command, ctx: CliContext): void {
  program
    .command('endpoints')
    .description('Inventory every Appwrite SDK call in the code: operation, required scope, auth modes, rate limit and the runtime it runs in.')
    .argument('[path]', 'folder to inventory', '.')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text' as const))
    .option('--runtime <runtime>', 'only call sites in this runtime: client, server, function or unknown')
    .addHelpText(
      'after',
      `
Reads JS/TS/JSX/TSX (and Svelte/Vue scripts) with a real parser, Dart/Kotlin/Swift/Python by pattern;
maps calls of the web, Node, React Native, Flutter and console SDKs to the Appwrite 1.8 operation catalog.
Exit code 3 when some Appwrite-using file could not be analysed (the rest is still printed).

Examples:
  appwrite-secops endpoints
  appwrite-secops endpoints apps/web --format markdown > ENDPOINTS.md
  appwrite-secops endpoints --runtime client --format json`,
    )
    .action(async (target, opts) => {
      const { UsageError } = await import('../../core/errors.js');
      const { Workspace } = await import('../../core/workspace.js');
      const { assertFolder } = await import('./threat-model.js');
      const { buildInventory } = await import('../../code/inventory.js');
      const { renderInventory } = await import('../../code/render.js');
      const runtimes = ['client', 'server', 'function', 'unknown'];
      if (opts.runtime && !runtimes.includes(opts.runtime)) throw new UsageError(`--runtime must be one of ${runtimes.join(', ')}, got "${opts.runtime}"`, { hint: 'e.g. --runtime client' });
      const root = path.resolve(ctx.io.cwd, target);
      await assertFolder(root);
      const inv = await buildInventory({
        workspace: new Workspace(root),
        redactor: ctx.redactor,
        diagnose: (d) => {
          if (ctx.verbose) ctx.log(`${d.level}: ${d.path ?? ''}${d.line ? `:${d.line}` : ''} ${d.message}`);
        },
      });
      const shown = opts.runtime ? { ...inv, callSites: inv.callSites.filter((s) => s.runtime === opts.runtime), keyUses: inv.keyUses.filter((k) => k.runtime === opts.runtime) } : inv;
      ctx.out(renderInventory(shown, opts.format, { root }));
      if (inv.callSites.length === 0) ctx.log(`no Appwrite SDK calls found under ${root}`);
      if (inv.incomplete.length) {
        ctx.log(`${inv.incomplete.length} file(s) using Appwrite could not be analysed; the inventory may be missing calls (see "not analysed").`);
        ctx.setExit(3);
      }
    });
}
