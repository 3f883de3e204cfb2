import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';

export function registerChecks(program: Command, ctx: CliContext): void {
  program
    .command('checks')
    .description('List every check: id, severity and title.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown'] as const).default('text' as const))
    .option('--area <area>', 'only checks of this area (the part of the id before the slash)')
    .action(async (opts) => {
      const { allChecks } = await import('../../checks/index.js');
      const { renderCheckList } = await import('../check-docs.js');
      const metas = allChecks.map((c) => c.meta).filter((m) => !opts.area || m.id.startsWith(`${opts.area}/`));
      ctx.out(renderCheckList(metas, opts.format));
    });
}
