import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { SinkConfig } from '../../keys/config.js';
import { commandSink } from './command.js';
import { dotenvSink } from './dotenv.js';
import { printSink } from './print.js';
import type { Sink, SinkSpec } from './types.js';

export { describeSink, type Sink, type SinkSpec } from './types.js';
export { dotenvSink, readDotenvValue, setDotenvValue, writeFileAtomic } from './dotenv.js';
export { commandSink } from './command.js';
export { printSink } from './print.js';

const VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `dotenv:PATH[:VARIABLE]`, `command:CMD` or `print`, as given to --sink. */
export function parseSinkFlag(value: string): SinkSpec {
  if (value === 'print') return { kind: 'print' };
  if (value.startsWith('command:') && value.length > 'command:'.length) return { kind: 'command', command: value.slice('command:'.length) };
  if (value.startsWith('dotenv:') && value.length > 'dotenv:'.length) {
    const rest = value.slice('dotenv:'.length);
    const i = rest.lastIndexOf(':');
    if (i > 0 && VAR.test(rest.slice(i + 1))) return { kind: 'dotenv', path: rest.slice(0, i), variable: rest.slice(i + 1) };
    return { kind: 'dotenv', path: rest, variable: 'APPWRITE_API_KEY' };
  }
  throw new UsageError(`--sink "${value}" is not a sink`, { hint: 'use dotenv:PATH[:VARIABLE], command:CMD (the secret arrives on stdin) or print' });
}

/** The sink of a service's policy, with `{env}` and `{service}` filled in. */
export function sinkFromConfig(c: SinkConfig, vars: { env: string; service: string }): SinkSpec {
  const fill = (s: string) => s.replaceAll('{env}', vars.env).replaceAll('{service}', vars.service);
  if ('dotenv' in c) return { kind: 'dotenv', path: fill(c.dotenv.path), variable: c.dotenv.variable };
  if ('command' in c) return { kind: 'command', command: fill(c.command) };
  return { kind: 'print' };
}

export interface SinkRuntime {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Raw terminal output for the print sink. */
  write: (text: string) => void;
  confirm: (question: string) => Promise<boolean>;
}

export function openSink(spec: SinkSpec, rt: SinkRuntime): Sink {
  if (spec.kind === 'dotenv') return dotenvSink(path.resolve(rt.cwd, spec.path), spec.variable);
  if (spec.kind === 'command') return commandSink(spec.command, { env: rt.env, cwd: rt.cwd, timeoutMs: rt.timeoutMs });
  return printSink({ write: rt.write, confirm: rt.confirm });
}
