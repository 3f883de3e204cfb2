/**
 * Cross-module resolution: follows imports to what an exported name holds (a service instance, a client,
 * a factory returning those), decides which modules are Appwrite-related, and maps every raw call to a
 * catalog operation with the auth it carries.
 */
import { findOperation, keyScopeAlternatives, operationsNamed, type Operation } from '../appwrite/endpoints.js';
import { guessService } from './patterns.js';
import type { CallSite, CallTarget, ExportValue, ImportedRef, ModuleSummary, RawCall, SiteAuth } from './types.js';

export interface ModuleGraph {
  modules: Map<string, ModuleSummary>;
  /** Resolves an import specifier of `from` to a workspace file. */
  resolve(from: string, spec: string): string | undefined;
}

interface Resolved {
  service?: string;
  auth: SiteAuth;
  pkg: string;
  /** Last property name seen, for a name-based guess when the value itself is unknown. */
  hint?: string;
}

/** Follows `ref` (imported into `from`) to the value it denotes. */
export function resolveRef(graph: ModuleGraph, from: string, ref: ImportedRef, depth = 0): { value: ExportValue | undefined; hint?: string } {
  if (depth > 8) return { value: undefined };
  const target = graph.resolve(from, ref.source);
  const mod = target ? graph.modules.get(target) : undefined;
  if (!mod || !target) return { value: undefined, hint: ref.path.filter((p) => p !== '()').at(-1) };
  let path = ref.path;
  let v: ExportValue | undefined;
  if (ref.imported === '*') {
    // A namespace import or CommonJS require(): its first property is an export name, or a property of
    // `module.exports = {…}`.
    const first = path[0];
    if (first === undefined || first === '()') return { value: undefined };
    const def = mod.exports.default;
    v = exportOf(graph, mod, first, depth) ?? (def?.kind === 'object' ? def.props[first] : undefined);
    path = path.slice(1);
  } else {
    v = exportOf(graph, mod, ref.imported, depth);
  }
  let hint: string | undefined;
  for (const step of path) {
    if (step !== '()') hint = step;
    if (v?.kind === 'import') v = resolveRef(graph, target, v.ref, depth + 1).value;
    if (!v) break;
    if (step === '()') v = v.kind === 'factory' ? v.returns : undefined;
    else v = v.kind === 'object' ? v.props[step] : undefined;
  }
  if (v?.kind === 'import') v = resolveRef(graph, target, v.ref, depth + 1).value;
  return { value: v, hint };
}

function exportOf(graph: ModuleGraph, mod: ModuleSummary, name: string, depth: number): ExportValue | undefined {
  const direct = mod.exports[name];
  if (direct) return direct;
  if (depth > 8) return undefined;
  for (const star of mod.starExports) {
    const t = graph.resolve(mod.path, star);
    const m = t ? graph.modules.get(t) : undefined;
    const v = m ? exportOf(graph, m, name, depth + 1) : undefined;
    if (v) return v;
  }
  return undefined;
}

function authOfExport(graph: ModuleGraph, from: string, v: { auth: SiteAuth; authFrom?: ImportedRef }): SiteAuth {
  if (!v.authFrom) return v.auth;
  const r = resolveRef(graph, from, v.authFrom).value;
  if (r && (r.kind === 'client' || r.kind === 'service')) return authOfExport(graph, from, r);
  return 'unknown';
}

/**
 * Modules that touch Appwrite: they import an SDK, or (transitively) a local module that does. Name-based
 * guesses are only made inside these, so `map.get()` in unrelated code is never taken for an SDK call.
 */
export function appwriteRelated(graph: ModuleGraph, edges: Map<string, string[]>): Set<string> {
  const related = new Set<string>();
  for (const [p, m] of graph.modules) if (m.sdkImports.length > 0) related.add(p);
  for (let changed = true, rounds = 0; changed && rounds < 20; rounds++) {
    changed = false;
    for (const [p, to] of edges) {
      if (related.has(p)) continue;
      if (to.some((t) => related.has(t))) {
        related.add(p);
        changed = true;
      }
    }
  }
  return related;
}

