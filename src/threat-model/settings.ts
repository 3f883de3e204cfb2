/**
 * The threat model of a loaded config, without zod: the schema (./config.ts) validated it and filled its
 * defaults when the file was read. Kept apart from the schema so that start-up does not load zod.
 */
import { defaultConfig } from '../core/config.js';
import type { ServicePath, ThreatModel, ThreatModelAuth } from './config.js';

export type { ServicePath, ThreatModel, ThreatModelAuth, TrustBoundary } from './config.js';

/** The model of a loaded config; an empty model when the config has none (an embedder's hand-made config). */
export function threatModelOf(config: unknown): ThreatModel {
  return (config as { threatModel?: ThreatModel } | undefined)?.threatModel ?? defaultConfig().threatModel;
}

export function authList(a: ServicePath['auth']): ThreatModelAuth[] {
  return Array.isArray(a) ? a : [a];
}
