import { buildInventory } from '../../code/inventory.js';
import { defineCollector } from '../../core/collector.js';
import './schema.js';

/**
 * Reads the app's source (JS/TS/JSX/TSX, Svelte and Vue scripts with a real parser; Dart, Kotlin, Swift
 * and Python by pattern), its .env files and appwrite.json functions into the source inventory.
 */
export const sourceCodeCollector = defineCollector({
  key: 'source-inventory',
  description: 'source code (Appwrite SDK calls, API-key use, public env variables)',
  async collect(ctx) {
    ctx.progress('mapping Appwrite SDK calls in source code');
    const inventory = await buildInventory({
      workspace: ctx.workspace,
      redactor: ctx.redactor,
      diagnose: (d) => ctx.diagnose(d),
    });
    // Only what the findings can point at is listed as an input, not every file read on the way.
    for (const f of inventory.files) ctx.recordInput('source', f.path);
    for (const p of new Set(inventory.envVars.map((e) => e.path))) ctx.recordInput('env-file', p);
    for (const p of new Set(inventory.functions.flatMap((f) => (f.declaredIn ? [f.declaredIn.path] : [])))) ctx.recordInput('appwrite-config', p);
    const anything = inventory.files.length > 0 || inventory.envVars.length > 0 || inventory.functions.length > 0;
    if (!anything) return { state: 'absent', reason: 'no source code that uses Appwrite, no .env files with Appwrite keys and no Appwrite functions' };
    return { state: 'ok', value: inventory };
  },
});
