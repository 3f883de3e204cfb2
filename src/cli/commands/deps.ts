import { Command, Option } from '@commander-js/extra-typings';
import { FAIL_ON_LEVELS } from '../../core/severity.js';
import { outputPairs } from '../output.js';
import type { CliContext } from '../runtime.js';
import path from 'node:path';

export const DEPS_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit', 'html'] as const;

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerDeps(program: Command, ctx: CliContext): void {
  const pairs = outputPairs(DEPS_FORMATS);
  program
    .command('deps')
    .description('Dependency vulnerabilities and lockfile hygiene: every lockfile, several advisory sources, SLAs, exceptions and the smallest upgrades.')
    .argument('[path]', 'folder to audit', '.')
    .option('--audit-json <file>', 'saved output of npm/pnpm/yarn/bun audit --json (repeatable; the format is detected)', collect, [] as string[])
    .option('--osv-scanner-json <file>', 'saved output of osv-scanner --format json (repeatable)', collect, [] as string[])
    .option('--osv-db <path>', 'offline OSV database: a folder of OSV JSON records, or the npm all.zip (turns the OSV API off unless --osv-api is given)')
    .option('--osv-api <url>', 'OSV API base URL (default: config dependencies.osv.api, else https://api.osv.dev)')
    .option('--offline', 'do not query the OSV API')
    .option('--run-audit', "also run each lockfile's package manager audit (npm, pnpm, yarn, bun)")
    .option('--prod-only', 'judge only packages production code can load (leave devDependencies out)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the run exit 1 (default: config failOn, else high)').choices(FAIL_ON_LEVELS))
    .option('--format <format>', `report format: ${DEPS_FORMATS.join('|')} (repeatable; pair each with --output)`, pairs.parseFormat, [])
    .option('--output <file>', 'write the preceding --format to this file instead of stdout', pairs.parseOutput, [] as string[])
    .option('--config <file>', 'config file (default: appwrite-secops.yaml found upward from the path)')
    .option('--as-of <date>', 'judge SLAs as of this date (YYYY-MM-DD or ISO time; default now), e.g. to see what falls due next week')
    .option('--no-plan', 'do not print the remediation plan after a text report')
    .addHelpText(
      'after',
      `
Advisory sources: the OSV API unless --offline or --osv-db; plus every --audit-json, --osv-scanner-json
and --run-audit. The same vulnerability from several sources is one finding listing them all. A source
that fails makes the run incomplete (exit 3); a bad file named here is an input error (exit 2).

Examples:
  appwrite-secops deps                                        # OSV API, text report and upgrade plan
  appwrite-secops deps --offline --osv-db ~/osv/npm/all.zip --fail-on critical
  appwrite-secops deps --audit-json npm-audit.json --prod-only
  appwrite-secops deps examples/deps-vulnerable --osv-db examples/deps-vulnerable/osv --format sarif --output deps.sarif`,
    )
    .action(async (target, opts) => {
      const { UsageError } = await import('../../core/errors.js');
      const { audit } = await import('../../audit.js');
      const { writeReports } = await import('../output.js');
      const { exitCodeFor } = await import('../../core/result.js');
      const { depsChecks } = await import('../../checks/deps/index.js');
      const { lockfilesCollector } = await import('../../collectors/lockfiles/index.js');
      const { advisoriesCollector } = await import('../../collectors/advisories/index.js');
      if (opts.osvApi !== undefined && !/^https?:\/\/[^\s/]+/.test(opts.osvApi)) {
        throw new UsageError(`--osv-api "${opts.osvApi}" is not an http(s) URL`, { hint: 'give the base URL, e.g. https://api.osv.dev' });
      }
      if (opts.offline && opts.osvApi) throw new UsageError('--offline and --osv-api contradict each other', { hint: 'drop one of them' });
      const now = opts.asOf === undefined ? undefined : new Date(/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) ? `${opts.asOf}T00:00:00Z` : opts.asOf);
      if (now && Number.isNaN(now.getTime())) throw new UsageError(`--as-of "${opts.asOf}" is not a date`, { hint: 'use YYYY-MM-DD or an ISO time such as 2026-12-01T09:00:00Z' });
      const abs = (f: string) => path.resolve(ctx.io.cwd, f);
      const progress = ctx.verbose || ctx.io.stderr.isTTY ? (m: string) => ctx.log(m) : undefined;
      const result = await audit({
        root: abs(target),
        configFile: opts.config ? abs(opts.config) : undefined,
        inputs: {
          auditJson: opts.auditJson.map(abs),
          osvScannerJson: opts.osvScannerJson.map(abs),
          ...(opts.osvDb ? { osvDb: abs(opts.osvDb) } : {}),
          ...(opts.osvApi ? { osvApi: opts.osvApi } : {}),
          osvOnline: !opts.offline && (!opts.osvDb || !!opts.osvApi),
          ...(opts.runAudit ? { runAudit: true } : {}),
          ...(opts.prodOnly ? { prodOnly: true } : {}),
        },
        failOn: opts.failOn,
        ...(now ? { now } : {}),
        redactor: ctx.redactor,
        onProgress: progress,
        checks: depsChecks,
        collectors: [lockfilesCollector, advisoriesCollector],
      });
      const targets = pairs.targets();
      await writeReports(result, targets, ctx);
      if (opts.plan && targets.some((t) => !t.output && t.format === 'text')) {
        const { buildPlan, renderPlan } = await import('../../deps/plan.js');
        ctx.out(`\n${renderPlan(buildPlan(result.findings))}`);
      }
      ctx.setExit(exitCodeFor(result.summary));
    });
}
