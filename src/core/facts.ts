/**
 * The facts collectors produce and checks consume, keyed by name. Every collector adds its own key by
 * declaration merging, so areas stay independent:
 *
 * ```ts
 * declare module '../../core/facts.js' {
 *   interface Facts { 'selfhost-env': EnvFacts }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Facts {}

export type FactKey = keyof Facts & string;

export type FactState<T> =
  | { state: 'ok'; value: T }
  /** The workspace has no input of this kind: checks that need it are skipped. */
  | { state: 'absent'; reason: string }
  /** The input exists but could not be read: checks that need it report `error`. */
  | { state: 'error'; message: string };
