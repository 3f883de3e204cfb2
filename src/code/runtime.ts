/**
 * Where a file's code runs. Frameworks decide this by folder and file-name conventions, directives and
 * guards; a module with no convention of its own runs wherever the modules importing it run, so the
 * answer is finished by propagating along imports (see propagateRuntimes).
 */
import type { ModuleSummary, Runtime } from './types.js';

export const FRAMEWORKS = ['next', 'remix', 'sveltekit', 'nuxt', 'gatsby', 'astro', 'expo', 'react-native', 'spa', 'node-server', 'flutter', 'dart', 'android', 'ios', 'python', 'unknown'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export interface ProjectInfo {
  /** Folder of the package.json / pubspec.yaml ('' for the root). */
  dir: string;
  framework: Framework;
}

export interface Classification {
  runtime: Runtime;
  reason: string;
  /** Strong: a directive, guard, file-name convention or function folder. Weak: a framework's default, which imports can override. */
  strength: 'strong' | 'weak' | 'none';
  framework: Framework;
  /** Appwrite function id when the file belongs to one. */
  functionId?: string;
}

export interface FunctionRoot {
  id: string;
  /** Folder, relative to the workspace root, no trailing slash. */
  root: string;
}

/** Framework of a package.json from its dependencies. */
export function frameworkOfPackageJson(pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }): Framework {
  const deps = { ...(pkg.dependencies ?? {}), ...(pkg.devDependencies ?? {}) };
  const has = (n: string): boolean => n in deps;
  if (has('next')) return 'next';
  if (has('@sveltejs/kit')) return 'sveltekit';
  if (has('@remix-run/react') || has('@remix-run/node') || has('@react-router/dev')) return 'remix';
  if (has('nuxt')) return 'nuxt';
  if (has('gatsby')) return 'gatsby';
  if (has('astro')) return 'astro';
  if (has('expo')) return 'expo';
  if (has('react-native') || has('react-native-appwrite')) return 'react-native';
  const frontEnd = ['react', 'react-dom', 'vue', 'svelte', 'solid-js', 'preact', 'appwrite', '@angular/core'].some(has);
  if (frontEnd && (has('vite') || has('react-scripts') || has('@angular/core') || has('parcel') || has('webpack') || has('appwrite'))) return 'spa';
  if (['express', 'fastify', 'koa', 'hono', '@nestjs/core', '@hapi/hapi', 'node-appwrite'].some(has)) return 'node-server';
  return 'unknown';
}

export function frameworkOfPubspec(text: string): Framework {
  return /^\s*sdk:\s*flutter\b/m.test(text) || /^flutter:/m.test(text) ? 'flutter' : 'dart';
}

