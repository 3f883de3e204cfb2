// Bundles the CLI for a fast start (the library entry, dist/index.js, stays unbundled):
// - dist/bundle/main.cjs: the whole CLI as one CommonJS script. bin/appwrite-secops.js runs it through
//   vm.Script with a V8 code cache (src/cli/launch.ts), which Node 20 offers for scripts but not for ES
//   modules; from the second run on, most of the compiling is skipped.
// - dist/bundle/worker.js: the secret scanner's worker thread, an ES module.
// Minified because V8 still reads every byte: error classes therefore name themselves explicitly
// (src/core/errors.ts) and the linked source maps keep stack traces readable. Native and optional
// drivers stay external. SECOPS_BUNDLE_MINIFY=0 and SECOPS_BUNDLE_OUTDIR=… are for profiling.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';

const outdir = process.env.SECOPS_BUNDLE_OUTDIR ?? new URL('../dist/bundle/', import.meta.url).pathname;
const minify = process.env.SECOPS_BUNDLE_MINIFY !== '0';
const external = ['better-sqlite3', 'pg', 'playwright-core'];
// The Appwrite SDKs and their HTTP client (4 MB of source) serve only the live commands: the CLI script
// requires them from node_modules when one runs, so every other command neither compiles nor caches them.
const liveOnly = ['node-appwrite', '@appwrite.io/console', 'undici'];
await rm(outdir, { recursive: true, force: true });

// vm.Script offers no dynamic import() without --experimental-vm-modules: `import('fs')` of a Node
// built-in (one dependency has it) becomes a bundled `require('fs')` instead.
const builtinDynamicImports = {
  name: 'builtin-dynamic-imports',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => (args.kind === 'dynamic-import' && isBuiltin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

await build({
  entryPoints: { main: 'dist/cli/main.js' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: [...external, ...liveOnly],
  plugins: [builtinDynamicImports],
  // launch.ts passes the bundle's file URL in; modules resolve their neighbours (worker.js) from it.
  define: { 'import.meta.url': '__secopsImportMetaUrl' },
  minify,
  sourcemap: 'linked',
  logLevel: 'warning',
});
const main = await readFile(new URL('main.cjs', `file://${outdir.endsWith('/') ? outdir : `${outdir}/`}`), 'utf8');
// A real import() call left in the script would fail at run time; `import(${…})` inside template
// literals is code text handed to a worker, not a call.
const leftover = main.match(/\bimport\((?!\$\{)[^)]{0,60}\)/g);
if (leftover) throw new Error(`dist/bundle/main.cjs still calls import(): ${leftover.join(', ')}`);

await build({
  entryPoints: { worker: 'dist/secrets/worker.js' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  banner: { js: "import { createRequire as __secopsCreateRequire } from 'node:module'; const require = __secopsCreateRequire(import.meta.url);" },
  minify,
  sourcemap: 'linked',
  logLevel: 'warning',
});

// Ship a V8 code cache for the bundle, made with this Node by running a few typical commands: a user on
// the same Node version then starts fast from the first run (src/cli/launch.ts; others make their own).
if (process.env.SECOPS_BUNDLE_TRAIN !== '0') {
  const { trainCodeCache } = await import('../dist/cli/launch.js');
  const { existsSync } = await import('node:fs');
  const root = new URL('..', import.meta.url).pathname;
  const examples = ['selfhosted-insecure', 'selfhosted-hardened', 'appwrite-insecure'].map((e) => `${root}examples/${e}`).filter((e) => existsSync(e));
  const runs = [...examples.map((e) => ['audit', e, '--format', 'json']), ...examples.slice(0, 1).map((e) => ['audit', e]), ['--help'], ['checks']];
  const outBase = outdir.endsWith('/') ? outdir : `${outdir}/`;
  await trainCodeCache(`${outBase}main.cjs`, runs, root);
}
