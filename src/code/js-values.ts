/**
 * A small abstract interpreter for the part of a JS/TS module that builds Appwrite clients: which
 * bindings hold an SDK class, a Client (and whether it was given a key, JWT or session), a service
 * instance, an object or factory returning those, or something imported from another module. It is
 * deliberately shallow (no control flow, first return wins): enough for the ways real apps wire the SDK.
 */
import type { Node } from '@babel/types';
import { serviceNames, serviceNamespace } from '../appwrite/endpoints.js';
import { propertyName, envName, requestHeaderName, requestHeaderCall, returnStatements } from './js-ast.js';
import type { ImportedRef, SiteAuth } from './types.js';

export interface ClientState {
  pkg: string;
  key: boolean;
  jwt: boolean;
  session: boolean;
  devKey: boolean;
  /** The client itself came from another module (its auth is that module's). */
  authFrom?: ImportedRef;
}

export type Value =
  | { t: 'unknown' }
  | { t: 'sdk-ns'; pkg: string }
  | { t: 'sdk-class'; pkg: string; name: string }
  | { t: 'client'; state: ClientState }
  | { t: 'service'; service: string; pkg: string; client: ClientState | undefined }
  | { t: 'object'; props: Map<string, () => Value> }
  | { t: 'fn'; node: Node; scope: Scope }
  | { t: 'import'; ref: ImportedRef }
  | { t: 'env'; name: string }
  | { t: 'request-header'; name: string }
  | { t: 'string'; value: string };

export const UNKNOWN: Value = { t: 'unknown' };

export type Binding =
  | { kind: 'init'; node: Node | null | undefined; scope: Scope; path: string[]; memo?: Value; busy?: boolean }
  | { kind: 'value'; value: Value };

export class Scope {
  readonly vars = new Map<string, Binding>();
  readonly parent: Scope | undefined;
  constructor(parent?: Scope) {
    this.parent = parent;
  }
  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) return b;
    }
    return undefined;
  }
}

/** Service classes of the SDKs beyond the 1.8 catalog (node-appwrite 27 targets 1.9.5 and Cloud). */
const EXTRA_SERVICE_CLASSES = ['Activities', 'Apps', 'Backups', 'Oauth2', 'Organization', 'Presences', 'Project', 'Tokens', 'Webhooks', 'Advisor', 'Realtime'];
let serviceClassSet: Set<string> | undefined;
export function isServiceClass(name: string): boolean {
  serviceClassSet ??= new Set([...serviceNames().map((s) => s.charAt(0).toUpperCase() + s.slice(1)), 'TablesDB', ...EXTRA_SERVICE_CLASSES]);
  return serviceClassSet.has(name);
}

