/**
 * The Appwrite operation catalog: every REST operation of the official 1.8.x specs with its SDK service
 * and method names, HTTP method and path, required scope(s), the auth modes that may call it, its rate
 * limit and deprecation. The data lives in endpoints.generated.ts (made by scripts/generate-endpoints.ts
 * from the specs; never edited by hand); this module is the lookup API over it.
 */
import { ENDPOINT_CATALOG_SOURCE, OPERATION_RECORDS_JSON } from './endpoints.generated.js';

export const AUTH_MODES = ['session', 'jwt', 'key', 'admin'] as const;
/**
 * - session: a user session (cookie / X-Appwrite-Session), the web and mobile SDKs' normal mode.
 * - jwt: a user JWT (X-Appwrite-JWT), a server acting for a user.
 * - key: a project API key (X-Appwrite-Key), limited only by its scopes.
 * - admin: a console admin session (X-Appwrite-Mode: admin).
 */
export type AuthMode = (typeof AUTH_MODES)[number];

export const SPEC_PLATFORMS = ['client', 'server', 'console'] as const;
export type SpecPlatform = (typeof SPEC_PLATFORMS)[number];

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** `[since, replaceWith]`, from `x-appwrite.deprecated`. */
export type DeprecationRecord = readonly [string, string];

/**
 * One SDK method of an operation (`x-appwrite.methods[]`): `[name, auth, deprecated, specs]`, where a null
 * auth or specs means "as the operation's", and a null deprecation on the primary method means "as the operation's".
 */
export type VariantRecord = readonly [string, readonly AuthMode[] | null, DeprecationRecord | null, readonly SpecPlatform[] | null];

/**
 * One operation, compact so the committed catalog stays small:
 * `[service, method, http, path, scopes (any one suffices), auth, rateLimit, rateTime, rateKeys, specs, deprecated, variants]`.
 */
export type OperationRecord = readonly [
  string,
  string,
  HttpMethod,
  string,
  readonly string[],
  readonly AuthMode[],
  number,
  number,
  readonly string[],
  readonly SpecPlatform[],
  DeprecationRecord | null,
  readonly VariantRecord[],
];

export interface RateLimit {
  /** Requests per window; 0 = no limit. Keys, console admins and dev keys are never limited. */
  limit: number;
  /** Window in seconds. */
  seconds: number;
  /** Counter keys (`url:{url},ip:{ip}`); several keys are separate counters. */
  keys: readonly string[];
}

export interface Operation {
  /** SDK service namespace, e.g. `databases`, `tablesDB`, `users`. */
  service: string;
  /** SDK method name, e.g. `createDocument`. */
  method: string;
  /** `service.method`. */
  id: string;
  /** The operation's primary method (`x-appwrite.method`); equal to `method` unless this is a variant. */
  primaryMethod: string;
  http: HttpMethod;
  path: string;
  /** Scopes of which the caller needs ANY one (Appwrite 1.8 lists `rows.write` and legacy `documents.write`). */
  scopes: readonly string[];
  auth: readonly AuthMode[];
  rateLimit: RateLimit;
  /** Which specs list this method: client (web/mobile SDKs), server, console. */
  specs: readonly SpecPlatform[];
  deprecated?: { since: string; replaceWith: string };
}

/** Scopes every API key holds implicitly (appwrite roles.php ROLE_KEYS), never worth granting or reporting. */
export const IMPLICIT_KEY_SCOPES: ReadonlySet<string> = new Set(['global', 'health.read', 'graphql']);
/** Scope labels that are not grantable key scopes (guest/user roles only). */
export const NON_KEY_SCOPES: ReadonlySet<string> = new Set(['public', 'account', 'home', 'console']);

export const catalogSource = ENDPOINT_CATALOG_SOURCE;

let index: Map<string, Operation> | undefined;
let byService: Map<string, Operation[]> | undefined;
let byMethodName: Map<string, Operation[]> | undefined;

