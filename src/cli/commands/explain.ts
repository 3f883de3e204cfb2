import { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';

export function registerExplain(program: Command, ctx: CliContext): void {
  program
    .command('explain')
    .description('Explain a check: the risk, how to fix it, and references.')
    .argument('<check-id>', 'a check id, as listed by `appwrite-secops checks`')
    .action(async (id) => {
      const { allChecks } = await import('../../checks/index.js');
      const { EXCEPTION_CHECKS } = await import('../../core/exceptions.js');
      const { explainCheck } = await import('../check-docs.js');
      const { nearestId } = await import('../../audit.js');
      const { UsageError } = await import('../../core/errors.js');
      const metas = [...allChecks.map((c) => c.meta), ...Object.values(EXCEPTION_CHECKS)];
      const meta = metas.find((m) => m.id === id);
      if (!meta) {
        const near = nearestId(id, metas.map((m) => m.id));
        throw new UsageError(`unknown check "${id}"`, { hint: near ? `did you mean "${near}"?` : 'run `appwrite-secops checks` to list check ids' });
      }
      ctx.out(explainCheck(meta, ctx.color()));
    });
}