/** The Appwrite SDK package an import specifier names, normalised (Deno `npm:` and deno.land forms too). */
export function appwritePackage(source: string): string | undefined {
  const s = source.replace(/^npm:/, '').replace(/@[\d^~<>=.x*-][^/]*$/, '');
  if (s === 'node-appwrite' || s.startsWith('node-appwrite/')) return 'node-appwrite';
  if (s === 'appwrite' || s.startsWith('appwrite/')) return 'appwrite';
  if (s === 'react-native-appwrite') return 'react-native-appwrite';
  if (s === '@appwrite.io/console') return '@appwrite.io/console';
  if (/^https:\/\/deno\.land\/x\/appwrite(@[^/]+)?\//.test(source)) return 'node-appwrite';
  return undefined;
}

const CLIENT_SDKS = new Set(['appwrite', 'react-native-appwrite', '@appwrite.io/console']);

/** The auth a client's calls carry. Browser and mobile SDKs authenticate with the user's session cookie. */
export function clientAuth(c: ClientState | undefined): SiteAuth {
  if (!c) return 'unknown';
  if (c.key) return 'key';
  if (c.jwt) return 'jwt';
  if (c.session) return 'session';
  if (c.authFrom) return 'unknown';
  if (CLIENT_SDKS.has(c.pkg)) return 'session';
  if (c.pkg === 'unknown') return 'unknown';
  return 'guest';
}

type AnyNode = Node & Record<string, unknown>;

export class Evaluator {
  private readonly memo = new WeakMap<Node, Value>();
  private readonly busy = new WeakSet<Node>();

  private readonly fnScopes: WeakMap<Node, Scope>;
  private readonly thisProps: Map<string, { node: Node; scope: Scope }>;
  constructor(fnScopes: WeakMap<Node, Scope>, thisProps: Map<string, { node: Node; scope: Scope }>) {
    this.fnScopes = fnScopes;
    this.thisProps = thisProps;
  }

  eval(node: Node | null | undefined, scope: Scope): Value {
    if (!node) return UNKNOWN;
    const cached = this.memo.get(node);
    if (cached) return cached;
    if (this.busy.has(node)) return UNKNOWN;
    this.busy.add(node);
    try {
      const v = this.evalUncached(node, scope);
      // Memoise nodes that create state, so a chain evaluated twice mutates one client.
      if (node.type === 'NewExpression' || node.type === 'CallExpression' || node.type === 'ObjectExpression') this.memo.set(node, v);
      return v;
    } finally {
      this.busy.delete(node);
    }
  }

  private evalUncached(node: Node, scope: Scope): Value {
    switch (node.type) {
      case 'Identifier':
        return this.binding(scope.lookup(node.name));
      case 'AwaitExpression':
        return this.eval(node.argument, scope);
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TypeCastExpression':
        return this.eval(node.expression, scope);
      case 'LogicalExpression':
      case 'ConditionalExpression': {
        const parts = node.type === 'LogicalExpression' ? [node.left, node.right] : [node.consequent, node.alternate];
        for (const p of parts) {
          const v = this.eval(p, scope);
          if (v.t !== 'unknown') return v;
        }
        return UNKNOWN;
      }
      case 'StringLiteral':
        return { t: 'string', value: node.value };
      case 'TemplateLiteral':
        return node.expressions.length === 0 ? { t: 'string', value: node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('') } : UNKNOWN;
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const env = envName(node);
        if (env) return { t: 'env', name: env };
        const header = requestHeaderName(node);
        if (header) return { t: 'request-header', name: header };
        const prop = propertyName(node.property, node.computed);
        if (prop === undefined) return UNKNOWN;
        if (node.object.type === 'ThisExpression') {
          const p = this.thisProps.get(prop);
          return p ? this.eval(p.node, p.scope) : UNKNOWN;
        }
        return this.member(this.eval(node.object, scope), prop);
      }
      case 'NewExpression':
        return this.construct(this.eval(node.callee, scope), node.arguments[0] as Node | undefined, scope);
      case 'CallExpression':
      case 'OptionalCallExpression': {
        const callee = node.callee;
        if (callee.type === 'Identifier' && callee.name === 'require') {
          const arg = node.arguments[0];
          if (arg?.type === 'StringLiteral') return importValue(arg.value, '*');
          return UNKNOWN;
        }
        const hdr = requestHeaderCall(node);
        if (hdr) return { t: 'request-header', name: hdr };
        if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') {
          const method = propertyName(callee.property, callee.computed);
          const recv = this.eval(callee.object, scope);
          if (recv.t === 'client' && method && /^(set|add)[A-Z]/.test(method)) {
            applySetter(recv.state, method);
            return recv;
          }
          if (recv.t === 'env' || recv.t === 'string' || recv.t === 'request-header') return recv; // .trim(), .toString()
          return this.call(this.member(recv, method ?? ''));
        }
        return this.call(this.eval(callee, scope));
      }
      case 'ObjectExpression': {
        const props = new Map<string, () => Value>();
        for (const p of node.properties) {
          if (p.type === 'ObjectProperty') {
            const k = propertyName(p.key, p.computed);
            if (k !== undefined) props.set(k, () => this.eval(p.value as Node, scope));
          } else if (p.type === 'ObjectMethod') {
            const k = propertyName(p.key, p.computed);
            if (k === undefined) continue;
            const fnScope = this.fnScopes.get(p) ?? scope;
            props.set(k, p.kind === 'get' ? () => this.returnsOf(p, fnScope) : () => ({ t: 'fn', node: p, scope: fnScope }));
          }
        }
        return { t: 'object', props };
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { t: 'fn', node, scope: this.fnScopes.get(node) ?? scope };
      default:
        return UNKNOWN;
    }
  }

  binding(b: Binding | undefined): Value {
    if (!b) return UNKNOWN;
    if (b.kind === 'value') return b.value;
    if (b.memo) return b.memo;
    if (b.busy) return UNKNOWN;
    b.busy = true;
    let v = this.eval(b.node, b.scope);
    for (const step of b.path) v = this.member(v, step);
    b.busy = false;
    b.memo = v;
    return v;
  }

  member(v: Value, prop: string): Value {
    switch (v.t) {
      case 'sdk-ns':
        return { t: 'sdk-class', pkg: v.pkg, name: prop };
      case 'object': {
        const get = v.props.get(prop);
        return get ? get() : UNKNOWN;
      }
      case 'import':
        return { t: 'import', ref: { ...v.ref, path: [...v.ref.path, prop] } };
      case 'env':
        // `$env/dynamic/public`'s `env` is a namespace of variables; a named env value stays itself (`.trim`).
        return v.name ? v : { t: 'env', name: prop };
      default:
        return UNKNOWN;
    }
  }

  call(v: Value): Value {
    if (v.t === 'fn') return this.returnsOf(v.node, v.scope);
    if (v.t === 'import') return { t: 'import', ref: { ...v.ref, path: [...v.ref.path, '()'] } };
    return UNKNOWN;
  }

  construct(callee: Value, firstArg: Node | undefined, scope: Scope): Value {
    const name = callee.t === 'sdk-class' ? callee.name : callee.t === 'import' ? (callee.ref.path.at(-1) ?? callee.ref.imported) : undefined;
    if (!name) return UNKNOWN;
    const pkg = callee.t === 'sdk-class' ? callee.pkg : 'unknown';
    if (name === 'Client') {
      const state: ClientState = { pkg, key: false, jwt: false, session: false, devKey: false };
      return { t: 'client', state };
    }
    if (!isServiceClass(name)) return UNKNOWN;
    const arg = this.eval(firstArg, scope);
    let client: ClientState | undefined;
    if (arg.t === 'client') client = arg.state;
    else if (arg.t === 'import') client = { pkg, key: false, jwt: false, session: false, devKey: false, authFrom: arg.ref };
    return { t: 'service', service: serviceNamespace(name), pkg, client };
  }

  /** The value a function returns: its expression body, or its first return statement that says something. */
  returnsOf(fn: Node, scope: Scope): Value {
    const f = fn as AnyNode;
    const fnScope = this.fnScopes.get(fn) ?? scope;
    const body = f.body as Node | undefined;
    if (!body) return UNKNOWN;
    if (body.type !== 'BlockStatement') return this.eval(body, fnScope);
    for (const ret of returnStatements(body)) {
      const v = this.eval(ret, fnScope);
      if (v.t !== 'unknown') return v;
    }
    return UNKNOWN;
  }
}

export function importValue(source: string, imported: string): Value {
  const pkg = appwritePackage(source);
  if (pkg) return imported === '*' || imported === 'default' ? { t: 'sdk-ns', pkg } : { t: 'sdk-class', pkg, name: imported };
  return { t: 'import', ref: { source, imported, path: [] } };
}

export function applySetter(state: ClientState, method: string): void {
  if (method === 'setKey') state.key = true;
  else if (method === 'setJWT') state.jwt = true;
  else if (method === 'setSession' || method === 'setCookie') state.session = true;
  else if (method === 'setDevKey') state.devKey = true;
}