function build(): Map<string, Operation> {
  const map = new Map<string, Operation>();
  for (const r of JSON.parse(OPERATION_RECORDS_JSON) as readonly OperationRecord[]) {
    const [service, primary, http, path, scopes, auth, limit, seconds, keys, specs, dep, variants] = r;
    for (const [name, vAuth, vDep, vSpecs] of variants) {
      const d = vDep ?? (name === primary ? dep : null);
      const op: Operation = {
        service,
        method: name,
        id: `${service}.${name}`,
        primaryMethod: primary,
        http,
        path,
        scopes,
        auth: vAuth ?? auth,
        rateLimit: { limit, seconds, keys },
        specs: vSpecs ?? specs,
        ...(d ? { deprecated: { since: d[0], replaceWith: d[1] } } : {}),
      };
      map.set(op.id, op);
    }
  }
  return map;
}

function ensure(): Map<string, Operation> {
  index ??= build();
  return index;
}

/** Every SDK method of the catalog (variants included), in catalog order. */
export function allOperations(): Operation[] {
  return [...ensure().values()];
}

/** The operation an SDK call `service.method` maps to; service is the namespace (`databases`) or class name (`Databases`). */
export function findOperation(service: string, method: string): Operation | undefined {
  return ensure().get(`${serviceNamespace(service)}.${method}`);
}

export function findOperationById(id: string): Operation | undefined {
  const i = id.indexOf('.');
  return i === -1 ? undefined : findOperation(id.slice(0, i), id.slice(i + 1));
}

/** Operations of one service namespace. */
export function operationsOf(service: string): Operation[] {
  if (!byService) {
    byService = new Map();
    for (const op of ensure().values()) {
      const list = byService.get(op.service) ?? [];
      list.push(op);
      byService.set(op.service, list);
    }
  }
  return byService.get(serviceNamespace(service)) ?? [];
}

/** Every operation whose SDK method has this name, across services (used when the receiver is unknown). */
export function operationsNamed(method: string): Operation[] {
  if (!byMethodName) {
    byMethodName = new Map();
    for (const op of ensure().values()) {
      const list = byMethodName.get(op.method) ?? [];
      list.push(op);
      byMethodName.set(op.method, list);
    }
  }
  return byMethodName.get(method) ?? [];
}

/** Every service namespace in the catalog. */
export function serviceNames(): string[] {
  return [...new Set([...ensure().values()].map((o) => o.service))];
}

/**
 * SDK class name to catalog namespace: the SDKs name classes after the namespace with a capital first
 * letter (`Databases` -> `databases`, `TablesDB` -> `tablesDB`, `Graphql` -> `graphql`).
 */
export function serviceNamespace(classOrNamespace: string): string {
  if (!classOrNamespace) return classOrNamespace;
  const lower = classOrNamespace.charAt(0).toLowerCase() + classOrNamespace.slice(1);
  if (lower === 'tablesDb' || lower === 'tablesdb') return 'tablesDB';
  return lower;
}

/** True when a session or JWT (a user) can call it: anything else needs an API key or the console. */
export function userCallable(op: Operation): boolean {
  return op.auth.includes('session') || op.auth.includes('jwt');
}

/** Only an API key (or the console) can call it. */
export function keyOnly(op: Operation): boolean {
  return !userCallable(op) && op.auth.includes('key');
}

/** Only the console (admin session) can call it: not even an API key. */
export function consoleOnly(op: Operation): boolean {
  return op.auth.length === 1 && op.auth[0] === 'admin';
}

/** A state-changing call (anything but GET). */
export function isWrite(op: Operation): boolean {
  return op.http !== 'GET';
}

/**
 * The grantable key scopes the operation needs, as alternatives (any one suffices). Empty when a key
 * needs nothing it does not hold implicitly, or when a key cannot call the operation at all.
 */
export function keyScopeAlternatives(op: Operation): string[] {
  if (!op.auth.includes('key')) return [];
  const grantable = op.scopes.filter((s) => !IMPLICIT_KEY_SCOPES.has(s) && !NON_KEY_SCOPES.has(s));
  // An operation that also accepts an implicit scope needs nothing extra.
  if (op.scopes.some((s) => IMPLICIT_KEY_SCOPES.has(s))) return [];
  return grantable;
}

/** SDK method names that appear in the catalog: a fast filter before resolving a call's receiver. */
export function isCatalogMethodName(name: string): boolean {
  return operationsNamed(name).length > 0;
}

export function formatRateLimit(r: RateLimit): string {
  if (r.limit === 0) return 'none';
  return `${r.limit}/${r.seconds}s by ${r.keys.join(' + ')}`;
}
