import { Redactor } from '../core/redact.js';
import type { CliContext, CliIO } from './runtime.js';

export function createContext(io: CliIO, flags: () => { color?: boolean; quiet?: boolean; verbose?: boolean }): CliContext & { exitCode(): number } {
  let code = 0;
  const redactor = new Redactor();
  const ctx = {
    io,
    redactor,
    setExit(c: number) {
      // 2 (nothing judged) outranks 3 (incomplete) outranks 1 (findings): the most serious answer wins.
      const rank = (n: number) => (n === 2 ? 3 : n === 3 ? 2 : n === 1 ? 1 : 0);
      if (rank(c) > rank(code)) code = c;
    },
    exitCode: () => code,
    color(stream: 'stdout' | 'stderr' = 'stdout') {
      if (flags().color === false) return false;
      if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
      if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
      return !!(stream === 'stdout' ? io.stdout.isTTY : io.stderr.isTTY);
    },
    out(text: string) {
      io.stdout.write(redactor.scrub(text));
    },
    log(text: string) {
      if (!flags().quiet) io.stderr.write(redactor.scrub(text.endsWith('\n') ? text : `${text}\n`));
    },
    error(text: string) {
      io.stderr.write(redactor.scrub(text.endsWith('\n') ? text : `${text}\n`));
    },
    get verbose() {
      return !!flags().verbose;
    },
    get quiet() {
      return !!flags().quiet;
    },
  };
  return ctx;
}
