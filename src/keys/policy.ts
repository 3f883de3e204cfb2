/**
 * The key policy resolved for judging: for every service, the environments it runs in, the key name
 * expected in each, and the scopes it may hold (from the config, or derived from its code through the
 * endpoint inventory's least-privilege set). A service whose scopes could not be derived carries the
 * reason, so the checks report `error` for it instead of guessing.
 */
import { compareScopes } from '../code/least-privilege.js';
import type { SourceInventory } from '../code/types.js';
import { matchesAny } from '../core/glob.js';
import type { KeysSettings, SinkConfig } from './config.js';
import { compareText } from '../core/compare.js';

export interface ServicePolicy {
  service: string;
  /** Environments the service runs in; null: every environment. */
  environments: string[] | null;
  /** Name template (`{service}-{env}`) of the service key. */
  keyName: string;
  /** Allowed scopes; null when they had to be derived and could not be. */
  scopes: string[] | null;
  scopesFrom: 'config' | 'code';
  /** With `derive: code`: what the derivation saw, or why it failed. */
  derivation?: { paths: string[]; calls: number; unknownCalls: number; error?: string };
  maxAgeDays: number;
  expiryDays: number;
  requireExpiry: boolean;
  sink?: SinkConfig;
}

export interface KeysPolicy {
  services: ServicePolicy[];
  /** Globs of key names that belong to no service. */
  unmanaged: string[];
}

export function expectedKeyName(template: string, service: string, env: string): string {
  return template.replaceAll('{service}', service).replaceAll('{env}', env);
}

export function appliesIn(p: ServicePolicy, env: string): boolean {
  return p.environments === null || p.environments.includes(env);
}

export function isUnmanaged(policy: KeysPolicy, name: string): boolean {
  return matchesAny(policy.unmanaged, name);
}

const under = (file: string, folder: string) => {
  const f = folder.replace(/^\.\//, '').replace(/\/+$/, '');
  return f === '' || f === '.' || file === f || file.startsWith(`${f}/`);
};

/** The least-privilege scope set of the key calls made by code under `paths`. */
export function deriveScopes(inventory: SourceInventory | undefined, paths: readonly string[]): { scopes: string[] | null; calls: number; unknownCalls: number; error?: string } {
  if (!inventory) return { scopes: null, calls: 0, unknownCalls: 0, error: 'no source code was read (nothing that uses Appwrite in the audited folder)' };
  const sites = inventory.callSites.filter((s) => paths.some((p) => under(s.path, p)));
  const cmp = compareScopes([], sites);
  if (cmp.keyCalls.length === 0) return { scopes: null, calls: 0, unknownCalls: 0, error: `no Appwrite calls made with a key under ${paths.join(', ')}` };
  if (cmp.unknownCalls.length > 0) {
    const first = cmp.unknownCalls[0]!;
    return { scopes: null, calls: cmp.keyCalls.length, unknownCalls: cmp.unknownCalls.length, error: `${cmp.unknownCalls.length} call(s) map to no known operation (first: ${first.service}.${first.method} at ${first.path}:${first.line}), so the scopes they need cannot be told` };
  }
  return { scopes: cmp.minimal, calls: cmp.keyCalls.length, unknownCalls: 0 };
}

export function resolvePolicy(settings: KeysSettings, inventory?: SourceInventory): KeysPolicy {
  const services = Object.entries(settings.services)
    .sort(([a], [b]) => compareText(a, b))
    .map(([service, s]): ServicePolicy => {
      const base = {
        service,
        environments: s.environments ? [...s.environments] : null,
        keyName: s.keyName ?? settings.naming,
        maxAgeDays: s.maxAgeDays ?? settings.maxAgeDays,
        expiryDays: s.expiryDays ?? settings.expiryDays,
        requireExpiry: settings.requireExpiry,
        ...(s.sink ? { sink: s.sink } : {}),
      };
      if (s.scopes) return { ...base, scopes: [...new Set(s.scopes)].sort(), scopesFrom: 'config' };
      const paths = s.paths ?? [];
      const d = deriveScopes(inventory, paths);
      return { ...base, scopes: d.scopes, scopesFrom: 'code', derivation: { paths, calls: d.calls, unknownCalls: d.unknownCalls, ...(d.error ? { error: d.error } : {}) } };
    });
  return { services, unmanaged: [...settings.unmanaged] };
}

export function needsCode(settings: KeysSettings): boolean {
  return Object.values(settings.services).some((s) => s.derive === 'code');
}
