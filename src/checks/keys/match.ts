/**
 * Which live key belongs to which service: a key named as the policy expects (`{service}-{env}`)
 * is that service's key in that environment. Several keys of one name are a rotation in progress (or
 * one left half done): the newest is the service key, the older ones are leftovers.
 */
import '../../collectors/appwrite-live/schema.js';
import '../../collectors/keys-policy/schema.js';
import type { Location } from '../../core/finding.js';
import { appliesIn, expectedKeyName, type KeysPolicy, type ServicePolicy } from '../../keys/policy.js';
import type { LiveKey, LiveSnapshot } from '../../live/snapshot.js';
import { compareText } from '../../core/compare.js';

export interface ServiceKeys {
  service: ServicePolicy;
  name: string;
  /** Newest first. */
  keys: LiveKey[];
}

export interface EnvKeys {
  env: LiveSnapshot;
  services: ServiceKeys[];
  /** Keys of no service (and not the audit credential). */
  unassigned: LiveKey[];
}

const newestFirst = (a: LiveKey, b: LiveKey) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || compareText(b.id, a.id);

export function matchKeys(policy: KeysPolicy, env: LiveSnapshot, keys: readonly LiveKey[]): EnvKeys {
  const services: ServiceKeys[] = [];
  const taken = new Set<string>();
  for (const service of policy.services) {
    if (!appliesIn(service, env.environment)) continue;
    const name = expectedKeyName(service.keyName, service.service, env.environment);
    const own = keys.filter((k) => k.name === name).sort(newestFirst);
    for (const k of own) taken.add(k.id);
    services.push({ service, name, keys: own });
  }
  // The audit credential reads the project; it is nobody's service key and not an extra one.
  const unassigned = keys.filter((k) => !taken.has(k.id) && k.secretHash !== env.credential.secretHash);
  return { env, services, unassigned };
}

export function keyLocation(env: LiveSnapshot, keyId?: string): Location {
  return { path: `${env.endpoint}/project/keys${keyId ? `/${keyId}` : ''}` };
}

export const keyRef = (k: LiveKey) => ({ type: 'api-key', id: k.id, name: k.name });
