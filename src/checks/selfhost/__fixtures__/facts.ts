/**
 * Builds real facts for check tests from file texts, through the real parsers and the real
 * deployment builder (so a fixture cannot take a shape the collector would never produce).
 */
import path from 'node:path';
import { parseCompose } from '../../../collectors/compose/parse.js';
import type { ComposeFacts, ComposeFile } from '../../../collectors/compose/schema.js';
import { buildDeployments } from '../../../collectors/selfhost-env/deployments.js';
import { effectiveEntries, parseDotenv } from '../../../collectors/selfhost-env/dotenv.js';
import { envKindOf, isComposeFileName } from '../../../collectors/selfhost-env/inputs.js';
import type { EnvFileFact, GitFact, SelfhostEnvFacts } from '../../../collectors/selfhost-env/schema.js';

export interface FactOptions {
  /** Paths git tracks (default: none). */
  tracked?: string[];
  git?: GitFact['state'];
  appwriteServices?: string[];
}

export function buildFacts(files: Record<string, string>, opts: FactOptions = {}): { 'selfhost-env': SelfhostEnvFacts; compose: ComposeFacts } {
  const git: GitFact = { state: opts.git ?? (opts.tracked ? 'repo' : 'not-a-repo') };
  const envFiles: EnvFileFact[] = [];
  for (const [p, text] of Object.entries(files)) {
    const base = path.posix.basename(p);
    if (isComposeFileName(base)) continue;
    const parsed = parseDotenv(text);
    envFiles.push({
      path: p,
      kind: envKindOf(base),
      explicit: false,
      tracked: git.state === 'unavailable' ? null : (opts.tracked ?? []).includes(p),
      entries: parsed.entries.map((e) => ({ key: e.key, value: e.value, line: e.line, column: e.column, endLine: e.endLine, quote: e.quote, inherited: e.inherited, fromEnvironment: e.fromEnvironment, overridden: e.overridden })),
    });
  }
  const composeFiles: ComposeFile[] = [];
  for (const [p, text] of Object.entries(files)) {
    const base = path.posix.basename(p);
    if (!isComposeFileName(base)) continue;
    const dir = path.posix.dirname(p);
    const envPath = dir === '.' ? '.env' : `${dir}/.env`;
    const env = envFiles.find((f) => f.path === envPath);
    const values = new Map(effectiveEntries(env?.entries ?? []).filter((e) => !e.fromEnvironment).map((e) => [e.key, e.value]));
    const parsed = parseCompose(text, dir, (n) => values.get(n));
    composeFiles.push({
      path: p,
      project: dir,
      role: /^(docker-)?compose\.ya?ml$/.test(base) ? 'base' : 'override',
      ...(env ? { interpolationEnv: env.path } : {}),
      services: parsed.services,
      variables: parsed.variables,
      ...(parsed.error ? { error: parsed.error } : {}),
    });
  }
  return {
    'selfhost-env': { files: envFiles, deployments: buildDeployments(envFiles, composeFiles, opts.appwriteServices ?? []), git },
    compose: { files: composeFiles },
  };
}

export function envFacts(files: Record<string, string>, opts: FactOptions = {}): { 'selfhost-env': SelfhostEnvFacts } {
  return { 'selfhost-env': buildFacts(files, opts)['selfhost-env'] };
}

export function composeFacts(files: Record<string, string>, opts: FactOptions = {}): { compose: ComposeFacts } {
  return { compose: buildFacts(files, opts).compose };
}

/**
 * A hardened 1.9.6 `.env` (example values, never use them): the baseline every valid case starts from.
 * Each key is on its own line, in this order, so tests can compute lines with `lineOf`.
 */
export const HARDENED: Record<string, string> = {
  _APP_ENV: 'production',
  _APP_LOCALE: 'en',
  _APP_OPTIONS_ABUSE: 'enabled',
  _APP_OPTIONS_FORCE_HTTPS: 'enabled',
  _APP_OPTIONS_ROUTER_FORCE_HTTPS: 'enabled',
  _APP_OPTIONS_ROUTER_PROTECTION: 'enabled',
  _APP_OPENSSL_KEY_V1: '3f9c1a7e5b2d8f0c4e6a9b1d3f5c7e9a2b4d6f8a0c1e3f5a7b9c2d4e6f8a0b1c',
  _APP_DOMAIN: 'appwrite.example.com',
  _APP_CONSOLE_WHITELIST_ROOT: 'enabled',
  _APP_CONSOLE_WHITELIST_EMAILS: 'ops@example.com',
  _APP_CONSOLE_WHITELIST_IPS: '',
  _APP_EMAIL_SECURITY: 'security@example.com',
  _APP_EMAIL_CERTIFICATES: 'certs@example.com',
  _APP_TRUSTED_HEADERS: 'x-forwarded-for',
  _APP_REDIS_PASS: 'Xq7!vR2#pL9@mK4$wN8^tB3&hJ6*yF1z',
  _APP_DB_USER: 'appwrite',
  _APP_DB_PASS: 'vH4$kP9#qW2!mZ7@rT5^bN8&xC3*jL6e',
  _APP_DB_ROOT_PASS: 'gD8!sF3@hJ7#kL2$pQ9^wE4&rT6*yU1i',
  _APP_EXECUTOR_SECRET: 'c2a9e4f7b1d8a3c6e9f2b5d8a1c4e7f0b3d6a9c2e5f8b1d4a7c0e3f6b9d2a5c8',
  _APP_STORAGE_ANTIVIRUS: 'enabled',
  _APP_GRAPHQL_INTROSPECTION: 'disabled',
  _APP_MAINTENANCE_RETENTION_AUDIT: '7776000',
  _APP_MAINTENANCE_RETENTION_AUDIT_CONSOLE: '15778800',
};

/** The hardened `.env` with some keys changed (string), removed (null) or added. */
export function env(overrides: Record<string, string | null> = {}): string {
  const merged: Record<string, string | null> = { ...HARDENED, ...overrides };
  return Object.entries(merged)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n') + '\n';
}

/** 1-based line of the first `KEY=` in a text. */
export function lineOf(text: string, key: string): number {
  const i = text.split('\n').findIndex((l) => l.replace(/^\s*(export\s+)?/, '').startsWith(`${key}=`) || l.trimStart().startsWith(`- ${key}=`) || l.trimStart().startsWith(`${key}:`));
  if (i === -1) throw new Error(`${key} not in fixture`);
  return i + 1;
}
