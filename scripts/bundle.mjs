// Bundles the CLI (dist/cli/main.js and the secret-scanner worker) into dist/bundle/ with code splitting:
// one file per lazily loaded part instead of hundreds of small modules, which halves Node's start-up
// work for `appwrite-secops audit`. The library entry (dist/index.js) stays unbundled.
// Native and optional drivers stay external; CommonJS dependencies get a real `require` through the banner.
// Minified because Node compiles every loaded chunk on every start: minifying roughly halves the bytes
// parsed by `audit`. Error classes therefore name themselves explicitly (src/core/errors.ts); the linked
// source maps keep stack traces readable. SECOPS_BUNDLE_MINIFY=0 and SECOPS_BUNDLE_OUTDIR=… are for profiling.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const outdir = process.env.SECOPS_BUNDLE_OUTDIR ?? new URL('../dist/bundle/', import.meta.url).pathname;
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/secrets/worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'pg', 'playwright-core'],
  banner: { js: "import { createRequire as __secopsCreateRequire } from 'node:module'; const require = __secopsCreateRequire(import.meta.url);" },
  minify: process.env.SECOPS_BUNDLE_MINIFY !== '0',
  sourcemap: 'linked',
  logLevel: 'warning',
});
