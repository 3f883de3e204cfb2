import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';
import path from 'node:path';

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerGate(program: Command, ctx: CliContext): void {
  program
    .command('gate')
    .description('Evaluate the release gates: controls with evidence, a readiness score, and a ship / no-ship decision.')
    .argument('[path]', 'workspace to judge', '.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown'] as const).default('text' as const))
    .option('--write', 'write or update SECURITY_GATES.md in the workspace (notes sections are kept)')
    .option('--authz-results <file>', 'negative authorization test results, JUnit XML or JSON (repeatable; adds to gates.authzResults)', collect, [] as string[])
    .option('--config <file>', 'config file (default: appwrite-secops.yaml found upward from the path)')
    .addHelpText(
      'after',
      `
Decision and exit code:
  pass     0  score at or above gates.minScore and no critical control missing
  fail     1  score below gates.minScore
  blocked  1  a critical control is missing, whatever the score
  (3 when the decision is pass but part of the workspace could not be read)`,
    )
    .action(async (target, opts) => {
      const { runGate } = await import('../../gates/run.js');
      const { renderGate } = await import('../../gates/render.js');
      const run = await runGate({
        root: path.resolve(ctx.io.cwd, target),
        configFile: opts.config ? path.resolve(ctx.io.cwd, opts.config) : undefined,
        authzResults: opts.authzResults.map((f) => path.resolve(ctx.io.cwd, f)),
        write: opts.write,
        redactor: ctx.redactor,
      });
      ctx.out(opts.format === 'markdown' ? run.markdown : renderGate(run.gate, opts.format, ctx.color()));
      if (run.written) ctx.log(`wrote ${path.relative(ctx.io.cwd, run.written) || run.written}`);
      ctx.setExit(run.gate.decision === 'pass' ? (run.audit.summary.complete ? 0 : 3) : 1);
    });
}
