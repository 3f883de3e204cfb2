/**
 * The `dependencies` section of a loaded config, without zod: the schema (./config.ts) filled every default
 * when the file was read. Kept apart from the schema so that an audit's start-up does not load zod.
 */
import { defaultConfig } from '../core/config.js';
import type { DepsConfig } from './config.js';

export type { DepsConfig };

/** The section of a loaded config; the defaults when the config has none (an embedder's hand-made config). */
export function depsConfigOf(config: unknown): DepsConfig {
  return (config as { dependencies?: DepsConfig } | undefined)?.dependencies ?? defaultConfig().dependencies;
}
