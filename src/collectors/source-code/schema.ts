/**
 * Fact `source-inventory`: the Appwrite side of an app's source code (see src/code/types.ts for the
 * shapes). Built by src/code/inventory.ts; the same inventory feeds the `endpoints` command.
 */
import type { SourceInventory } from '../../code/types.js';

export type { CallSite, EnvReadSite, EnvVarEntry, FunctionInfo, KeyUse, SdkImportSite, SourceInventory } from '../../code/types.js';

declare module '../../core/facts.js' {
  interface Facts {
    'source-inventory': SourceInventory;
  }
}
