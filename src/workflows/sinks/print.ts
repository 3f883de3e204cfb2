import { UsageError } from '../../core/errors.js';
import { describeSink, type Sink } from './types.js';

/**
 * The print-once sink: writes the secret to the terminal after the user confirms that they are ready
 * to copy it. `write` must be the raw terminal stream: the CLI's scrubbing output would (rightly) hide it.
 */
export function printSink(opts: { write: (text: string) => void; confirm: (question: string) => Promise<boolean>; label?: string }): Sink {
  const spec = { kind: 'print' as const };
  return {
    spec,
    label: describeSink(spec),
    holds: async () => undefined,
    async deliver(secret) {
      const ok = await opts.confirm(`The secret of ${opts.label ?? 'the new key'} will be shown once and never again. Show it now?`);
      if (!ok) throw new UsageError('the secret was not shown', { hint: 'run again and confirm, or choose another sink (--sink dotenv:FILE or --sink command:CMD)' });
      opts.write(`${secret}\n`);
    },
  };
}
