/**
 * Builders of source-inventory facts, for table-driven check tests (and embedders writing their own
 * checks): a call site is built from its operation id, with every catalog field filled in.
 */
import { catalogSource, findOperationById, keyScopeAlternatives } from '../appwrite/endpoints.js';
import type { CallSite, EnvReadSite, EnvVarEntry, FunctionInfo, KeyUse, SdkImportSite, SourceInventory } from './types.js';

export function inventory(over: Partial<SourceInventory> = {}): SourceInventory {
  const inv: SourceInventory = {
    catalog: { appwrite: catalogSource.appwrite, specs: catalogSource.specs },
    files: [],
    callSites: [],
    keyUses: [],
    sdkImports: [],
    envVars: [],
    envReads: [],
    functions: [],
    imports: {},
    incomplete: [],
    ...over,
  };
  // Files follow from the call sites unless given.
  if (!over.files) {
    const seen = new Map<string, CallSite>();
    for (const s of inv.callSites) if (!seen.has(s.path)) seen.set(s.path, s);
    inv.files = [...seen.values()].map((s) => ({ path: s.path, language: 'ts', runtime: s.runtime, runtimeReason: s.runtimeReason, framework: 'unknown', ...(s.functionId ? { functionId: s.functionId } : {}), sdks: [], parsed: true, callSites: inv.callSites.filter((x) => x.path === s.path).length }));
  }
  return inv;
}

/** A call site of `operationId` (`databases.createDocument`); unknown ids give an unmapped site. */
export function site(operationId: string, over: Partial<CallSite> = {}): CallSite {
  const op = findOperationById(operationId);
  const [service = '', method = ''] = operationId.split('.');
  return {
    path: 'src/app.ts',
    line: 1,
    column: 1,
    service,
    method,
    operationId: op ? op.id : null,
    ...(op ? { http: op.http, apiPath: op.path, rateLimit: { limit: op.rateLimit.limit, seconds: op.rateLimit.seconds, keys: [...op.rateLimit.keys] } } : {}),
    scopes: op ? [...op.scopes] : [],
    keyScopes: op ? keyScopeAlternatives(op) : [],
    authModes: op ? [...op.auth] : [],
    ...(op?.deprecated ? { deprecated: op.deprecated } : {}),
    write: op ? op.http !== 'GET' : false,
    auth: 'key',
    resolution: 'bound',
    sdk: 'node-appwrite',
    runtime: 'server',
    runtimeReason: 'test',
    ...over,
  };
}

export function keyUse(over: Partial<KeyUse> = {}): KeyUse {
  return { path: 'src/app.ts', line: 1, column: 1, kind: 'setKey', source: { kind: 'env', name: 'APPWRITE_KEY' }, runtime: 'server', runtimeReason: 'test', language: 'ts', ...over };
}

export function sdkImport(over: Partial<SdkImportSite> = {}): SdkImportSite {
  return { path: 'src/app.ts', line: 1, pkg: 'node-appwrite', flavor: 'server', clientReachable: true, runtime: 'server', runtimeReason: 'test', ...over };
}

export function envVar(over: Partial<EnvVarEntry> & { name: string }): EnvVarEntry {
  return { path: '.env', line: 1, keyLike: null, template: false, hasValue: true, ...over };
}

export function envRead(over: Partial<EnvReadSite> & { name: string }): EnvReadSite {
  return { path: 'src/app.ts', line: 1, column: 1, via: 'process.env', runtime: 'client', runtimeReason: 'test', ...over };
}

export function fn(over: Partial<FunctionInfo> & { id: string }): FunctionInfo {
  return { root: `functions/${over.id}`, scopes: [], declaredIn: { path: 'appwrite.json', line: 3 }, scopesLine: 9, ...over };
}