/** File-name conventions: `[pattern, reason, frameworks it applies to (all when absent)]`. */
const SERVER_FILE_RULES: [RegExp, string, Framework[]?][] = [
  [/(^|\/)\+(page|layout)\.server\.[cm]?[jt]s$/, 'SvelteKit server load/actions file'],
  [/(^|\/)\+server\.[cm]?[jt]s$/, 'SvelteKit endpoint (+server)'],
  [/(^|\/)hooks\.server\.[cm]?[jt]s$/, 'SvelteKit server hooks'],
  [/(^|\/)lib\/server\//, '$lib/server module (server-only by SvelteKit convention)'],
  [/\.server\.[cm]?[jt]sx?$/, '*.server module (server-only by convention)'],
  [/(^|\/)(src\/)?app\/(.*\/)?route\.[cm]?[jt]sx?$/, 'Next.js route handler (app/**/route)', ['next', 'unknown']],
  [/(^|\/)(src\/)?pages\/api\//, 'Next.js API route (pages/api)', ['next', 'unknown']],
  [/(^|\/)(src\/)?middleware\.[cm]?[jt]s$/, 'Next.js middleware (edge server)', ['next']],
  [/(^|\/)server\/(api|routes|middleware|utils|plugins)\//, 'Nuxt/Nitro server folder', ['nuxt', 'unknown']],
  [/\+api\.[cm]?[jt]sx?$/, 'Expo API route (+api)', ['expo', 'react-native']],
  [/^src\/api\//, 'Gatsby function (src/api)', ['gatsby']],
  [/(^|\/)entry\.server\.[cm]?[jt]sx?$/, 'Remix server entry'],
];
const CLIENT_FILE_RULES: [RegExp, string][] = [
  [/\.client\.[cm]?[jt]sx?$/, '*.client module (browser-only by convention)'],
  [/(^|\/)hooks\.client\.[cm]?[jt]s$/, 'SvelteKit client hooks'],
  [/(^|\/)\+(page|layout)\.[cm]?[jt]s$/, 'SvelteKit universal load (also runs in the browser)'],
  [/(^|\/)entry\.client\.[cm]?[jt]sx?$/, 'Remix browser entry'],
  [/\.svelte$/, 'Svelte component (rendered in the browser)'],
  [/\.vue$/, 'Vue component (rendered in the browser)'],
];

const CLIENT_FRAMEWORK_REASON: Partial<Record<Framework, string>> = {
  spa: 'single-page app bundle (runs in the browser)',
  gatsby: 'Gatsby site bundle (runs in the browser)',
  expo: 'Expo app (runs on the device)',
  'react-native': 'React Native app (runs on the device)',
  flutter: 'Flutter app (runs on the device or in the browser)',
  android: 'Android app (runs on the device)',
  ios: 'iOS app (runs on the device)',
};

/** First classification of one file, before imports are followed. */
export function classifyFile(rel: string, summary: ModuleSummary | undefined, project: ProjectInfo | undefined, functions: FunctionRoot[]): Classification {
  const framework = project?.framework ?? 'unknown';
  const inProject = project ? (project.dir ? rel.slice(project.dir.length + 1) : rel) : rel;
  const fn = functions.find((f) => f.root === '' || rel === f.root || rel.startsWith(`${f.root}/`));
  if (fn) return { runtime: 'function', reason: `Appwrite function ${fn.id} (${fn.root || '.'})`, strength: 'strong', framework, functionId: fn.id };
  if (summary?.directives.includes('use server')) return { runtime: 'server', reason: '"use server" module (server actions)', strength: 'strong', framework };
  if (summary?.directives.includes('use client')) return { runtime: 'client', reason: '"use client" module', strength: 'strong', framework };
  if (summary?.serverOnlyGuard) return { runtime: 'server', reason: "imports 'server-only'", strength: 'strong', framework };
  if (summary?.clientOnlyGuard) return { runtime: 'client', reason: "imports 'client-only'", strength: 'strong', framework };
  for (const [re, reason, only] of SERVER_FILE_RULES) if ((!only || only.includes(framework)) && re.test(inProject)) return { runtime: 'server', reason, strength: 'strong', framework };
  for (const [re, reason] of CLIENT_FILE_RULES) if (re.test(inProject)) return { runtime: 'client', reason, strength: 'strong', framework };
  switch (framework) {
    case 'next':
      if (/^(src\/)?app\//.test(inProject)) return { runtime: 'server', reason: 'Next.js server component (app router, no "use client")', strength: 'weak', framework };
      if (/^(src\/)?pages\//.test(inProject)) return { runtime: 'client', reason: 'Next.js page (pages router: rendered in the browser too)', strength: 'strong', framework };
      break;
    case 'remix':
      if (/^app\/(routes\/|root\.)/.test(inProject)) return { runtime: 'client', reason: 'Remix route module (loader/action run on the server, the rest in the browser)', strength: 'strong', framework };
      break;
    case 'nuxt':
      if (/^(pages|components|composables|layouts|plugins|middleware)\//.test(inProject)) return { runtime: 'client', reason: 'Nuxt app code (rendered in the browser)', strength: 'strong', framework };
      break;
    case 'node-server':
    case 'dart':
    case 'python':
      return { runtime: 'server', reason: `${framework === 'node-server' ? 'Node.js server' : framework === 'dart' ? 'Dart server' : 'Python'} project`, strength: 'weak', framework };
    default: {
      const reason = CLIENT_FRAMEWORK_REASON[framework];
      if (!reason) break;
      // Full-stack repos keep a backend beside the app in one package: its folders are not the bundle.
      if (/^(server|backend|api)\//.test(inProject)) return { runtime: 'server', reason: `server folder beside the ${framework} app`, strength: 'weak', framework };
      if (/^(scripts|tools?|bin|seed|migrations)\//.test(inProject)) return { runtime: 'unknown', reason: 'scripts folder (runs wherever it is started)', strength: 'none', framework };
      if (framework === 'flutter' && !/^lib\//.test(inProject)) return { runtime: 'unknown', reason: 'Dart code outside lib/ (not part of the Flutter app)', strength: 'none', framework };
      return { runtime: 'client', reason, strength: 'strong', framework };
    }
  }
  if (summary?.language === 'python') return { runtime: 'server', reason: 'Python code (no browser runtime)', strength: 'weak', framework };
  if (summary?.sdkImports.some((s) => s.pkg === 'flutter:appwrite')) return { runtime: 'client', reason: 'Flutter SDK (package:appwrite) code', strength: 'weak', framework };
  return { runtime: 'unknown', reason: 'no framework convention applies', strength: 'none', framework };
}

/**
 * Finishes classification along local imports: a module reachable from client code is bundled for the
 * client (unless it is server-guarded, a server-action module or a function); a module with no runtime of
 * its own reached only from server code runs on the server.
 */
export function propagateRuntimes(classes: Map<string, Classification>, edges: Map<string, { to: string; clientReachable: boolean }[]>): void {
  const queue = [...classes.entries()].filter(([, c]) => c.runtime === 'client').map(([p]) => p);
  const seen = new Set(queue);
  while (queue.length) {
    const from = queue.shift()!;
    for (const e of edges.get(from) ?? []) {
      if (!e.clientReachable || seen.has(e.to)) continue;
      const c = classes.get(e.to);
      if (!c || (c.strength === 'strong' && c.runtime !== 'client')) continue;
      seen.add(e.to);
      if (c.runtime !== 'client') classes.set(e.to, { ...c, runtime: 'client', reason: `imported by client module ${from}`, strength: 'weak' });
      queue.push(e.to);
    }
  }
  const serverQueue = [...classes.entries()].filter(([, c]) => c.runtime === 'server' || c.runtime === 'function').map(([p]) => p);
  const seenServer = new Set(serverQueue);
  while (serverQueue.length) {
    const from = serverQueue.shift()!;
    const fromClass = classes.get(from)!;
    for (const e of edges.get(from) ?? []) {
      if (seenServer.has(e.to)) continue;
      const c = classes.get(e.to);
      if (!c || c.runtime !== 'unknown') continue;
      seenServer.add(e.to);
      classes.set(e.to, { ...c, runtime: fromClass.runtime, reason: `imported only by ${fromClass.runtime} module ${from}`, strength: 'weak', ...(fromClass.functionId ? { functionId: fromClass.functionId } : {}) });
      serverQueue.push(e.to);
    }
  }
}

const RESOLVE_EXTS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.svelte', '.vue', '.dart', '/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs'];

/**
 * Resolves an import specifier to a workspace file: relative paths, and the aliases frameworks set up by
 * default (`@/` and `~/` to the project or its src/ or app/, `$lib/` to src/lib/). Packages resolve to nothing.
 */
export function resolveImport(fromFile: string, spec: string, projectDir: string | undefined, exists: (p: string) => boolean): string | undefined {
  const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
  const base = projectDir ?? '';
  const join = (...parts: string[]): string => normalize(parts.filter(Boolean).join('/'));
  let candidates: string[];
  if (spec.startsWith('./') || spec.startsWith('../')) candidates = [join(dir, spec)];
  else if (spec.startsWith('@/') || spec.startsWith('~/')) candidates = [join(base, 'src', spec.slice(2)), join(base, spec.slice(2)), join(base, 'app', spec.slice(2))];
  else if (spec.startsWith('$lib/') || spec === '$lib') candidates = [join(base, 'src/lib', spec.slice(5))];
  else if (spec.startsWith('/')) candidates = [join(base, spec.slice(1))];
  else return undefined;
  for (const c of candidates) {
    const stripped = c.replace(/\.(js|jsx|mjs|cjs)$/, '');
    for (const root of stripped === c ? [c] : [c, stripped]) {
      for (const ext of RESOLVE_EXTS) {
        if (exists(root + ext)) return root + ext;
      }
    }
  }
  return undefined;
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
