import { IncompleteError } from '../../core/errors.js';
import { runShellCommand, tail } from './run-command.js';
import { describeSink, type Sink } from './types.js';

/** The command sink: `gh secret set NAME`, `vault kv put path key=-`, a cloud secret manager CLI. */
export function commandSink(command: string, opts: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs: number }): Sink {
  const spec = { kind: 'command' as const, command };
  return {
    spec,
    label: describeSink(spec),
    // A command cannot be asked what it holds; the workflow state remembers the delivery instead.
    holds: async () => undefined,
    async deliver(secret) {
      const r = await runShellCommand(command, { stdin: secret, env: opts.env, cwd: opts.cwd, timeoutMs: opts.timeoutMs });
      if (r.timedOut) throw new IncompleteError(`sink command \`${command}\` did not finish within ${Math.round(opts.timeoutMs / 1000)}s and was killed`, { hint: 'check the command by hand, then run again (with --resume for a rotation)' });
      if (r.code !== 0) throw new IncompleteError(`sink command \`${command}\` failed (${r.signal ? `signal ${r.signal}` : `exit ${r.code}`})${r.stderr.trim() ? `: ${tail(r.stderr)}` : ''}`, { hint: 'fix the command (it receives the secret on stdin), then run again (with --resume for a rotation)' });
    },
  };
}
