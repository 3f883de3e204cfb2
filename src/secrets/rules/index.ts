import type { SecretRule } from '../types.js';
import { appwriteRules } from './appwrite.js';
import { cloudRules } from './cloud.js';
import { keyRules } from './keys.js';
import { tokenRules } from './tokens.js';

/**
 * Every rule, in priority order: when two matches overlap, the earlier rule keeps it (a GCP key file's
 * PEM is reported as the GCP key, `X-Appwrite-Dev-Key: <hex>` as a dev key).
 */
export const ALL_RULES: readonly SecretRule[] = [...appwriteRules, ...cloudRules, ...tokenRules, ...keyRules];

export function ruleById(id: string): SecretRule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
