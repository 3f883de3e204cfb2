import { Command, CommanderError, Help } from '@commander-js/extra-typings';
import { errorMessage, SecopsError } from '../core/errors.js';
import { TOOL_VERSION } from '../version.js';
import { createContext } from './context.js';
import type { CliIO } from './runtime.js';
import { registerAudit } from './commands/audit.js';
import { registerChecks } from './commands/checks.js';
import { registerExplain } from './commands/explain.js';
import { registerInit } from './commands/init.js';
import { registerGate } from './commands/gate.js';
import { registerSecrets } from './commands/secrets.js';
import { registerPermissions } from './commands/permissions.js';
import { registerEndpoints } from './commands/endpoints.js';
import { registerThreatModel } from './commands/threat-model.js';
import { registerKeys } from './commands/keys.js';
import { registerDeps } from './commands/deps.js';
import { registerHistory } from './commands/history.js';
import { registerDiff } from './commands/diff.js';
import { registerEvidence } from './commands/evidence.js';
import { registerStore } from './commands/store.js';

export interface MainOptions {
  /** Values to scrub from every output on top of those the collectors register (e.g. tokens an embedder holds). */
  secrets?: readonly string[];
}

/**
 * The CLI entry point. The only place that decides the process exit code (bin/ applies it); every
 * command records its outcome through the context instead of exiting.
 */
export async function main(argv: string[], io: CliIO = defaultIO(), opts: MainOptions = {}): Promise<number> {
  const program = new Command()
    .name('appwrite-secops')
    .description('Security operations for Appwrite: audit deployments, projects, code and dependencies; gate releases.')
    .version(TOOL_VERSION, '-V, --version')
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    .option('-q, --quiet', 'print results only, no progress or notes on stderr')
    .option('-v, --verbose', 'more detail: passing and skipped checks, timings')
    .configureHelp({
      // Repeatable options start from an empty list; "(default: [])" only clutters the help.
      optionDescription(option) {
        return new Help().optionDescription(option).replace(/ \(default: \[\]\)/, '');
      },
    })
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .addHelpText(
      'after',
      `
Exit codes:
  0  ran; nothing at or above --fail-on
  1  ran; findings at or above --fail-on (or a gate blocks the release)
  2  usage or input error: nothing was judged
  3  incomplete: a source could not be read; what ran is still reported

Start with:
  appwrite-secops audit examples/selfhosted-insecure
  appwrite-secops checks
  appwrite-secops explain selfhost/openssl-key-strong`,
    );

  const ctx = createContext(io, () => program.opts());
  for (const secret of opts.secrets ?? []) ctx.redactor.add(secret);
  registerAudit(program, ctx);
  registerChecks(program, ctx);
  registerExplain(program, ctx);
  registerInit(program, ctx);
  registerGate(program, ctx);
  registerSecrets(program, ctx);
  registerPermissions(program, ctx);
  registerEndpoints(program, ctx);
  registerThreatModel(program, ctx);
  registerDeps(program, ctx);
  registerKeys(program, ctx);
  registerHistory(program, ctx);
  registerDiff(program, ctx);
  registerEvidence(program, ctx);
  registerStore(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; every parse error is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof SecopsError) {
      ctx.error(`appwrite-secops: ${err.describe()}`);
      ctx.setExit(err.exitCode);
    } else {
      ctx.error(`appwrite-secops: unexpected error: ${errorMessage(err)}`);
      if (ctx.verbose && err instanceof Error && err.stack) ctx.error(err.stack);
      ctx.setExit(2);
    }
  }
  return ctx.exitCode();
}

function defaultIO(): CliIO {
  // stdin on first use: creating the process.stdin stream costs start-up time that only `--stdin` needs.
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
