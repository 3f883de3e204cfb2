/**
 * The `secrets` section of a loaded config, without zod: the schema (./config.ts) has already filled every
 * default when the file was read, so reading the section is a property access. Kept apart from the schema
 * so that the scanner's start-up does not load zod.
 */
import { defaultConfig } from '../core/config.js';
import type { SecretsConfig } from './config.js';

export type { SecretsConfig };

/** Always skipped on top of `secrets.exclude`: lockfiles hold integrity hashes, never credentials, and are large. */
export const BUILTIN_EXCLUDES = ['**/package-lock.json', '**/npm-shrinkwrap.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/bun.lock', '**/bun.lockb', '**/composer.lock', '**/Cargo.lock', '**/poetry.lock'] as const;

/** The section of a loaded config; the defaults when the config has none (an embedder's hand-made config). */
export function secretsConfigOf(config: unknown): SecretsConfig {
  return (config as { secrets?: SecretsConfig } | undefined)?.secrets ?? defaultConfig().secrets;
}
