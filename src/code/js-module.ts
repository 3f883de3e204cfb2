/**
 * One JS/TS/JSX/TSX module (or the scripts of a Svelte/Vue component) to a ModuleSummary: imports and
 * Appwrite SDK imports, directives, exports, every call of an Appwrite SDK method name with what its
 * receiver is, API-key uses (setKey, X-Appwrite-Key headers) and environment reads.
 */
import type { Node } from '@babel/types';
import { isCatalogMethodName } from '../appwrite/endpoints.js';
import { redactSecret } from '../core/redact.js';
import { isAppwriteKeyValue } from './key-shapes.js';
import { commonJsExport, describeNode, envModule, envName, lastName, patternNames, propertyName, requireSource } from './js-ast.js';
import { callTarget, toExportValue } from './js-exports.js';
import { appwritePackage, applySetter, Evaluator, importValue, Scope, UNKNOWN, type Binding, type Value } from './js-values.js';
import { parseModule, type SourceLanguage } from './parse.js';
import { emptyModuleSummary, type EnvRead, type ImportRef, type KeySource, type ModuleSummary } from './types.js';

/** Exports that Next.js (pages router) and Remix/React Router run only on the server and strip from the client bundle. */
export const SERVER_ONLY_EXPORTS = new Set(['getServerSideProps', 'getStaticProps', 'getStaticPaths', 'loader', 'action', 'headers', 'generateStaticParams', 'generateMetadata']);

type AnyNode = Node & Record<string, unknown>;
interface Ctx {
  scope: Scope;
  serverExport?: string;
}
interface CallEvent {
  object: Node;
  method: string;
  line: number;
  column: number;
  ctx: Ctx;
  onlyIfService?: boolean;
}
interface SetterEvent extends CallEvent {
  arg: Node | undefined;
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeParameters', 'implements', 'range']);
const KEY_SETTERS = new Set(['setKey', 'setDevKey']);
const AUTH_SETTERS = new Set(['setKey', 'setDevKey', 'setJWT', 'setSession', 'setCookie']);
const HEADER_SETTERS = new Set(['set', 'append', 'addHeader', 'setHeader', 'header']);

export function analyzeJsModule(code: string, path: string, language: SourceLanguage): ModuleSummary {
  const summary = emptyModuleSummary(path, language, true);
  const { ast, problems } = parseModule(code, path);
  summary.problems = problems;
  if (!ast) {
    summary.parsed = false;
    return summary;
  }
  const moduleScope = new Scope();
  const fnScopes = new WeakMap<Node, Scope>();
  const thisProps = new Map<string, { node: Node; scope: Scope }>();
  const ev = new Evaluator(fnScopes, thisProps);
  const calls: CallEvent[] = [];
  const setters: SetterEvent[] = [];
  const headerUses: { kind: 'header' | 'dev-header'; value: Node | undefined; line: number; column: number; ctx: Ctx }[] = [];
  const importLocals = new Map<string, ImportRef>();
  const envNamespaces = new Map<string, EnvRead['via']>();
  const exportLocals: [string, string][] = [];
  const exportNodes: [string, Node, Scope][] = [];

  for (const d of ast.program.directives) {
    const v = d.value.value;
    if (v === 'use client' || v === 'use server') summary.directives.push(v);
  }

  const sdkRefs: { pkg: string; line: number; ref: ImportRef }[] = [];
  const usedImports = new Set<ImportRef>();
  const addImport = (source: string, line: number, kind: ImportRef['kind'], typeOnly: boolean): ImportRef => {
    const ref: ImportRef = { source, line, kind, typeOnly, clientReachable: false };
    summary.imports.push(ref);
    const pkg = appwritePackage(source);
    if (pkg && !typeOnly) sdkRefs.push({ pkg, line, ref });
    if (source === 'server-only') summary.serverOnlyGuard = true;
    if (source === 'client-only') summary.clientOnlyGuard = true;
    return ref;
  };
  const bindPattern = (pattern: Node | null | undefined, init: Node | null | undefined, ctx: Ctx, path: string[] = []): void => {
    if (!pattern) return;
    switch (pattern.type) {
      case 'Identifier':
        ctx.scope.vars.set(pattern.name, { kind: 'init', node: init, scope: ctx.scope, path });
        return;
      case 'ObjectPattern':
        for (const p of pattern.properties) {
          if (p.type === 'RestElement') continue;
          const k = propertyName(p.key, p.computed);
          if (k !== undefined) bindPattern(p.value as Node, init, ctx, [...path, k]);
        }
        return;
      case 'AssignmentPattern':
        bindPattern(pattern.left, init, ctx, path);
        visit(pattern.right, ctx);
        return;
      case 'ArrayPattern':
        for (const el of pattern.elements) bindUnknown(el, ctx);
        return;
      default:
        return;
    }
  };
  const bindUnknown = (pattern: Node | null | undefined, ctx: Ctx): void => {
    if (!pattern) return;
    if (pattern.type === 'Identifier') ctx.scope.vars.set(pattern.name, { kind: 'value', value: UNKNOWN });
    else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties) bindUnknown(p.type === 'RestElement' ? p.argument : (p.value as Node), ctx);
    else if (pattern.type === 'ArrayPattern') for (const el of pattern.elements) bindUnknown(el, ctx);
    else if (pattern.type === 'AssignmentPattern') bindUnknown(pattern.left, ctx);
    else if (pattern.type === 'RestElement') bindUnknown(pattern.argument, ctx);
    else if (pattern.type === 'TSParameterProperty') bindUnknown(pattern.parameter, ctx);
  };
  const enterFunction = (fn: AnyNode, ctx: Ctx): void => {
    const scope = new Scope(ctx.scope);
    fnScopes.set(fn, scope);
    const inner: Ctx = { ...ctx, scope };
    for (const p of (fn.params as Node[]) ?? []) bindUnknown(p, inner);
    visit(fn.body as Node, inner);
  };
  const markImportUse = (name: string, ctx: Ctx): void => {
    const ref = importLocals.get(name);
    if (!ref || !moduleScope.vars.get(name) || ctx.scope.lookup(name) !== moduleScope.vars.get(name)) return;
    usedImports.add(ref);
    if (!ctx.serverExport) ref.clientReachable = true;
  };
  const loc = (n: Node): { line: number; column: number } => ({ line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1 });

