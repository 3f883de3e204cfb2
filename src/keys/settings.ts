/**
 * The `keys` policy of a loaded config, without zod: the schema (./config.ts) filled every default when
 * the file was read. Kept apart from the schema so that start-up does not load zod.
 */
import { defaultConfig } from '../core/config.js';
import type { KeysSettings } from './config.js';

export type { KeysSettings, ServiceConfig, SinkConfig } from './config.js';

/** The section of a loaded config; the defaults when the config has none (an embedder's hand-made config). */
export function keysConfigOf(config: unknown): KeysSettings {
  return (config as { keys?: KeysSettings } | undefined)?.keys ?? defaultConfig().keys;
}
