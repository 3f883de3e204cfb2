/**
 * The Appwrite functions a workspace deploys, and the scopes of their per-execution keys, from
 * appwrite.config.json / appwrite.json (`functions[]`: `$id`, `name`, `path`, `scopes`). Only the fields
 * this area needs are read here; the full project model (issue 3) reads the rest of the file.
 */
import type { FunctionInfo } from './types.js';
import { escapeRegExp, isRecord } from '../core/text.js';

export const APPWRITE_CONFIG_NAMES = ['appwrite.config.json', 'appwrite.json'] as const;

interface DeclaredFunction {
  $id: string;
  name?: string;
  path?: string;
  scopes?: string[];
}

// Checked by hand rather than with zod: four fields do not justify loading zod on every audit's start-up.
/** A `functions[]` entry with a non-empty `$id` and well-typed `name`, `path` and `scopes`; other fields are ignored. */
function declaredFunction(v: unknown): DeclaredFunction | undefined {
  if (!isRecord(v) || typeof v.$id !== 'string' || v.$id.length === 0) return undefined;
  if ((v.name !== undefined && typeof v.name !== 'string') || (v.path !== undefined && typeof v.path !== 'string')) return undefined;
  if (v.scopes !== undefined && !(Array.isArray(v.scopes) && v.scopes.every((x) => typeof x === 'string'))) return undefined;
  return v as unknown as DeclaredFunction;
}

export interface FunctionsFromConfig {
  functions: FunctionInfo[];
  problems: { line?: number; message: string }[];
}

/** Reads `functions[]` of one appwrite config file found at `rel` (workspace-relative). */
export function functionsFromConfig(text: string, rel: string): FunctionsFromConfig {
  const problems: FunctionsFromConfig['problems'] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { functions: [], problems: [{ line: jsonErrorLine(text, err as Error), message: `not valid JSON: ${(err as Error).message}` }] };
  }
  if (!isRecord(raw) || (raw.functions !== undefined && !Array.isArray(raw.functions))) return { functions: [], problems: [{ line: 1, message: 'expected a JSON object' }] };
  const declared: unknown[] = (raw.functions as unknown[] | undefined) ?? [];
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  const functions: FunctionInfo[] = [];
  for (const [i, f] of declared.entries()) {
    const fn = declaredFunction(f);
    if (!fn) {
      problems.push({ message: `functions[${i}] has no "$id"; skipped` });
      continue;
    }
    // The CLI's default folder for a function is functions/<name>.
    const folder = (fn.path ?? `functions/${fn.name ?? fn.$id}`).replace(/^\.\/?/, '').replace(/\/+$/, '');
    const root = [dir, folder].filter(Boolean).join('/');
    const idLine = lineOfJsonValue(text, '$id', fn.$id);
    functions.push({
      id: fn.$id,
      ...(fn.name ? { name: fn.name } : {}),
      root,
      scopes: fn.scopes ?? null,
      declaredIn: { path: rel, ...(idLine ? { line: idLine } : {}) },
      ...(fn.scopes ? { scopesLine: lineOfKeyAfter(text, 'scopes', idLine) } : {}),
    });
  }
  return { functions, problems };
}

/**
 * `functions/<name>/` folders with their own package manifest and no appwrite config entry (the Appwrite
 * CLI's layout). The manifest is required so that a route segment named `functions` is not taken for one.
 */
export function functionFolders(files: readonly string[], known: readonly FunctionInfo[]): FunctionInfo[] {
  const roots = new Set<string>();
  for (const f of files) {
    const m = f.match(/^((?:.*\/)?functions\/[^/]+)\/(?:package\.json|requirements\.txt|pubspec\.yaml|composer\.json|Gemfile|go\.mod|Package\.swift|deno\.json|pyproject\.toml)$/);
    if (m && !/(^|\/)(app|pages|routes|node_modules)\//.test(m[1]!)) roots.add(m[1]!);
  }
  const out: FunctionInfo[] = [];
  for (const root of [...roots].sort()) {
    if (known.some((k) => k.root === root || root.startsWith(`${k.root}/`) || k.root.startsWith(`${root}/`))) continue;
    out.push({ id: root.slice(root.lastIndexOf('/') + 1), root, scopes: null });
  }
  return out;
}

function lineOfJsonValue(text: string, key: string, value: string): number | undefined {
  const needle = new RegExp(`"${escapeRegExp(key)}"\\s*:\\s*${escapeRegExp(JSON.stringify(value))}`);
  const m = needle.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : undefined;
}

function lineOfKeyAfter(text: string, key: string, afterLine: number | undefined): number | undefined {
  const lines = text.split('\n');
  for (let i = (afterLine ?? 1) - 1; i < lines.length; i++) if (lines[i]!.includes(`"${key}"`)) return i + 1;
  return undefined;
}

function jsonErrorLine(text: string, err: Error): number | undefined {
  const m = err.message.match(/position (\d+)/);
  return m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
}