  const visitTopLevelExport = (decl: Node, ctx: Ctx): void => {
    if (decl.type === 'FunctionDeclaration' && decl.id) {
      exportLocals.push([decl.id.name, decl.id.name]);
      visit(decl, SERVER_ONLY_EXPORTS.has(decl.id.name) ? { ...ctx, serverExport: decl.id.name } : ctx);
    } else if (decl.type === 'ClassDeclaration' && decl.id) {
      exportLocals.push([decl.id.name, decl.id.name]);
      visit(decl, ctx);
    } else if (decl.type === 'VariableDeclaration') {
      for (const d of decl.declarations) {
        const name = d.id.type === 'Identifier' ? d.id.name : undefined;
        if (name) exportLocals.push([name, name]);
        else for (const n of patternNames(d.id)) exportLocals.push([n, n]);
        const inner = name && SERVER_ONLY_EXPORTS.has(name) ? { ...ctx, serverExport: name } : ctx;
        bindPattern(d.id, d.init, ctx);
        visit(d.init, inner);
      }
    } else {
      visit(decl, ctx);
    }
  };

  const visit = (n: Node | null | undefined, ctx: Ctx): void => {
    if (!n) return;
    const node = n as AnyNode;
    switch (n.type) {
      case 'ImportDeclaration': {
        const ref = addImport(n.source.value, loc(n).line, 'static', n.importKind === 'type');
        if (n.specifiers.length === 0) {
          ref.clientReachable = true;
          usedImports.add(ref);
        }
        for (const s of n.specifiers) {
          if (s.type === 'ImportSpecifier' && s.importKind === 'type') continue;
          const imported = s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : propertyName(s.imported, false) ?? 'default';
          const envVia = envModule(n.source.value);
          const envNs = envVia !== undefined && envVia.startsWith('$env/dynamic');
          const value: Value = envVia ? { t: 'env', name: envNs ? '' : imported } : importValue(n.source.value, imported);
          if (envVia && !envNs) summary.envReads.push({ name: imported, ...loc(s), via: envVia });
          if (envVia && envNs) envNamespaces.set(s.local.name, envVia);
          moduleScope.vars.set(s.local.name, { kind: 'value', value });
          importLocals.set(s.local.name, ref);
        }
        return;
      }
      case 'ExportNamedDeclaration': {
        if (n.source) {
          const ref = addImport(n.source.value, loc(n).line, 'reexport', n.exportKind === 'type');
          ref.clientReachable = true;
          usedImports.add(ref);
          for (const s of n.specifiers) {
            const exported = s.type === 'ExportSpecifier' ? propertyName(s.exported, false) : s.type === 'ExportNamespaceSpecifier' ? propertyName(s.exported, false) : 'default';
            const local = s.type === 'ExportSpecifier' ? propertyName(s.local, false) ?? 'default' : '*';
            if (exported) summary.exports[exported] = toExportValue(importValue(n.source.value, local));
          }
          return;
        }
        if (n.declaration) visitTopLevelExport(n.declaration, ctx);
        for (const s of n.specifiers) {
          if (s.type !== 'ExportSpecifier') continue;
          const local = propertyName(s.local, false);
          const exported = propertyName(s.exported, false);
          if (local && exported) {
            exportLocals.push([exported, local]);
            markImportUse(local, ctx);
          }
        }
        return;
      }
      case 'ExportDefaultDeclaration': {
        const d = n.declaration;
        if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) exportLocals.push(['default', d.id.name]);
        else if (d.type === 'Identifier') exportLocals.push(['default', d.name]);
        else exportNodes.push(['default', d, ctx.scope]);
        visit(d, ctx);
        return;
      }
      case 'ExportAllDeclaration': {
        const ref = addImport(n.source.value, loc(n).line, 'reexport', n.exportKind === 'type');
        ref.clientReachable = true;
        usedImports.add(ref);
        summary.starExports.push(n.source.value);
        return;
      }
      case 'VariableDeclaration':
        for (const d of n.declarations) {
          bindPattern(d.id, d.init, ctx);
          const req = requireSource(d.init);
          if (req) {
            const ref = addImport(req, loc(d).line, 'require', false);
            ref.clientReachable = !ctx.serverExport;
            usedImports.add(ref);
          }
          visit(d.init, ctx);
        }
        return;
      case 'FunctionDeclaration':
        if (n.id) ctx.scope.vars.set(n.id.name, { kind: 'value', value: { t: 'fn', node: n, scope: ctx.scope } });
        enterFunction(node, ctx);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ObjectMethod':
      case 'ClassMethod':
      case 'ClassPrivateMethod':
        if (n.type === 'ObjectMethod' || n.type === 'ClassMethod' || n.type === 'ClassPrivateMethod') {
          if (n.computed) visit(n.key, ctx);
        }
        enterFunction(node, ctx);
        return;
      case 'ClassDeclaration':
        if (n.id) ctx.scope.vars.set(n.id.name, { kind: 'value', value: UNKNOWN });
        visit(n.superClass, ctx);
        visit(n.body, ctx);
        return;
      case 'ClassProperty':
      case 'ClassPrivateProperty': {
        const k = n.type === 'ClassProperty' ? propertyName(n.key, n.computed) : `#${n.key.id.name}`;
        if (k && n.value) thisProps.set(k, { node: n.value, scope: ctx.scope });
        visit(n.value, ctx);
        return;
      }
      case 'AssignmentExpression': {
        const l = n.left;
        const cjs = l.type === 'MemberExpression' ? commonJsExport(l) : undefined;
        if (cjs) {
          exportNodes.push([cjs, n.right, ctx.scope]);
        } else if (l.type === 'MemberExpression' && l.object.type === 'ThisExpression') {
          const k = propertyName(l.property, l.computed);
          if (k) thisProps.set(k, { node: n.right, scope: ctx.scope });
        } else if (l.type === 'Identifier') {
          const b = ctx.scope.lookup(l.name);
          // `let client; client = new Client()…`: keep the first assignment that says something.
          if (b && b.kind === 'init' && !b.node) (b as Extract<Binding, { kind: 'init' }>).node = n.right;
          markImportUse(l.name, ctx);
        } else if (l.type !== 'ObjectPattern' && l.type !== 'ArrayPattern') {
          // A destructuring target reads values (even `{ 'x-appwrite-key': k } = headers`); it sends nothing.
          visit(l, ctx);
        }
        visit(n.right, ctx);
        return;
      }
      case 'CallExpression':
      case 'OptionalCallExpression': {
        const callee = n.callee;
        if (callee.type === 'Import' && n.arguments[0]?.type === 'StringLiteral') {
          const ref = addImport(n.arguments[0].value, loc(n).line, 'dynamic', false);
          ref.clientReachable = !ctx.serverExport;
          usedImports.add(ref);
        }
        if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') {
          const method = propertyName(callee.property, callee.computed);
          if (method) {
            const at = loc(callee.property);
            if (AUTH_SETTERS.has(method)) setters.push({ object: callee.object, method, arg: n.arguments[0] as Node | undefined, ...at, ctx });
            else if (isCatalogMethodName(method)) calls.push({ object: callee.object, method, ...at, ctx });
            // Methods newer than the catalog still count when the receiver is an SDK service instance.
            else if (callee.object.type === 'Identifier' || callee.object.type === 'MemberExpression') calls.push({ object: callee.object, method, ...at, ctx, onlyIfService: true });
            if (HEADER_SETTERS.has(method) && n.arguments[0]?.type === 'StringLiteral') {
              const h = n.arguments[0].value.toLowerCase();
              if (h === 'x-appwrite-key' || h === 'x-appwrite-dev-key') headerUses.push({ kind: h === 'x-appwrite-key' ? 'header' : 'dev-header', value: n.arguments[1] as Node | undefined, ...loc(n.arguments[0]), ctx });
            }
          }
        }
        break;
      }
      case 'ObjectProperty': {
        const k = propertyName(n.key, n.computed);
        const h = k?.toLowerCase();
        if (h === 'x-appwrite-key' || h === 'x-appwrite-dev-key') headerUses.push({ kind: h === 'x-appwrite-key' ? 'header' : 'dev-header', value: n.value as Node, ...loc(n.key), ctx });
        if (n.computed) visit(n.key, ctx);
        if (n.shorthand && n.value.type === 'Identifier') markImportUse(n.value.name, ctx);
        else visit(n.value as Node, ctx);
        return;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        if (n.object.type === 'Identifier' && envNamespaces.has(n.object.name) && ctx.scope.lookup(n.object.name) === moduleScope.vars.get(n.object.name)) {
          const name = propertyName(n.property, n.computed);
          if (name) summary.envReads.push({ name, ...loc(n), via: envNamespaces.get(n.object.name)!, serverExport: ctx.serverExport });
          return;
        }
        const env = envName(n);
        if (env) {
          summary.envReads.push({ name: env, ...loc(n), via: n.object.type === 'MemberExpression' && n.object.object.type === 'MetaProperty' ? 'import.meta.env' : 'process.env', serverExport: ctx.serverExport });
          return;
        }
        visit(n.object, ctx);
        if (n.computed) visit(n.property, ctx);
        return;
      }
      case 'Identifier':
        markImportUse(n.name, ctx);
        return;
      case 'JSXIdentifier':
        markImportUse(n.name, ctx);
        return;
      case 'TSTypeAnnotation':
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
      case 'TSDeclareFunction':
      case 'TSModuleDeclaration':
        return;
      default:
        break;
    }
    for (const [key, value] of Object.entries(node)) {
      if (SKIP_KEYS.has(key) || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const c of value) if (c && typeof c === 'object' && typeof (c as AnyNode).type === 'string') visit(c as Node, ctx);
      } else if (typeof (value as AnyNode).type === 'string') {
        visit(value as Node, ctx);
      }
    }
  };

  for (const stmt of ast.program.body) visit(stmt, { scope: moduleScope });
  // An SDK import only ever used in type positions is erased by the compiler: it ships nowhere.
  for (const r of sdkRefs) if (usedImports.has(r.ref)) summary.sdkImports.push({ pkg: r.pkg, line: r.line, clientReachable: r.ref.clientReachable });

  // Setters first: they mutate the clients that call sites read their auth from.
  for (const s of setters) {
    const recv = ev.eval(s.object, s.ctx.scope);
    if (recv.t === 'client') applySetter(recv.state, s.method);
    if (KEY_SETTERS.has(s.method)) {
      summary.keyUses.push({
        kind: s.method === 'setKey' ? 'setKey' : 'setDevKey',
        line: s.line,
        column: s.column,
        source: keySource(s.arg, s.ctx.scope),
        // An unresolved receiver counts only when named like a client (`client`, `adminClient`, `appwrite`).
        onAppwriteClient: recv.t === 'client' || /client|appwrite|sdk/i.test(lastName(s.object)),
        serverExport: s.ctx.serverExport,
      });
    }
  }
  for (const h of headerUses) {
    summary.keyUses.push({ kind: h.kind, line: h.line, column: h.column, source: keySource(h.value, h.ctx.scope), onAppwriteClient: true, serverExport: h.ctx.serverExport });
  }
  for (const c of calls) {
    const recv = ev.eval(c.object, c.ctx.scope);
    if (c.onlyIfService && recv.t !== 'service') continue;
    summary.calls.push({ method: c.method, line: c.line, column: c.column, target: callTarget(recv, c.object), serverExport: c.ctx.serverExport });
  }
  for (const [exported, local] of exportLocals) summary.exports[exported] = toExportValue(ev.binding(moduleScope.vars.get(local)), ev);
  for (const [exported, node, scope] of exportNodes) summary.exports[exported] = toExportValue(ev.eval(node, scope), ev);
  return summary;

  function keySource(arg: Node | undefined, scope: Scope): KeySource {
    if (!arg) return { kind: 'expression', text: '(none)' };
    const v = ev.eval(arg, scope);
    if (v.t === 'env') return { kind: 'env', name: v.name };
    if (v.t === 'request-header') return { kind: 'request-header', name: v.name };
    if (v.t === 'string') {
      summary.secrets.push(v.value);
      return { kind: 'literal', redacted: redactSecret(v.value), keyShaped: isAppwriteKeyValue(v.value) };
    }
    return { kind: 'expression', text: describeNode(arg) };
  }
}
