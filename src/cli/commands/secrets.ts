import { Command, Option } from '@commander-js/extra-typings';
import { FAIL_ON_LEVELS } from '../../core/severity.js';
import { outputPairs } from '../output.js';
import type { CliContext } from '../runtime.js';
import path from 'node:path';
import { stat } from 'node:fs/promises';

export const SECRETS_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit'] as const;

/** Piped input larger than this is refused: a pre-commit hook pipes files, not disk images. */
const MAX_STDIN_BYTES = 64 * 1024 * 1024;

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerSecrets(program: Command, ctx: CliContext): void {
  const pairs = outputPairs(SECRETS_FORMATS);
  program
    .command('secrets')
    .description('Scan for committed secrets: Appwrite keys and server secrets, cloud credentials, tokens, private keys.')
    .argument('[path]', 'folder or file to scan (for --history/--staged: a folder inside the repository)', '.')
    .option('--history', 'scan every commit reachable from any ref (reports commit, author, date, and whether the value is still present)')
    .option('--staged', 'scan only what is staged for commit (for a pre-commit hook)')
    .option('--stdin', 'scan text piped on standard input')
    .option('--stdin-path <path>', 'path to show for --stdin findings (e.g. the file the hook piped)')
    .option('--baseline <file>', 'suppress the findings whose fingerprints this baseline lists (default: config secrets.baseline)')
    .option('--write-baseline <file>', 'write every current finding to this baseline file (the old baseline is not applied) and exit 0')
    .option('--verify', 'test each Appwrite key with one GET /health against secrets.verify.endpoint (no other host is contacted)')
    .option('--exclude <glob>', 'never scan paths matching this glob (repeatable), on top of secrets.exclude', collect, [] as string[])
    .option('--format <format>', `report format: ${SECRETS_FORMATS.join('|')} (repeatable; pair each with --output)`, pairs.parseFormat, [])
    .option('--output <file>', 'write the preceding --format to this file instead of stdout', pairs.parseOutput, [] as string[])
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the run exit 1 (default: config failOn, else high)').choices(FAIL_ON_LEVELS))
    .option('--config <file>', 'config file (default: appwrite-secops.yaml found upward from the path)')
    .addHelpText(
      'after',
      `
Suppressing a finding:
  an inline comment "appwrite-secops:allow" on the line (or "appwrite-secops:allow-next-line" above it),
  a baseline file (--baseline), or an exception in the config (check id + fingerprint, owner, expiry).

Examples:
  appwrite-secops secrets                                   # the working tree (.gitignore honoured; dist/ and build/ always)
  appwrite-secops secrets --staged --fail-on low            # pre-commit hook
  appwrite-secops secrets --history --format sarif --output secrets.sarif
  appwrite-secops secrets --write-baseline .secrets-baseline.json
  git show HEAD:app.js | appwrite-secops secrets --stdin --stdin-path app.js`,
    )
    .action(async (target, opts) => {
      const { UsageError } = await import('../../core/errors.js');
      const modes = [opts.history && '--history', opts.staged && '--staged', opts.stdin && '--stdin'].filter(Boolean);
      if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined`, { hint: 'run one scan per mode' });
      if (opts.stdinPath && !opts.stdin) throw new UsageError('--stdin-path only applies with --stdin', { hint: 'add --stdin, or drop --stdin-path' });
      const { audit } = await import('../../audit.js');
      const { writeReports } = await import('../output.js');
      const { exitCodeFor } = await import('../../core/result.js');
      const { secretsChecks } = await import('../../checks/secrets/index.js');
      const { secretsCollector } = await import('../../collectors/secrets/index.js');

      const abs = path.resolve(ctx.io.cwd, target);
      const st = opts.stdin ? undefined : await stat(abs).catch(() => undefined);
      if (!opts.stdin && !st) throw new UsageError(`cannot scan ${target}: no such file or folder`, { hint: 'pass an existing folder or file' });
      if (st && !st.isDirectory() && (opts.history || opts.staged)) throw new UsageError(`${target} is a file; --history and --staged take a folder`, { hint: 'pass the repository folder' });
      const root = st && !st.isDirectory() ? path.dirname(abs) : opts.stdin ? ctx.io.cwd : abs;
      const stdinText = opts.stdin ? await readStdin(ctx, MAX_STDIN_BYTES) : undefined;
      const progress = ctx.verbose || ctx.io.stderr.isTTY ? (m: string) => ctx.log(m) : undefined;
      const mode = opts.history ? 'history' : opts.staged ? 'staged' : opts.stdin ? 'stdin' : 'tree';
      const result = await audit({
        root,
        configFile: opts.config ? path.resolve(ctx.io.cwd, opts.config) : undefined,
        inputs: {
          secretScan: {
            mode,
            explicit: true,
            ...(st && !st.isDirectory() ? { target: abs } : {}),
            ...(stdinText !== undefined ? { stdinText, stdinPath: opts.stdinPath ?? '<stdin>' } : {}),
            ...(opts.baseline && !opts.writeBaseline ? { baseline: path.resolve(ctx.io.cwd, opts.baseline) } : {}),
            ...(opts.writeBaseline ? { ignoreBaseline: true } : {}),
            exclude: opts.exclude,
            ...(opts.verify ? { verify: true } : {}),
          },
        },
        checks: secretsChecks,
        collectors: [secretsCollector],
        failOn: opts.failOn,
        redactor: ctx.redactor,
        onProgress: progress,
      });
      await writeReports(result, pairs.targets(), ctx);
      if (opts.writeBaseline) {
        const { renderBaseline, writeBaseline } = await import('../../secrets/baseline.js');
        const entries = result.findings
          .filter((f) => f.resource?.type === 'secret' && (f.status === 'fail' || f.status === 'excepted') && f.location)
          .map((f) => ({ fingerprint: f.resource!.id, ruleId: f.resource!.name ?? '', path: f.location!.path, line: f.location!.line ?? 1 }));
        const file = path.resolve(ctx.io.cwd, opts.writeBaseline);
        await writeBaseline(file, renderBaseline(entries, new Date()));
        ctx.log(`wrote ${new Set(entries.map((e) => e.fingerprint)).size} fingerprint(s) to ${opts.writeBaseline}`);
        // Accepting the current state is the point of a baseline run: only "could not tell" fails it.
        ctx.setExit(result.summary.complete ? 0 : 3);
        return;
      }
      ctx.setExit(exitCodeFor(result.summary));
    });
}

async function readStdin(ctx: CliContext, maxBytes: number): Promise<string> {
  const { InputError } = await import('../../core/errors.js');
  const stream = ctx.io.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > maxBytes) throw new InputError(`standard input is over ${maxBytes} bytes`, { hint: 'pipe one file at a time, or scan the folder instead' });
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('latin1');
}
