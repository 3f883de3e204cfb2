/**
 * The `store` section of a loaded config, without zod: the schema (./config.ts) filled every default when
 * the file was read. Kept apart from the schema so that start-up does not load zod.
 */
import { defaultConfig } from '../core/config.js';
import type { StoreConfig } from './config.js';

export type { StoreConfig };

/** The section of a loaded config; the defaults when the config has none (an embedder's hand-made config). */
export function storeConfigOf(config: unknown): StoreConfig {
  return (config as { store?: StoreConfig } | undefined)?.store ?? defaultConfig().store;
}
