import { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('Write the security CI workflow, dependabot.yml, a PR security checklist, an appwrite-secops.yaml skeleton and SECURITY_GATES.md for this repository.')
    .argument('[path]', 'repository root', '.')
    .option('--force', 'overwrite files that exist with other content')
    .option('--dry-run', 'show what would be written and changed; write nothing')
    .addHelpText(
      'after',
      `
Writes (from what it detects: package manager, Dockerfiles, compose files, workflows):
  .github/workflows/security-ci.yml   least-privilege permissions, actions pinned to commit SHAs,
                                       secret scan, audit with SARIF upload and a job summary,
                                       dependency review on pull requests, OSV-Scanner
  .github/dependabot.yml              every ecosystem present, grouped, 7-day cooldown
  .github/pull_request_template.md    a security review checklist
  appwrite-secops.yaml                config skeleton (fail-on, exceptions, evidence retention)
  SECURITY_GATES.md                   the release-gate assessment of the workspace as it stands
Existing files are never overwritten without --force; the command shows the difference instead.`,
    )
    .action(async (target, opts) => {
      const { initRepository } = await import('../../repo-automation/init.js');
      const { lineDiff } = await import('../../repo-automation/line-diff.js');
      const root = path.resolve(ctx.io.cwd, target);
      const plan = await initRepository({ root, force: opts.force, dryRun: opts.dryRun });
      let blocked = 0;
      for (const f of plan) {
        if (f.action === 'unchanged') {
          ctx.out(`unchanged  ${f.path}\n`);
        } else if (f.action === 'create') {
          ctx.out(`${f.written ? 'created  ' : 'would create'}  ${f.path}\n`);
        } else {
          const old = await readFile(path.join(root, f.path), 'utf8');
          if (f.written) ctx.out(`updated    ${f.path}\n`);
          else {
            blocked++;
            ctx.out(`${opts.dryRun ? 'would update' : 'differs (kept; use --force to overwrite)'}  ${f.path}\n${lineDiff(old, f.content)}\n`);
          }
        }
      }
      if (blocked && !opts.dryRun) ctx.log(`${blocked} file(s) differ from what init would write; review the difference above, then rerun with --force to replace them.`);
    });
}
