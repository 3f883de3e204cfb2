/**
 * Resolves the `keys:` policy for the key checks. Services with `derive: code` need the endpoint
 * inventory of the audited folder, so this collector builds it (only then): the scopes are derived
 * here, where I/O belongs, and the checks stay pure.
 */
import './schema.js';
import { defineCollector } from '../../core/collector.js';
import { keysConfigOf } from '../../keys/settings.js';
import { needsCode, resolvePolicy } from '../../keys/policy.js';

export const keysPolicyCollector = defineCollector({
  key: 'keys-policy',
  description: 'API key policy (keys: in the config)',
  async collect(ctx) {
    const settings = keysConfigOf(ctx.config);
    if (Object.keys(settings.services).length === 0) return { state: 'absent', reason: 'no services in the keys: section of the config' };
    if (!needsCode(settings)) return { state: 'ok', value: resolvePolicy(settings) };
    ctx.progress('deriving key scopes from code');
    const { buildInventory } = await import('../../code/inventory.js');
    const inventory = await buildInventory({ workspace: ctx.workspace, redactor: ctx.redactor, diagnose: (d) => ctx.diagnose(d) });
    return { state: 'ok', value: resolvePolicy(settings, inventory) };
  },
});
