import path from 'node:path';
import type { CollectContext } from '../../core/collector.js';
import { errorMessage, InputError } from '../../core/errors.js';
import { globMatch } from '../../core/glob.js';
import type { Workspace } from '../../core/workspace.js';
import { FormatError } from '../../deps/json-text.js';
import { isLockfileName, parseLockfile, UNSUPPORTED_LOCKFILES } from '../../deps/lockfiles/index.js';
import { parseManifest, parsePnpmWorkspace } from '../../deps/manifest.js';
import type { CiInstall, LockfileFailure, LockfilesFacts, Manifest, ParsedLockfile } from '../../deps/model.js';
import { installsIn, isCiFile, shellLines } from './ci.js';

/** Lockfiles of large monorepos pass 10 MB; 200 MB still fits in memory comfortably. */
const MAX_LOCKFILE_BYTES = 200 * 1024 * 1024;

// Both dependency collectors need the parsed lockfiles; one parse per workspace (per run), not a
// module-wide cache: the Workspace object lives exactly as long as the run.
const cache = new WeakMap<Workspace, Promise<LockfilesFacts>>();

export function loadLockfiles(ctx: CollectContext): Promise<LockfilesFacts> {
  let p = cache.get(ctx.workspace);
  if (!p) {
    p = load(ctx);
    cache.set(ctx.workspace, p);
  }
  return p;
}

/**
 * Lockfiles of private registries can carry credentials in `resolved` URLs, and CI steps in
 * `--registry` URLs or inline `NPM_TOKEN=…`. Nothing here prints them, but they are registered with
 * the redactor so that no output can carry them by accident.
 */
export function registerSecrets(text: string, redactor: CollectContext['redactor']): void {
  for (const m of text.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^\s:@/"'`]+):([^\s@/"'`]+)@/gi)) redactor.add(m[2]);
  for (const m of text.matchAll(/\b(?:NPM_TOKEN|NODE_AUTH_TOKEN|YARN_NPM_AUTH_TOKEN|_authToken)\s*[=:]\s*["']?([^\s"'$]{6,})/g)) redactor.add(m[1]);
}

const posixDir = (rel: string) => {
  const d = path.posix.dirname(rel);
  return d === '' ? '.' : d;
};

/** `packages/a` relative to `.`, or `a` relative to `packages`; undefined when not below. */
function below(dir: string, base: string): string | undefined {
  if (base === '.') return dir;
  if (dir === base) return '.';
  return dir.startsWith(`${base}/`) ? dir.slice(base.length + 1) : undefined;
}

async function load(ctx: CollectContext): Promise<LockfilesFacts> {
  const ws = ctx.workspace;
  const files = await ws.files();
  const failures: LockfileFailure[] = [];
  const fail = (f: LockfileFailure) => {
    failures.push(f);
    ctx.diagnose({ level: 'error', message: f.message, path: f.path, line: f.line });
  };

  const manifests: Manifest[] = [];
  for (const rel of files.filter((f) => path.posix.basename(f) === 'package.json')) {
    try {
      manifests.push(parseManifest(await ws.readText(rel), rel));
      ctx.recordInput('lockfiles', rel);
    } catch (err) {
      fail({ path: rel, message: `cannot read ${rel}: ${err instanceof FormatError ? err.message : errorMessage(err)}`, line: err instanceof FormatError ? err.line : undefined });
    }
  }
  const byDir = new Map(manifests.map((m) => [m.dir, m]));

  const lockfiles: ParsedLockfile[] = [];
  const unsupported: LockfilesFacts['unsupported'] = [];
  for (const rel of files) {
    const base = path.posix.basename(rel);
    if (Object.hasOwn(UNSUPPORTED_LOCKFILES, base)) {
      unsupported.push({ path: rel, reason: UNSUPPORTED_LOCKFILES[base]! });
      ctx.diagnose({ level: 'warning', message: UNSUPPORTED_LOCKFILES[base]!, path: rel });
      continue;
    }
    if (!isLockfileName(base)) continue;
    const dir = posixDir(rel);
    try {
      const text = await ws.readText(rel, { maxBytes: MAX_LOCKFILE_BYTES });
      registerSecrets(text, ctx.redactor);
      ctx.recordInput('lockfiles', rel);
      const workspaceDirs = await workspaceDirsOf(ctx, dir, byDir, files);
      lockfiles.push(
        parseLockfile(base, text, {
          path: rel,
          dir,
          manifest: (d) => byDir.get(d === '.' ? dir : dir === '.' ? d : `${dir}/${d}`),
          workspaceDirs,
        }),
      );
    } catch (err) {
      if (err instanceof FormatError) fail({ path: rel, message: `${rel}${err.line ? `:${err.line}` : ''}: ${err.message}`, line: err.line });
      else if (err instanceof InputError) fail({ path: rel, message: err.message });
      else throw err;
    }
  }

  const ci: CiInstall[] = [];
  for (const rel of files.filter(isCiFile)) {
    let text: string;
    try {
      text = await ws.readText(rel);
    } catch (err) {
      ctx.diagnose({ level: 'warning', message: `cannot read CI file: ${errorMessage(err)}`, path: rel });
      continue;
    }
    registerSecrets(text, ctx.redactor);
    let lines;
    try {
      lines = shellLines(text);
    } catch (err) {
      ctx.diagnose({ level: 'warning', message: `${(err as Error).message}; its install steps were not checked`, path: rel, line: (err as { line?: number }).line });
      continue;
    }
    ctx.recordInput('lockfiles', rel);
    for (const l of lines) for (const i of installsIn(l.text)) ci.push({ ...i, path: rel, line: l.line });
  }
  return { manifests, lockfiles, failures, unsupported, ci };
}

/** Workspace member folders (relative to the lockfile folder) from package.json `workspaces` or pnpm-workspace.yaml. */
async function workspaceDirsOf(ctx: CollectContext, dir: string, byDir: Map<string, Manifest>, files: string[]): Promise<string[]> {
  const globs = [...(byDir.get(dir)?.workspaces ?? [])];
  const pnpmWs = dir === '.' ? 'pnpm-workspace.yaml' : `${dir}/pnpm-workspace.yaml`;
  if (files.includes(pnpmWs)) {
    try {
      globs.push(...parsePnpmWorkspace(await ctx.workspace.readText(pnpmWs)));
    } catch (err) {
      ctx.diagnose({ level: 'warning', message: `cannot read workspace globs: ${errorMessage(err)}`, path: pnpmWs });
    }
  }
  if (globs.length === 0) return [];
  const include = globs.filter((g) => !g.startsWith('!')).map((g) => g.replace(/\/+$/, ''));
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1).replace(/\/+$/, ''));
  const out: string[] = [];
  for (const m of byDir.keys()) {
    const rel = below(m, dir);
    if (!rel || rel === '.') continue;
    if (include.some((g) => globMatch(g, rel)) && !exclude.some((g) => globMatch(g, rel))) out.push(rel);
  }
  return out.sort();
}
