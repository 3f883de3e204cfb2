import { Command, Option } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';
import path from 'node:path';

export const PERMISSION_FORMATS = ['text', 'markdown', 'csv', 'json'] as const;
export const PERMISSION_DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerPermissions(program: Command, ctx: CliContext): void {
  const permissions = program
    .command('permissions')
    .description('Who can do what on every collection, table, bucket, function and topic of an Appwrite project file.')
    .argument('[path]', 'project folder (appwrite.config.json / appwrite.json are found in it) or a project file', '.')
    .addOption(new Option('--format <format>', 'output format').choices(PERMISSION_FORMATS).default('text' as const))
    .option('--principal <role>', 'only grants that reach this role, broader roles included (any reaches everyone): any, guests, users, users/verified, user:<id>, team:<id>/<role>, member:<id>, label:<name>')
    .option('--resource <id>', 'only this resource: id, databaseId/id or name; globs allowed ("shop/*")')
    .option('--action <action>', 'only this action: read, create, update, delete, write (= create+update+delete), execute, subscribe')
    .option('--appwrite-config <file>', 'analyse this project file (repeatable) instead of discovering them', collect, [] as string[])
    .addHelpText(
      'after',
      `
API keys bypass every permission shown: they are limited by their scopes only.

Examples:
  appwrite-secops permissions                              # every grant, as a table
  appwrite-secops permissions --principal any               # what anyone on the internet can do
  appwrite-secops permissions --action write --format csv   # every create/update/delete grant
  appwrite-secops permissions diff HEAD~1:appwrite.json appwrite.json --fail-on-widen`,
    )
    .action(async (target, opts) => {
      const { loadProjectsAt } = await import('../../permissions/load.js');
      const { buildMatrix } = await import('../../permissions/matrix.js');
      const { filterMatrix } = await import('../../permissions/filter.js');
      const { renderMatrix } = await import('../../permissions/render.js');
      const loaded = await loadProjectsAt(path.resolve(ctx.io.cwd, target), {
        appwriteConfig: opts.appwriteConfig.map((f) => path.resolve(ctx.io.cwd, f)),
        redactor: ctx.redactor,
      });
      for (const w of loaded.warnings) ctx.log(`warning: ${w}`);
      for (const p of loaded.facts.problems) ctx.log(`warning: ${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`);
      const matrix = filterMatrix(buildMatrix(loaded.facts.projects), { principal: opts.principal, resource: opts.resource, action: opts.action });
      ctx.out(renderMatrix(matrix, opts.format));
      ctx.setExit(0);
    });

  permissions
    .command('diff')
    .description('Access widened and narrowed between two versions of a project file (files, or git revisions such as HEAD~1:appwrite.json).')
    .argument('<old>', 'the earlier version: a file, or REVISION:PATH read with git show (PATH from the repository root, or ./PATH from the current folder)')
    .argument('<new>', 'the later version: a file, or REVISION:PATH')
    .option('--fail-on-widen', 'exit 1 when any access was widened (for pull-request checks)')
    // `--format` is the permissions command's own option (commander hands it to the parent wherever it is
    // written), so diff reads it from there and refuses csv.
    .addHelpText('after', `\nFormats: --format text|markdown|json (default text).`)
    .action(async (before, after, opts) => {
      const format = permissions.opts().format;
      if (!(PERMISSION_DIFF_FORMATS as readonly string[]).includes(format)) {
        const { UsageError } = await import('../../core/errors.js');
        throw new UsageError(`permissions diff cannot write ${format}`, { hint: `use --format ${PERMISSION_DIFF_FORMATS.join('|')}` });
      }
      const { loadProjectVersion } = await import('../../permissions/load.js');
      const { buildMatrix } = await import('../../permissions/matrix.js');
      const { diffMatrices, diffWidens, renderDiff } = await import('../../permissions/diff.js');
      const load = (spec: string) => loadProjectVersion(spec, { cwd: ctx.io.cwd, redactor: ctx.redactor });
      const [oldProject, newProject] = await Promise.all([load(before), load(after)]);
      const diff = diffMatrices(buildMatrix([oldProject]), buildMatrix([newProject]));
      ctx.out(renderDiff(diff, format as (typeof PERMISSION_DIFF_FORMATS)[number], { before, after }));
      ctx.setExit(opts.failOnWiden && diffWidens(diff) ? 1 : 0);
    });
}
