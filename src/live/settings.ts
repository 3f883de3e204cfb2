/**
 * The live-audit sections (`environments`, `live`) of a loaded config, without zod: the schema
 * (./config.ts) filled every default when the file was read. Kept apart so that start-up does not load zod.
 */
import { defaultConfig } from '../core/config.js';
import type { EnvironmentConfig, LiveSettings } from './config.js';

export type { EnvironmentConfig, LiveSettings };

/** The sections of a loaded config; the defaults when the config has none (an embedder's hand-made config). */
export function liveConfigOf(config: unknown): { environments: Record<string, EnvironmentConfig>; live: LiveSettings } {
  const c = (config ?? {}) as { environments?: Record<string, EnvironmentConfig>; live?: LiveSettings };
  return { environments: c.environments ?? {}, live: c.live ?? defaultConfig().live };
}
