/**
 * Facts for the key-policy check tests: a policy resolved from a `keys:` section exactly as the
 * collector resolves it, and live snapshots built with the live checks' fixture helpers.
 */
import { keysSettingsSchema } from '../../../keys/config.js';
import { resolvePolicy } from '../../../keys/policy.js';
import type { SourceInventory } from '../../../code/types.js';
import { key, ok, snapshot } from '../../live/__fixtures__/snapshot.js';
import type { LiveKey, LiveSnapshot } from '../../../live/snapshot.js';

export { failed, key, ok, snapshot } from '../../live/__fixtures__/snapshot.js';

export function policy(section: unknown, inventory?: SourceInventory) {
  return resolvePolicy(keysSettingsSchema.parse(section), inventory);
}

/** A well-kept key of a service: named by the policy, 30 days old, expiring 90 days after creation. */
export function serviceKey(name: string, over: Partial<LiveKey> & { secret?: string } = {}): LiveKey {
  return key({ name, id: `id-${name}`, scopes: ['rows.read'], createdAt: '2026-10-30T00:00:00.000+00:00', expire: '2027-01-28T00:00:00.000+00:00', ...over });
}

export function env(name: string, keys: LiveKey[], over: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return snapshot({ environment: name, projectId: `shop-${name}`, keys: ok(keys), ...over });
}

export const facts = (p: ReturnType<typeof policy>, ...envs: LiveSnapshot[]) => ({ 'appwrite-live': { environments: envs }, 'keys-policy': p });

export const ORDERS = { services: { 'orders-api': { scopes: ['rows.read'], environments: ['prod'] } } };
