/**
 * Where a new API key secret goes. A sink receives the secret and nothing else keeps it: the
 * workflow state stores the sink's description and the secret's hash, never the secret.
 */
export type SinkSpec =
  | { kind: 'dotenv'; path: string; variable: string }
  | { kind: 'command'; command: string }
  | { kind: 'print' };

export interface Sink {
  readonly spec: SinkSpec;
  /** For messages and the state record; holds no secret. */
  readonly label: string;
  /** True when the sink already holds this secret (a repeated delivery can be skipped); undefined when it cannot tell. */
  holds(secret: string): Promise<boolean | undefined>;
  deliver(secret: string): Promise<void>;
}

export function describeSink(spec: SinkSpec): string {
  if (spec.kind === 'dotenv') return `dotenv ${spec.path} (${spec.variable})`;
  if (spec.kind === 'command') return `command \`${spec.command}\` (secret on stdin)`;
  return 'print once to the terminal';
}
