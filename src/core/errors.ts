/**
 * Typed errors. Library code throws these; only src/cli maps them to exit codes.
 * - UsageError / InputError: exit 2 (nothing could be judged).
 * - IncompleteError: exit 3 (a source could not be read; what ran is still reported).
 */
export interface SourcePosition {
  path: string;
  line?: number;
  column?: number;
}

export function formatPosition(p: SourcePosition): string {
  return p.line ? `${p.path}:${p.line}${p.column ? `:${p.column}` : ''}` : p.path;
}

export class SecopsError extends Error {
  readonly exitCode: 2 | 3;
  readonly position?: SourcePosition;
  readonly hint?: string;
  constructor(message: string, opts: { exitCode: 2 | 3; position?: SourcePosition; hint?: string; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    // Spelled out, not new.target.name: the CLI bundle is minified and renames classes.
    this.name = 'SecopsError';
    this.exitCode = opts.exitCode;
    this.position = opts.position;
    this.hint = opts.hint;
  }

  /** One line for the terminal: `file:line: message. Fix: hint` */
  describe(): string {
    const where = this.position ? `${formatPosition(this.position)}: ` : '';
    const msg = this.hint && !/[.!?:]$/.test(this.message) ? `${this.message}.` : this.message;
    return `${where}${msg}${this.hint ? ` Fix: ${this.hint}` : ''}`;
  }
}

/** Bad flag or argument. */
export class UsageError extends SecopsError {
  constructor(message: string, opts: { hint?: string; cause?: unknown } = {}) {
    super(message, { exitCode: 2, ...opts });
    this.name = 'UsageError';
  }
}

/** An input file that cannot be read or is invalid (config, env file, lockfile given explicitly). */
export class InputError extends SecopsError {
  constructor(message: string, opts: { position?: SourcePosition; hint?: string; cause?: unknown } = {}) {
    super(message, { exitCode: 2, ...opts });
    this.name = 'InputError';
  }
}

/** A source could not be read (network, permission, tool output that did not parse). */
export class IncompleteError extends SecopsError {
  constructor(message: string, opts: { position?: SourcePosition; hint?: string; cause?: unknown } = {}) {
    super(message, { exitCode: 3, ...opts });
    this.name = 'IncompleteError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof SecopsError) return err.describe();
  if (err instanceof Error) return err.message;
  return String(err);
}
