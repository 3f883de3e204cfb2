import { nearest } from '../core/suggest.js';
import { ENV_CATALOG_SOURCE, ENV_VAR_CATALOG } from './env-vars.generated.js';

/** One Appwrite self-hosted environment variable, as the catalog knows it. */
export interface EnvVarSpec {
  name: string;
  category: string;
  /** First sentence of the upstream description. */
  summary: string;
  /** Upstream default ('' when none). For secrets this is a placeholder the installer may keep. */
  default: string;
  introduced?: string;
  required?: true;
  /** The installer's generator filter (`token`, `password`, …): the installer fills it when empty. */
  installerFilter?: string;
  /** A credential: its value is registered with the redactor and never shown. */
  secret?: true;
  deprecated?: { since?: string; replacement?: string[] };
  /** Editorial security annotation from the research data. */
  security?: { kind: string; severity: string };
  /** `unreleased` = only on Appwrite's main branch, not in the latest release. */
  release: 'stable' | 'unreleased';
}

export { ENV_CATALOG_SOURCE };

const BY_NAME = new Map<string, EnvVarSpec>(ENV_VAR_CATALOG.map((v) => [v.name, v]));

export function envVarSpec(name: string): EnvVarSpec | undefined {
  return BY_NAME.get(name);
}

export function allEnvVarSpecs(): readonly EnvVarSpec[] {
  return ENV_VAR_CATALOG;
}

/** Names Appwrite reads: the `_APP_` prefix, plus the few legacy names without it. */
export function isAppwriteVarName(name: string): boolean {
  return name.startsWith('_APP_') || BY_NAME.has(name);
}

/** Secret names outside the catalog that still hold credentials (container images Appwrite ships with). */
const CONTAINER_SECRET_NAMES = new Set([
  'MYSQL_ROOT_PASSWORD',
  'MYSQL_PASSWORD',
  'MARIADB_ROOT_PASSWORD',
  'MARIADB_PASSWORD',
  'MONGO_INITDB_ROOT_PASSWORD',
  'POSTGRES_PASSWORD',
  'OPR_EXECUTOR_SECRET',
  'GEO_SECRET',
]);

const GENERIC_SECRET_NAME = /(SECRET|PASSWORD|PASSWD|_PASS|TOKEN|PRIVATE_KEY|API_KEY|ACCESS_KEY|_KEY_V\d+|CREDENTIALS?|_DSN)$/i;

/**
 * Whether a variable holds a credential. Catalog entries decide for Appwrite names; other names are
 * judged by their shape (`..._SECRET`, `..._PASSWORD`, `..._API_KEY`, …).
 */
export function isSecretVarName(name: string): boolean {
  const spec = BY_NAME.get(name);
  if (spec) return spec.secret === true;
  if (CONTAINER_SECRET_NAMES.has(name)) return true;
  if (/(_USER|_USERNAME|_EMAIL|_HOST|_PORT|_URL|_ENDPOINT|_REGION|_BUCKET|_NAME)$/i.test(name)) return false;
  return GENERIC_SECRET_NAME.test(name);
}

/**
 * Values that are placeholders, not secrets: the catalog's defaults for secret variables
 * (`your-secret-key`, `password`, `rootsecretpassword`), and the usual template fillers.
 */
const COMMON_PLACEHOLDERS = [
  'your-secret-key',
  'password',
  'rootsecretpassword',
  'secret',
  'changeme',
  'change-me',
  'change_me',
  'changeit',
  'replaceme',
  'replace-me',
  'example',
  'test',
  'xxx',
  'todo',
  'tbd',
  'none',
  'null',
  'default',
  'admin',
  'root',
  'pass',
  'passwd',
  '123456',
  'your-api-key',
  'your_api_key',
  'your-password',
  'your_password',
];
const PLACEHOLDER_VALUES = new Set([...COMMON_PLACEHOLDERS, ...ENV_VAR_CATALOG.filter((v) => v.secret && v.default !== '').map((v) => v.default.toLowerCase())]);

/** True for a value a template or an unchanged install would hold: never a real secret. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === '') return false;
  if (PLACEHOLDER_VALUES.has(v)) return true;
  if (/^x+$/.test(v) || /^\*+$/.test(v) || /^\.\.\.$/.test(v)) return true;
  if (/^<[^<>]+>$/.test(v) || /^\[[^[\]]+\]$/.test(v) || /^\{\{[^{}]+\}\}$/.test(v)) return true;
  if (/^(your|my)[-_ ][a-z0-9_ -]+$/.test(v)) return true;
  if (/^(change|replace)[-_ ]?(me|this|it)\b/.test(v)) return true;
  return false;
}

/** The catalog default when it is a placeholder for a secret (the installer keeps non-empty ones). */
export function placeholderDefaultOf(name: string): string | undefined {
  const spec = BY_NAME.get(name);
  return spec?.secret && spec.default !== '' ? spec.default : undefined;
}

/** Secret variables whose shipped default is a known placeholder, current names only. */
export function placeholderDefaultSecrets(): EnvVarSpec[] {
  return ENV_VAR_CATALOG.filter((v) => v.secret && v.default !== '' && !v.deprecated);
}

/**
 * The known name nearest to an unknown one, when it is close enough to be a typo: at most a third
 * of the distinctive part (the text after `_APP_`), and never more than 4 edits.
 */
export function nearestEnvVarName(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper !== name && BY_NAME.has(upper)) return upper;
  const distinctive = upper.replace(/^_APP_/, '').length;
  return nearest(upper, BY_NAME.keys(), Math.min(4, Math.max(1, Math.floor(distinctive / 3))));
}

/** The current name(s) for a deprecated variable, when the catalog knows them. */
export function replacementOf(name: string): string[] | undefined {
  return BY_NAME.get(name)?.deprecated?.replacement;
}
