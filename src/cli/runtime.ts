import type { Redactor } from '../core/redact.js';

/** What a command may touch of the process: injected so that commands are testable in-process. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Standard input, for commands that read piped text (`secrets --stdin`). */
  stdin?: NodeJS.ReadableStream;
  cwd: string;
}

export interface CliContext {
  io: CliIO;
  /** Records the exit code; main.ts is the only place that ends the process. The highest code wins. */
  setExit(code: number): void;
  /** True when colour may be used on stdout (TTY, no NO_COLOR, no --no-color). */
  color(stream?: 'stdout' | 'stderr'): boolean;
  /** Every secret registered here is scrubbed from anything written through `out`/`err`. */
  redactor: Redactor;
  /** Writes results to stdout (scrubbed). */
  out(text: string): void;
  /** Writes progress and logs to stderr (scrubbed); suppressed by --quiet. */
  log(text: string): void;
  /** Writes an error line to stderr (scrubbed), never suppressed. */
  error(text: string): void;
  verbose: boolean;
  quiet: boolean;
}
