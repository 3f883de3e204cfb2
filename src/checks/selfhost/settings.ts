/**
 * Shared reading of the `selfhost-env` facts for the self-hosted checks: which deployments run
 * Appwrite, the effective value of a setting, and where to point when a setting is unset.
 */
import type { Deployment, SelfhostEnvFacts, Setting } from '../../collectors/selfhost-env/schema.js';
import type { Location, ResourceRef } from '../../core/finding.js';
import { shannonBitsPerChar } from '../../collectors/selfhost-env/secret-values.js';

export const DOCS = {
  security: 'https://appwrite.io/docs/advanced/self-hosting/production/security',
  envVars: 'https://appwrite.io/docs/advanced/self-hosting/configuration/environment-variables',
  backups: 'https://appwrite.io/docs/advanced/self-hosting/production/backups',
  updates: 'https://appwrite.io/docs/advanced/self-hosting/production/updates',
} as const;

/** Message shared by checks for values that are provided at deploy time (no file holds them). */
export const FROM_ENVIRONMENT_MESSAGE = '{{name}} is not set in any file here (it comes from the deploy environment via {{where}}); its value cannot be judged. Audit the file that provides it with --env-file.';

/** The `error` report for a setting whose value only the deploy environment knows. */
export function fromEnvironmentReport(s: Setting): { messageId: 'fromEnvironment'; status: 'error'; data: { name: string; where: string }; resource: ResourceRef; location: Location } {
  const where = `${s.location.path}${s.location.line ? `:${s.location.line}` : ''}`;
  return { messageId: 'fromEnvironment', status: 'error', data: { name: s.name, where }, resource: envResource(s.name), location: s.location };
}

export function appwriteDeployments(facts: SelfhostEnvFacts): Deployment[] {
  return facts.deployments.filter((d) => d.appwrite);
}

/** The effective setting, or undefined when unset (or set to an empty bare name). */
export function setting(d: Deployment, name: string): Setting | undefined {
  return d.settings[name];
}

/** A set, non-empty value that a file holds (not one provided at deploy time). */
export function valueOf(d: Deployment, name: string): string | undefined {
  const s = d.settings[name];
  return s && !s.fromEnvironment ? s.value : undefined;
}

export function envResource(name: string): ResourceRef {
  return { type: 'env-var', id: name, name };
}

/** Where an unset setting would go: the deployment's `.env` (or its compose file). */
export function unsetLocation(d: Deployment): Location {
  return { path: d.primary };
}

export function locationOf(d: Deployment, name: string): Location {
  return d.settings[name]?.location ?? unsetLocation(d);
}

/** `enabled`/`disabled` the way Appwrite compares them (exact, lower case). */
export function isEnabled(value: string | undefined): boolean {
  return value === 'enabled';
}

export interface SecretStrength {
  ok: boolean;
  length: number;
  /** Shannon entropy of the value, bits per character. */
  bitsPerChar: number;
  distinct: number;
  reason?: 'short' | 'low-entropy';
}

/**
 * A coarse strength test for machine secrets: at least `minLength` characters, at least 10 distinct
 * characters and about 3 bits of entropy per character (hex from a CSPRNG has ~4, a repeated word
 * far less). It cannot prove randomness; it catches the typed, guessable values.
 */
export function secretStrength(value: string, minLength = 32): SecretStrength {
  const bitsPerChar = shannonBitsPerChar(value);
  const distinct = new Set(value).size;
  const base = { length: value.length, bitsPerChar: Math.round(bitsPerChar * 100) / 100, distinct };
  if (value.length < minLength) return { ...base, ok: false, reason: 'short' };
  if (distinct < 10 || bitsPerChar < 3) return { ...base, ok: false, reason: 'low-entropy' };
  return { ...base, ok: true };
}