const GENERIC_METHODS = new Set(['get', 'list', 'create', 'update', 'delete', 'upsert', 'query']);

/** Maps one raw call to a call site (without runtime fields), or undefined when it is not an Appwrite call. */
export function resolveCall(graph: ModuleGraph, mod: ModuleSummary, call: RawCall, related: boolean): Omit<CallSite, 'runtime' | 'runtimeReason' | 'path'> | undefined {
  const r = resolveTarget(graph, mod.path, call.target);
  let resolution: CallSite['resolution'];
  let service: string | undefined;
  if (r.kind === 'resolved') {
    service = r.value.service;
    resolution = call.target.kind === 'service' ? 'bound' : 'import';
  } else {
    if (!related || r.kind === 'external') return undefined;
    if (GENERIC_METHODS.has(call.method)) return undefined;
    const guessed = r.hint ? guessService(r.hint) : undefined;
    if (guessed && findOperation(guessed, call.method)) {
      service = guessed;
      resolution = 'name';
    } else {
      // A compound method name only one service of the catalog has (`createDocument`): the SDK call it
      // names, in a module that uses Appwrite.
      const named = operationsNamed(call.method);
      if (named.length !== 1 || !/[A-Z]/.test(call.method)) return undefined;
      service = named[0]!.service;
      resolution = 'method';
    }
  }
  if (!service) return undefined;
  const op = findOperation(service, call.method);
  // On an SDK service instance every method is an API call, known to the catalog or newer than it.
  if (!op && resolution !== 'bound' && resolution !== 'import') return undefined;
  const auth = r.kind === 'resolved' ? r.value.auth : 'unknown';
  const sdk = r.kind === 'resolved' ? r.value.pkg : null;
  return {
    line: call.line,
    column: call.column,
    service,
    method: call.method,
    ...operationFields(op),
    auth,
    resolution,
    sdk: sdk === 'unknown' ? null : sdk,
    ...(call.serverExport ? { serverExport: call.serverExport } : {}),
  };
}

function operationFields(op: Operation | undefined): Pick<CallSite, 'operationId' | 'http' | 'apiPath' | 'scopes' | 'keyScopes' | 'authModes' | 'rateLimit' | 'deprecated' | 'write'> {
  if (!op) return { operationId: null, scopes: [], keyScopes: [], authModes: [], write: false };
  return {
    operationId: op.id,
    http: op.http,
    apiPath: op.path,
    scopes: [...op.scopes],
    keyScopes: keyScopeAlternatives(op),
    authModes: [...op.auth],
    rateLimit: { limit: op.rateLimit.limit, seconds: op.rateLimit.seconds, keys: [...op.rateLimit.keys] },
    ...(op.deprecated ? { deprecated: op.deprecated } : {}),
    write: op.http !== 'GET',
  };
}

type TargetResolution = { kind: 'resolved'; value: Resolved & { service: string } } | { kind: 'unresolved'; hint?: string } | { kind: 'external' };

function resolveTarget(graph: ModuleGraph, from: string, t: CallTarget): TargetResolution {
  if (t.kind === 'service') return { kind: 'resolved', value: { service: t.service, pkg: t.pkg, auth: authOfExport(graph, from, t) } };
  if (t.kind === 'name') return { kind: 'unresolved', hint: t.hint };
  const local = graph.resolve(from, t.ref.source);
  if (!local) return { kind: 'external' };
  const { value, hint } = resolveRef(graph, from, t.ref);
  if (value?.kind === 'service') return { kind: 'resolved', value: { service: value.service, pkg: value.pkg, auth: authOfExport(graph, local, value) } };
  return { kind: 'unresolved', hint: hint ?? (t.ref.path.length === 0 ? t.ref.imported : undefined) };
}
