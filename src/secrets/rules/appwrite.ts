import { isLiteralValue, plausibleSettingValue } from '../placeholder.js';
import type { SecretRule } from '../types.js';
import { afterUnderscore, ASSIGN, HEX256, NAME_TO_VALUE, re, VALUE } from './shared.js';

/** Appwrite's own credentials (formats from appwrite/appwrite src/Appwrite/Auth/Key.php, 1.9.6). */
export const appwriteRules: SecretRule[] = [
  {
    id: 'appwrite-standard-key',
    family: 'appwrite-key',
    title: 'Appwrite API key',
    severity: 'critical',
    keywords: ['standard_'],
    pattern: re(String.raw`(?<![A-Za-z0-9])(?<s>standard_[0-9a-f]{256})(?![0-9a-zA-Z_])`),
    minEntropy: 3.2,
    entropyOf: afterUnderscore,
  },
  {
    id: 'appwrite-ephemeral-key',
    family: 'appwrite-key',
    title: 'Appwrite ephemeral (dynamic) API key',
    severity: 'high',
    keywords: ['ephemeral_', 'dynamic_'],
    pattern: re(
      String.raw`(?<![A-Za-z0-9])(?<s>(?:ephemeral|dynamic)_eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])`,
    ),
    validate: (s) => decodeJwtPayload(afterUnderscore(s)) !== undefined,
  },
  {
    // Listed before the legacy rule: `APPWRITE_DEV_KEY=<hex>` and `X-Appwrite-Dev-Key` are dev keys.
    id: 'appwrite-dev-key',
    family: 'appwrite-key',
    title: 'Appwrite dev key',
    severity: 'high',
    keywords: ['devkey', 'dev_key', 'dev-key'],
    pattern: re(String.raw`dev[-_]?key${NAME_TO_VALUE}${HEX256}`, 'i'),
    minEntropy: 3.2,
  },
  {
    id: 'appwrite-legacy-key',
    family: 'appwrite-key',
    title: 'Appwrite API key (legacy, unprefixed)',
    severity: 'critical',
    keywords: ['appwrite', 'setkey'],
    // Bare 256 hex is only an Appwrite key in Appwrite context: setKey(), X-Appwrite-Key, APPWRITE_*KEY.
    pattern: re(String.raw`(?:appwrite[\w-]{0,40}?key|setkey)${NAME_TO_VALUE}${HEX256}`, 'i'),
    minEntropy: 3.2,
  },
  {
    id: 'appwrite-openssl-key',
    family: 'appwrite-server',
    title: 'Appwrite _APP_OPENSSL_KEY_V1 value',
    severity: 'critical',
    keywords: ['_app_openssl_key_v1'],
    pattern: re(String.raw`_APP_OPENSSL_KEY_V1${ASSIGN}${VALUE}`),
    committedOnly: true,
    validate: plausibleSettingValue,
  },
  {
    id: 'appwrite-executor-secret',
    family: 'appwrite-server',
    title: 'Appwrite executor secret value',
    severity: 'critical',
    keywords: ['_app_executor_secret', 'opr_executor_secret'],
    pattern: re(String.raw`(?:_APP|OPR)_EXECUTOR_SECRET${ASSIGN}${VALUE}`),
    committedOnly: true,
    validate: plausibleSettingValue,
  },
  {
    id: 'appwrite-db-password',
    family: 'appwrite-server',
    title: 'Appwrite database or cache password',
    severity: 'high',
    keywords: ['_app_db_', '_app_redis_pass', 'mysql_', 'mariadb_', 'postgres_password'],
    pattern: re(
      String.raw`(?:_APP_DB_(?:ROOT_)?PASS|_APP_REDIS_PASS|MYSQL_(?:ROOT_)?PASSWORD|MARIADB_(?:ROOT_)?PASSWORD|POSTGRES_PASSWORD)${ASSIGN}${VALUE}`,
    ),
    committedOnly: true,
    validate: plausibleSettingValue,
  },
  {
    id: 'appwrite-webhook-secret',
    family: 'appwrite-server',
    title: 'Webhook signature key',
    severity: 'high',
    keywords: ['signaturekey', 'signature_key', 'signature-key', 'webhook'],
    pattern: re(
      String.raw`(?:signature[-_]?key|webhook[\w-]{0,20}?(?:secret|signature[-_]?key|signing[-_]?(?:key|secret)))${NAME_TO_VALUE.replace('[:=,(]', '[:=]')}(?<s>[A-Za-z0-9+/=_.-]{16,256})(?![A-Za-z0-9+/=_.-])`,
      'i',
    ),
    minEntropy: 3.5,
    validate: (s, ctx) => isLiteralValue(s, ctx),
  },
];

/** The JSON payload of a compact JWT, or undefined when it is not one. */
export function decodeJwtPayload(jwt: string): Record<string, unknown> | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') return undefined;
    return payload as Record<string, unknown>;
  } catch (err) {
    // Not base64url JSON: a JWT-shaped string that is not a token (a test string, a hash).
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}
