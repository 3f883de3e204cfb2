/**
 * The source inventory of a workspace: every Appwrite SDK call site mapped to its operation, where it
 * runs and how it authenticates; every API-key use; server-SDK imports; public env variables that hold
 * keys; and the Appwrite functions with the scopes of their keys. Used by the `source-inventory`
 * collector (audit), the `endpoints` command and `threat-model init`.
 */
import { catalogSource } from '../appwrite/endpoints.js';
import { errorMessage } from '../core/errors.js';
import type { Redactor } from '../core/redact.js';
import { redactSecret } from '../core/redact.js';
import type { Workspace } from '../core/workspace.js';
import { APPWRITE_CONFIG_NAMES, functionFolders, functionsFromConfig } from './appwrite-functions.js';
import { isDotenvFile, isDotenvTemplate, parseDotenv } from './dotenv.js';
import { analyzeJsModule } from './js-module.js';
import { isAppwriteKeyName, isAppwriteKeyValue, isPlaceholderValue, publicPrefixOf } from './key-shapes.js';
import { languageOf, type SourceLanguage } from './parse.js';
import { analyzePatternModule } from './patterns.js';
import { appwriteRelated, resolveCall, type ModuleGraph } from './resolve.js';
import { classifyFile, frameworkOfPackageJson, frameworkOfPubspec, propagateRuntimes, resolveImport, type Classification, type ProjectInfo } from './runtime.js';
import { SDK_PACKAGES, type CallSite, type FunctionInfo, type ModuleSummary, type SourceInventory } from './types.js';
import { compareText } from '../core/compare.js';

export interface InventoryOptions {
  workspace: Workspace;
  redactor?: Redactor;
  /** Problems with single inputs (a file that does not parse); the inventory goes on. */
  diagnose?: (d: { level: 'warning' | 'error'; message: string; path?: string; line?: number }) => void;
  recordInput?: (kind: string, path: string) => void;
  /** Largest source file analysed (bigger ones are bundles or generated code: the secret scanner's). */
  maxFileBytes?: number;
}

/** Build output, dependencies and test code: not the app's own runtime code. */
const SKIP_PATH = /(^|\/)(dist|build|out|\.vercel|\.netlify|\.expo|\.dart_tool|Pods|DerivedData|\.gradle|__pycache__|\.venv|venv|site-packages|bower_components|__tests__|__mocks__|__fixtures__|e2e|cypress|playwright|test|tests)\/|\.(test|spec|e2e|stories)\.[cm]?[jt]sx?$|\.min\.js$|_test\.(dart|py)$|(^|\/)test_[^/]*\.py$/;
const PREFILTER = /appwrite|setKey|setDevKey|NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_|\$env\//i;

