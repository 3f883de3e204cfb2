import path from 'node:path';
import type { Diagnostic } from '../../core/collector.js';
import { errorMessage, InputError } from '../../core/errors.js';
import type { FactState } from '../../core/facts.js';
import { readTextFile, type Workspace } from '../../core/workspace.js';
import { parseProjectFile, PROJECT_FILE_NAMES } from './parse.js';
import type { AppwriteProjectFacts } from './schema.js';

/** Project files can be large (thousands of collections); JSON.parse copes, the default 10 MiB cap would not. */
export const MAX_PROJECT_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadProjectsOptions {
  workspace: Workspace;
  /** Files named explicitly (`--appwrite-config`): read instead of discovering; unreadable = InputError. */
  explicit?: string[];
  secret(value: string): void;
  diagnose(d: Omit<Diagnostic, 'source'>): void;
  recordInput?(kind: string, path: string): void;
}

/**
 * Reads every Appwrite project file of a workspace (or the ones named) into facts. A discovered file that
 * does not parse is a failure (the checks report `error` for it); when every file fails the fact is an
 * error as a whole. A file named explicitly that does not parse stops the run (exit 2).
 */
export async function loadProjectFacts(opts: LoadProjectsOptions): Promise<FactState<AppwriteProjectFacts>> {
  const ws = opts.workspace;
  const facts: AppwriteProjectFacts = { projects: [], problems: [], failures: [] };
  const explicit = opts.explicit ?? [];
  const targets = explicit.length
    ? explicit.map((f) => ({ abs: path.resolve(ws.root, f), shown: ws.rel(path.resolve(ws.root, f)), explicit: true }))
    : (await ws.find((base, rel) => (PROJECT_FILE_NAMES as readonly string[]).includes(base) && !rel.split('/').includes('__fixtures__'))).map((rel) => ({
        abs: ws.abs(rel),
        shown: rel,
        explicit: false,
      }));
  if (targets.length === 0) return { state: 'absent', reason: 'no appwrite.config.json or appwrite.json in the workspace' };

  const dirs = new Map<string, string[]>();
  for (const t of targets) dirs.set(path.dirname(t.abs), [...(dirs.get(path.dirname(t.abs)) ?? []), path.basename(t.abs)]);
  for (const [dir, names] of dirs) {
    if (names.length > 1) {
      opts.diagnose({ level: 'warning', message: `both ${names.join(' and ')} exist; the Appwrite CLI reads appwrite.config.json only, both are audited`, path: ws.rel(dir) });
    }
  }

  for (const t of targets) {
    try {
      const text = await readTextFile(t.abs, t.shown, { maxBytes: MAX_PROJECT_FILE_BYTES });
      const parsed = await parseProjectFile(text, {
        path: t.shown,
        secret: opts.secret,
        readInclude: (rel) => readTextFile(path.join(path.dirname(t.abs), rel), path.posix.join(path.posix.dirname(t.shown), rel), { maxBytes: MAX_PROJECT_FILE_BYTES }),
      });
      facts.projects.push(parsed.project);
      facts.problems.push(...parsed.problems);
      for (const w of parsed.warnings) opts.diagnose({ level: 'warning', message: w.message, path: w.path, ...(w.line ? { line: w.line } : {}) });
      opts.recordInput?.('appwrite-project', t.shown);
    } catch (err) {
      if (t.explicit) throw err instanceof InputError ? err : new InputError(`cannot read ${t.shown}: ${errorMessage(err)}`, { position: { path: t.shown } });
      const pos = err instanceof InputError ? err.position : undefined;
      const message = err instanceof InputError ? err.describe() : errorMessage(err);
      facts.failures.push({ path: t.shown, ...(pos?.line ? { line: pos.line } : {}), ...(pos?.column ? { column: pos.column } : {}), message });
      opts.diagnose({ level: 'error', message, path: t.shown, ...(pos?.line ? { line: pos.line } : {}) });
    }
  }
  if (facts.projects.length === 0) {
    return { state: 'error', message: facts.failures.map((f) => f.message).join('; ') };
  }
  return { state: 'ok', value: facts };
}
