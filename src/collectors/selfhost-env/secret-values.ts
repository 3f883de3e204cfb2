/** Pure judgements about values: is this a secret worth scrubbing, does it look random. */
import { isPlaceholderValue, isSecretVarName } from '../../appwrite/env-vars.js';

/**
 * Words every report is full of. A "secret" equal to one of them is guessable anyway (the checks say
 * so); scrubbing it would turn `appwrite/appwrite:1.9.6` into hashes throughout the report.
 */
const OUTPUT_WORDS = new Set(['appwrite', 'production', 'development', 'enabled', 'disabled', 'mariadb', 'mysql', 'mongodb', 'postgres', 'postgresql', 'redis', 'traefik', 'docker', 'compose', 'localhost', 'executor', 'console']);

/**
 * Values to scrub from every output. Public placeholders (`password`, `your-secret-key`) are not
 * secrets, and scrubbing them would mangle ordinary words in reports.
 */
export function isSecretValue(key: string, value: string): boolean {
  if (value === '' || isPlaceholderValue(value) || OUTPUT_WORDS.has(value.toLowerCase())) return false;
  return isSecretVarName(key) || looksLikeSecretValue(value);
}

/** Random-looking tokens under names that do not say "secret" (an Appwrite key in APPWRITE_KEY=…). */
export function looksLikeSecretValue(v: string): boolean {
  // Appwrite API keys: `standard_` + 256 hex (1.6+), or the bare 256 hex of older keys and dev keys.
  if (/^(standard_)?[0-9a-f]{256}$/.test(v)) return true;
  if (v.length < 24 || !/^[A-Za-z0-9+/_=.-]+$/.test(v) || /^[a-z]+:\/\//i.test(v)) return false;
  return shannonBitsPerChar(v) >= 3.5;
}

export function shannonBitsPerChar(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
