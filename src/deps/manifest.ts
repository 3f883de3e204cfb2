import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { DeclaredDependency, DependencyGroup, Manifest } from './model.js';
import { FormatError, isRecord, parseJson, scanKeyLines } from './json-text.js';

const GROUP_FIELDS: readonly [string, DependencyGroup][] = [
  ['dependencies', 'prod'],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
];

/** Parses a package.json (throws FormatError with line:column when it is not JSON). */
export function parseManifest(text: string, relPath: string): Manifest {
  const raw = parseJson(text);
  if (!isRecord(raw)) throw new FormatError('package.json must be a JSON object', 1, 1);
  const lines = new Map<string, number>();
  scanKeyLines(
    text,
    (p, key, line) => {
      if (p.length === 1) lines.set(`${p[0]}\u0000${key}`, line);
    },
    2,
  );
  const dependencies: DeclaredDependency[] = [];
  const seen = new Set<string>();
  for (const [field, group] of GROUP_FIELDS) {
    const deps = raw[field];
    if (!isRecord(deps)) continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec !== 'string') continue;
      // npm installs an optional dependency listed twice only once, as optional; a peer is satisfied by
      // the same package when it is also a dependency: keep the first (stronger) declaration.
      if (group === 'peer' && seen.has(name)) continue;
      if (group === 'optional') {
        const i = dependencies.findIndex((d) => d.name === name && d.group === 'prod');
        if (i !== -1) dependencies.splice(i, 1);
      }
      seen.add(name);
      dependencies.push({ name, spec, group, line: lines.get(`${field}\u0000${name}`) });
    }
  }
  const dir = path.posix.dirname(relPath);
  return {
    path: relPath,
    dir: dir === '' ? '.' : dir,
    name: typeof raw.name === 'string' ? raw.name : undefined,
    version: typeof raw.version === 'string' ? raw.version : undefined,
    dependencies,
    workspaces: workspaceGlobs(raw.workspaces),
  };
}

function workspaceGlobs(w: unknown): string[] {
  if (Array.isArray(w)) return w.filter((x): x is string => typeof x === 'string');
  if (isRecord(w) && Array.isArray(w.packages)) return w.packages.filter((x): x is string => typeof x === 'string');
  return [];
}

/** `packages:` globs of a pnpm-workspace.yaml. */
export function parsePnpmWorkspace(text: string): string[] {
  const doc = parseYaml(text, { maxAliasCount: 100 }) as unknown;
  if (!isRecord(doc) || !Array.isArray(doc.packages)) return [];
  return doc.packages.filter((x): x is string => typeof x === 'string');
}

/** True for specifiers that name a registry version (range, exact, tag or npm: alias). */
export function isRegistrySpec(spec: string): boolean {
  if (spec.startsWith('npm:')) return true;
  if (/^(workspace|file|link|portal|patch|git|git\+\w+|github|gitlab|bitbucket|http|https|catalog|jsr):/.test(spec)) return false;
  if (/^[\w.-]+\/[\w.-]+(#.*)?$/.test(spec)) return false; // github shorthand user/repo
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('~/')) return false;
  return true;
}

/** The range part of a registry specifier: `npm:lodash@^4` gives `^4`, `^1.2.0` stays. */
export function registryRange(spec: string): { name?: string; range: string } {
  if (spec.startsWith('npm:')) {
    const rest = spec.slice(4);
    const at = rest.lastIndexOf('@');
    if (at > 0) return { name: rest.slice(0, at), range: rest.slice(at + 1) };
    return { name: rest, range: '*' };
  }
  return { range: spec };
}
