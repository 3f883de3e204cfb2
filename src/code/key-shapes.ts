/**
 * What an Appwrite secret looks like, and which environment variables a bundler ships to the browser.
 * The secret scanner owns detection of keys in general; this is only what exposure analysis needs to
 * decide whether a value or a variable name is a key.
 */

/** Prefixes that frameworks inline into client bundles. */
export const PUBLIC_ENV_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'GATSBY_', 'PUBLIC_'] as const;

export function publicPrefixOf(name: string): string | undefined {
  return PUBLIC_ENV_PREFIXES.find((p) => name.startsWith(p));
}

const HEX256 = /^[0-9a-f]{256}$/i;

/**
 * True for values shaped like an Appwrite project key: `standard_` + 256 hex (1.6+), a legacy bare 256-hex
 * key or dev key, an ephemeral/dynamic key (`ephemeral_`/`dynamic_` + JWT), or an organization/account key.
 */
export function isAppwriteKeyValue(value: string): boolean {
  const v = value.trim();
  if (/^standard_[0-9a-f]{256}$/i.test(v)) return true;
  if (HEX256.test(v)) return true;
  if (/^(ephemeral|dynamic)_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(v)) return true;
  if (/^(organization|account)_[0-9a-f]{64,}$/i.test(v)) return true;
  return false;
}

/**
 * A variable name that says "Appwrite secret key": mentions Appwrite (or is a bare API key name) and a
 * key/secret, but not the public identifiers that belong in the browser (project id, endpoint).
 */
export function isAppwriteKeyName(name: string): boolean {
  const n = name.toUpperCase();
  if (/(PROJECT|ENDPOINT|URL|HOST|DATABASE_ID|BUCKET_ID|COLLECTION_ID|TABLE_ID|FUNCTION_ID|_ID$)/.test(n) && !/(API_?KEY|SECRET)/.test(n)) return false;
  if (/PUBLIC_?KEY|SITE_?KEY|PUBLISHABLE/.test(n)) return false;
  const keyWord = /(API_?KEY|SECRET|ADMIN_?KEY|SERVER_?KEY|DEV_?KEY|(^|_)KEY$)/.test(n);
  if (!keyWord) return false;
  return n.includes('APPWRITE') || /^(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_|PUBLIC_)?(API_?KEY|ADMIN_?KEY|SERVER_?KEY)$/.test(n);
}

/** Placeholder values in templates (`.env.example`): not a real secret, but the variable is still declared. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(<[^>]*>|\$\{[^}]*\}|your[-_ ].*|changeme|change-me|xxx+|\.\.\.|todo|replace[-_ ]?me|placeholder|example|secret|\*+)$/i.test(v);
}
