import path from 'node:path';
import { Command, Option } from '@commander-js/extra-typings';
import type { AuditInputs } from '../../core/collector.js';
import { FAIL_ON_LEVELS } from '../../core/severity.js';
import { outputPairs } from '../output.js';
import type { CliContext } from '../runtime.js';

export const AUDIT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit', 'html'] as const;

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

export function registerAudit(program: Command, ctx: CliContext): void {
  const pairs = outputPairs(AUDIT_FORMATS);
  program
    .command('audit')
    .description('Audit a workspace: self-hosted .env and docker-compose files, and every other input found.')
    .argument('[path]', 'folder to audit', '.')
    .option('--env-file <file>', 'an env file to audit (repeatable); templates such as .env.example are audited for placeholders only', collect, [] as string[])
    .option('--compose <file>', 'a docker-compose file to audit (repeatable)', collect, [] as string[])
    .option('--format <format>', `report format: ${AUDIT_FORMATS.join('|')} (repeatable; pair each with --output)`, pairs.parseFormat, [])
    .option('--output <file>', 'write the preceding --format to this file instead of stdout', pairs.parseOutput, [] as string[])
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the run exit 1 (default: config failOn, else high)').choices(FAIL_ON_LEVELS))
    .option('--checks <ids>', 'only these check ids or globs, comma-separated (e.g. "selfhost/*")', collect, [] as string[])
    .option('--skip <ids>', 'skip these check ids or globs, comma-separated', collect, [] as string[])
    .option('--appwrite-config <file>', 'an appwrite.json / appwrite.config.json to analyse instead of discovering them (repeatable)', collect, [] as string[])
    .option('--env <names>', 'also audit these live environments from the config (comma-separated or repeatable)', collect, [] as string[])
    .option('--all-envs', 'also audit every live environment in the config')
    .option('--audit-json <file>', 'saved package-manager audit output: npm, pnpm, yarn classic/berry, bun (repeatable; format detected)', collect, [] as string[])
    .option('--osv-scanner-json <file>', 'saved OSV-Scanner JSON output (repeatable)', collect, [] as string[])
    .option('--osv-db <path>', 'offline OSV database: a folder of OSV records or an all.zip export')
    .option('--osv-api <url>', 'query this OSV API (e.g. https://api.osv.dev) for every locked package')
    .option('--run-audit', 'run each lockfile\'s package manager audit (npm/pnpm/yarn/bun) when installed')
    .option('--prod-only', 'leave devDependencies out of the dependency findings')
    .option('--secrets-history', 'also scan every commit reachable from any ref for secrets (slower)')
    .option('--secrets-baseline <file>', 'baseline file of accepted secret fingerprints (see `secrets --write-baseline`)')
    .option('--verify-secrets', 'test Appwrite keys found against secrets.verify.endpoint (one harmless call per key)')
    .option('--github <owner/repo>', 'also read the repository\'s GitHub security settings (token from GITHUB_TOKEN or GH_TOKEN)')
    .option('--github-api <url>', 'GitHub API base URL (GitHub Enterprise Server)', 'https://api.github.com')
    .option('--store [url]', 'record this run in the evidence store (sqlite:PATH or postgres://…; default: $APPWRITE_SECOPS_STORE, store.url, or sqlite:.appwrite-secops/state.db)')
    .option('--no-store', 'do not record this run even when store.url or $APPWRITE_SECOPS_STORE is set')
    .option('--baseline <run>', 'only findings new since this stored run (last, or a run id) count for --fail-on; for pull requests')
    .option('--scope <name>', 'keep this project\'s runs apart from others in a shared store')
    .option('--config <file>', 'config file (default: appwrite-secops.yaml found upward from the path)')
    .addHelpText(
      'after',
      `
Examples:
  appwrite-secops audit                                  # the current folder, text report
  appwrite-secops audit ./deploy --fail-on critical
  appwrite-secops audit --format sarif --output audit.sarif --format text
  appwrite-secops audit --checks 'selfhost/*' --skip selfhost/antivirus-enabled
  appwrite-secops audit --env-file /etc/appwrite/.env --compose /etc/appwrite/docker-compose.yml`,
    )
    .action(async (target, opts) => {
      const targets = pairs.targets(); // usage errors before any work
      const { audit } = await import('../../audit.js');
      const { writeReports } = await import('../output.js');
      const { exitCodeFor } = await import('../../core/result.js');
      const progress = ctx.verbose || ctx.io.stderr.isTTY ? (m: string) => ctx.log(m) : undefined;
      const root = path.resolve(ctx.io.cwd, target);
      const configFile = opts.config ? path.resolve(ctx.io.cwd, opts.config) : undefined;
      const { openAuditStore } = await import('../audit-store.js');
      const store = await openAuditStore({ flag: opts.store, baseline: opts.baseline, root, configFile, ctx });
      let result;
      let html;
      try {
        result = await audit({
          root,
          configFile,
          inputs: auditInputs(opts, ctx, store?.store),
          include: opts.checks.length ? opts.checks : undefined,
          exclude: opts.skip,
          failOn: opts.failOn,
          redactor: ctx.redactor,
          onProgress: progress,
        });
        if (store) await store.finish(result, { baseline: opts.baseline, scope: opts.scope });
        if (targets.some((t) => t.format === 'html')) {
          const { resolveConfig } = await import('../../core/config.js');
          const { htmlExtras } = await import('../html-extras.js');
          html = await htmlExtras(result, (await resolveConfig({ configFile, startDir: root })).config, ctx, store?.store);
        }
      } finally {
        await store?.close();
      }
      await writeReports(result, targets, ctx, { html });
      for (const d of result.diagnostics) if (!ctx.quiet && ctx.verbose) ctx.log(`${d.level}: ${d.path ?? ''}${d.line ? `:${d.line}` : ''} ${d.message}`);
      ctx.setExit(exitCodeFor(result.summary));
    });
}