export async function buildInventory(opts: InventoryOptions): Promise<SourceInventory> {
  const ws = opts.workspace;
  const all = await ws.files();
  const fileSet = new Set(all);
  const diagnose = opts.diagnose ?? (() => {});
  const maxBytes = opts.maxFileBytes ?? 1024 * 1024;
  const incomplete: SourceInventory['incomplete'] = [];

  const readOrNote = async (rel: string, kind: string): Promise<string | undefined> => {
    try {
      const text = await ws.readText(rel, { maxBytes });
      opts.recordInput?.(kind, rel);
      return text;
    } catch (err) {
      diagnose({ level: 'warning', message: `skipped: ${errorMessage(err)}`, path: rel });
      return undefined;
    }
  };

  // Projects (package.json, pubspec.yaml, Android/iOS markers) decide framework conventions.
  const projects: ProjectInfo[] = [];
  /** Monorepo packages by name, so `import { db } from '@acme/appwrite'` resolves to the workspace's own code. */
  const workspacePackages = new Map<string, { dir: string; main?: string }>();
  for (const rel of all) {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    if (SKIP_PATH.test(`${rel}`) && base !== 'package.json') continue;
    if (base === 'package.json') {
      const text = await readOrNote(rel, 'package.json');
      if (text === undefined) continue;
      try {
        const pkg = JSON.parse(text) as { name?: unknown; main?: unknown; module?: unknown; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
        projects.push({ dir, framework: frameworkOfPackageJson(pkg) });
        if (typeof pkg.name === 'string' && pkg.name) workspacePackages.set(pkg.name, { dir, main: typeof pkg.module === 'string' ? pkg.module : typeof pkg.main === 'string' ? pkg.main : undefined });
      } catch (err) {
        diagnose({ level: 'warning', message: `package.json is not valid JSON (${errorMessage(err)}); framework conventions not applied`, path: rel });
      }
    } else if (base === 'pubspec.yaml') {
      const text = await readOrNote(rel, 'pubspec.yaml');
      if (text !== undefined) projects.push({ dir, framework: frameworkOfPubspec(text) });
    } else if (base === 'AndroidManifest.xml') {
      projects.push({ dir: dir.replace(/\/src\/main$/, '').replace(/\/app$/, ''), framework: 'android' });
    } else if (base === 'Info.plist' || base.endsWith('.xcodeproj')) {
      projects.push({ dir, framework: 'ios' });
    }
  }
  const projectOf = (rel: string): ProjectInfo | undefined => {
    let best: ProjectInfo | undefined;
    for (const p of projects) if ((p.dir === '' || rel.startsWith(`${p.dir}/`)) && (!best || p.dir.length > best.dir.length)) best = p;
    return best;
  };

  // Appwrite functions and their key scopes.
  const functions: FunctionInfo[] = [];
  for (const rel of all.filter((f) => (APPWRITE_CONFIG_NAMES as readonly string[]).includes(f.slice(f.lastIndexOf('/') + 1)) && !SKIP_PATH.test(f))) {
    const text = await readOrNote(rel, 'appwrite-config');
    if (text === undefined) continue;
    const r = functionsFromConfig(text, rel);
    for (const p of r.problems) diagnose({ level: 'warning', message: p.message, path: rel, ...(p.line ? { line: p.line } : {}) });
    functions.push(...r.functions);
  }
  functions.push(...functionFolders(all.filter((f) => !SKIP_PATH.test(f)), functions));
  const functionRoots = functions.map((f) => ({ id: f.id, root: f.root }));

  // Per-file summaries.
  const modules = new Map<string, ModuleSummary>();
  for (const rel of all) {
    const language = languageOf(rel);
    if (!language || SKIP_PATH.test(rel)) continue;
    const text = await readOrNote(rel, 'source');
    if (text === undefined) continue;
    const interesting = PREFILTER.test(text);
    let summary: ModuleSummary;
    if (language === 'dart' || language === 'kotlin' || language === 'swift' || language === 'python') {
      if (!/appwrite/i.test(text)) continue;
      summary = analyzePatternModule(text, rel, language);
    } else if (interesting) {
      summary = analyzeJsModule(text, rel, language);
      if (!summary.parsed) {
        incomplete.push({ path: rel, reason: `could not be parsed: ${summary.problems[0]?.message ?? 'syntax error'}` });
        diagnose({ level: 'warning', message: `could not parse (${summary.problems[0]?.message}); its Appwrite calls are not in the inventory`, path: rel, line: summary.problems[0]?.line });
      }
    } else {
      summary = lightSummary(text, rel, language);
    }
    for (const s of summary.secrets) opts.redactor?.add(s);
    summary.secrets = [];
    modules.set(rel, summary);
  }

  // Import graph and runtimes.
  const exists = (p: string): boolean => fileSet.has(p);
  const resolve = (from: string, spec: string): string | undefined => resolveImport(from, spec, projectOf(from)?.dir, exists) ?? resolveWorkspacePackage(spec, workspacePackages, exists);
  const graph: ModuleGraph = { modules, resolve };
  const edges = new Map<string, { to: string; clientReachable: boolean }[]>();
  const plainEdges = new Map<string, string[]>();
  for (const [p, m] of modules) {
    const list: { to: string; clientReachable: boolean }[] = [];
    for (const imp of m.imports) {
      if (imp.typeOnly) continue;
      const to = resolve(p, imp.source);
      if (to && modules.has(to) && to !== p) list.push({ to, clientReachable: imp.clientReachable });
    }
    edges.set(p, list);
    plainEdges.set(p, [...new Set(list.map((e) => e.to))]);
  }
  const classes = new Map<string, Classification>();
  for (const [p, m] of modules) classes.set(p, classifyFile(p, m, projectOf(p), functionRoots));
  propagateRuntimes(classes, edges);
  const related = appwriteRelated(graph, plainEdges);

  const inv: SourceInventory = {
    catalog: { appwrite: catalogSource.appwrite, specs: catalogSource.specs },
    files: [],
    callSites: [],
    keyUses: [],
    sdkImports: [],
    envVars: [],
    envReads: [],
    functions,
    imports: {},
    incomplete,
  };
  for (const [p, m] of modules) {
    const c = classes.get(p)!;
    const isRelated = related.has(p);
    const siteRuntime = (serverExport: string | undefined): { runtime: CallSite['runtime']; runtimeReason: string } =>
      serverExport && c.runtime === 'client' ? { runtime: 'server', runtimeReason: `inside ${serverExport} (server-only export)` } : { runtime: c.runtime, runtimeReason: c.reason };
    const fnId = c.functionId ? { functionId: c.functionId } : {};
    let count = 0;
    for (const call of m.calls) {
      const site = resolveCall(graph, m, call, isRelated);
      if (!site) continue;
      inv.callSites.push({ path: p, ...site, ...siteRuntime(call.serverExport), ...fnId });
      count++;
    }
    for (const k of m.keyUses) {
      if (!k.onAppwriteClient) continue;
      inv.keyUses.push({ path: p, line: k.line, column: k.column, kind: k.kind, source: k.source, ...siteRuntime(k.serverExport), language: m.language, ...fnId });
    }
    for (const s of m.sdkImports) {
      const flavor = (SDK_PACKAGES as Record<string, 'server' | 'client' | 'console' | 'unknown'>)[s.pkg] ?? 'unknown';
      inv.sdkImports.push({ path: p, line: s.line, pkg: s.pkg, flavor, clientReachable: s.clientReachable, runtime: c.runtime, runtimeReason: c.reason });
    }
    for (const e of m.envReads) {
      const prefix = publicPrefixOf(e.name) ?? (e.via === '$env/static/public' || e.via === '$env/dynamic/public' ? 'PUBLIC_' : undefined);
      inv.envReads.push({ ...e, path: p, ...(prefix ? { publicPrefix: prefix } : {}), ...siteRuntime(e.serverExport) });
    }
    const local = plainEdges.get(p) ?? [];
    if (local.length) inv.imports[p] = local;
    if (isRelated || m.sdkImports.length || m.keyUses.length || count) {
      inv.files.push({ path: p, language: m.language as SourceLanguage, runtime: c.runtime, runtimeReason: c.reason, framework: c.framework, ...fnId, sdks: [...new Set(m.sdkImports.map((s) => s.pkg))], parsed: m.parsed, callSites: count });
    }
  }

  // .env files: which variables with a public prefix hold (or are named like) an Appwrite key.
  for (const rel of all.filter((f) => isDotenvFile(f) && !SKIP_PATH.test(f))) {
    const text = await readOrNote(rel, 'env-file');
    if (text === undefined) continue;
    const template = isDotenvTemplate(rel);
    const parsed = parseDotenv(text);
    for (const pr of parsed.problems) diagnose({ level: 'warning', message: pr.message, path: rel, line: pr.line });
    for (const e of parsed.entries) {
      const valueKey = !template && isAppwriteKeyValue(e.value);
      const nameKey = isAppwriteKeyName(e.name);
      if (valueKey || (nameKey && !isPlaceholderValue(e.value))) opts.redactor?.add(e.value);
      const prefix = publicPrefixOf(e.name);
      if (!valueKey && !nameKey && !prefix) continue;
      inv.envVars.push({
        path: rel,
        line: e.line,
        name: e.name,
        ...(prefix ? { publicPrefix: prefix } : {}),
        keyLike: valueKey ? 'value' : nameKey ? 'name' : null,
        template,
        hasValue: !isPlaceholderValue(e.value),
        ...(valueKey || nameKey ? (isPlaceholderValue(e.value) ? {} : { redacted: redactSecret(e.value) }) : {}),
      });
    }
  }
  inv.callSites.sort(byPosition);
  inv.keyUses.sort(byPosition);
  inv.files.sort((a, b) => compareText(a.path, b.path));
  return inv;
}

function resolveWorkspacePackage(spec: string, packages: Map<string, { dir: string; main?: string }>, exists: (p: string) => boolean): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/')) return undefined;
  const scoped = spec.startsWith('@');
  const parts = spec.split('/');
  const name = parts.slice(0, scoped ? 2 : 1).join('/');
  const pkg = packages.get(name);
  if (!pkg) return undefined;
  const sub = parts.slice(scoped ? 2 : 1).join('/');
  const base = pkg.dir ? `${pkg.dir}/` : '';
  const entries = sub ? [`src/${sub}`, sub] : [...(pkg.main ? [pkg.main.replace(/^\.\//, '')] : []), 'src/index', 'index'];
  // Resolve as if imported relatively from inside the package (extensions, index files, .js -> .ts).
  for (const e of entries) {
    const hit = resolveImport(`${base}__entry__`, `./${e}`, pkg.dir, exists);
    if (hit) return hit;
  }
  return undefined;
}

function byPosition(a: { path: string; line: number; column: number }, b: { path: string; line: number; column: number }): number {
  return compareText(a.path, b.path) || a.line - b.line || a.column - b.column;
}

/** Imports and directives only, by pattern: enough to follow the import graph through modules that never touch Appwrite. */
function lightSummary(text: string, path: string, language: SourceLanguage): ModuleSummary {
  const imports: ModuleSummary['imports'] = [];
  const re = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const source = m[2] ?? m[3] ?? m[4];
    if (!source) continue;
    const line = text.slice(0, m.index).split('\n').length;
    imports.push({ source, line, kind: m[3] ? 'require' : m[4] ? 'dynamic' : 'static', typeOnly: !!m[1], clientReachable: true });
  }
  const head = text.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, '');
  const d = head.match(/^(['"])use (client|server)\1/);
  return {
    path,
    language,
    directives: d ? [`use ${d[2]}` as 'use client' | 'use server'] : [],
    imports,
    sdkImports: [],
    exports: {},
    starExports: [],
    calls: [],
    keyUses: [],
    envReads: [],
    serverOnlyGuard: imports.some((i) => i.source === 'server-only'),
    clientOnlyGuard: imports.some((i) => i.source === 'client-only'),
    problems: [],
    parsed: false,
    secrets: [],
  };
}
