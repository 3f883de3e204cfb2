import type { Config } from './config.js';
import type { FactKey, Facts, FactState } from './facts.js';
import type { Redactor } from './redact.js';
import type { Workspace } from './workspace.js';

export interface Diagnostic {
  level: 'warning' | 'error';
  message: string;
  path?: string;
  line?: number;
  column?: number;
  /** The collector that raised it. */
  source: string;
}

/**
 * Files and sources named explicitly on the command line. Areas add their own fields by declaration
 * merging (`declare module '../core/collector.js' { interface AuditInputs { lockfiles?: string[] } }`).
 * A file named here that cannot be read is a usage error (exit 2); a discovered one is a diagnostic.
 */
export interface AuditInputs {
  envFiles?: string[];
  composeFiles?: string[];
}

export interface CollectContext {
  workspace: Workspace;
  config: Config;
  inputs: AuditInputs;
  redactor: Redactor;
  now: Date;
  /** Report a problem with one input (a malformed line) without stopping collection. */
  diagnose(d: Omit<Diagnostic, 'source'>): void;
  /** Progress for long work; shown on a TTY only. */
  progress(message: string): void;
  /** Records a file or source that was read, for the report's `inputs` list. */
  recordInput(kind: string, path: string): void;
  signal?: AbortSignal;
}

export interface Collector<K extends FactKey = FactKey> {
  key: K;
  description: string;
  /**
   * Returns the fact, `absent` when the workspace has no input of this kind, or `error` when it has one
   * that could not be read. Throw InputError only for inputs named explicitly in `inputs`.
   */
  collect(ctx: CollectContext): Promise<FactState<Facts[K]>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollector = Collector<FactKey>;

export function defineCollector<K extends FactKey>(c: Collector<K>): Collector<K> {
  return c;
}