type AuditFlags = {
  envFile: string[];
  compose: string[];
  appwriteConfig: string[];
  env: string[];
  allEnvs?: true;
  auditJson: string[];
  osvScannerJson: string[];
  osvDb?: string;
  osvApi?: string;
  runAudit?: true;
  prodOnly?: true;
  github?: string;
  githubApi: string;
  secretsHistory?: true;
  verifySecrets?: true;
  secretsBaseline?: string;
};

/** The files and sources named on the command line, as the collectors take them (paths made absolute). */
function auditInputs(opts: AuditFlags, ctx: CliContext, firstSeen: AuditInputs['firstSeen']): AuditInputs {
  const abs = (f: string) => path.resolve(ctx.io.cwd, f);
  return {
    envFiles: opts.envFile.map(abs),
    composeFiles: opts.compose.map(abs),
    ...(opts.appwriteConfig.length ? { appwriteConfig: opts.appwriteConfig.map(abs) } : {}),
    ...(opts.env.length ? { liveEnvironments: opts.env } : {}),
    ...(opts.allEnvs ? { allLiveEnvironments: true } : {}),
    liveEnvVars: ctx.io.env,
    auditJson: opts.auditJson.map(abs),
    osvScannerJson: opts.osvScannerJson.map(abs),
    ...(opts.osvDb ? { osvDb: abs(opts.osvDb) } : {}),
    ...(opts.osvApi ? { osvApi: opts.osvApi } : {}),
    runAudit: !!opts.runAudit,
    prodOnly: !!opts.prodOnly,
    ...(firstSeen ? { firstSeen } : {}),
    github: opts.github,
    githubApi: opts.githubApi,
    secretScan: { history: opts.secretsHistory, verify: opts.verifySecrets, ...(opts.secretsBaseline ? { baseline: abs(opts.secretsBaseline) } : {}) },
  };
}
