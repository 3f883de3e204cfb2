/**
 * The `appwriteProject` baseline of a loaded config, without zod: the schema (./config.ts) filled every
 * default when the file was read. Kept apart from the schema so that start-up does not load zod.
 */
import { defaultConfig } from '../core/config.js';
import type { AppwriteProjectConfig } from './config.js';

export type { AppwriteProjectConfig };

/** The section of a loaded config; the defaults when the config has none (an embedder's hand-made config). */
export function appwriteProjectConfig(config: unknown): AppwriteProjectConfig {
  return (config as { appwriteProject?: AppwriteProjectConfig } | undefined)?.appwriteProject ?? defaultConfig().appwriteProject;
}
