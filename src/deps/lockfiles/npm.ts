import path from 'node:path';
import type { DependencyGroup, ParsedLockfile } from '../model.js';
import { FormatError, isRecord, parseJson, scanKeyLines } from '../json-text.js';
import { buildPackages, type GraphImporter, type GraphNode } from './graph.js';
import type { ParseContext } from './types.js';

/** An entry of the v2/v3 `packages` map (v1 entries are converted to this shape). */
interface NpmEntry {
  name?: string;
  version?: string;
  link?: boolean;
  resolved?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const IMPORTER_FIELDS: readonly [keyof NpmEntry, DependencyGroup][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
];

/**
 * package-lock.json and npm-shrinkwrap.json, lockfileVersion 1 (nested `dependencies`), 2 and 3
 * (`packages` keyed by install location). v1 is converted to install locations so that both share
 * node's resolution rule: a dependency resolves to the nearest `node_modules/<name>` up the tree.
 */
export function parseNpmLock(text: string, ctx: ParseContext): ParsedLockfile {
  const raw = parseJson(text);
  if (!isRecord(raw)) throw new FormatError('a package-lock must be a JSON object', 1, 1);
  const version = raw.lockfileVersion;
  if (version !== 1 && version !== 2 && version !== 3) {
    throw new FormatError(`unsupported lockfileVersion ${JSON.stringify(version)} (expected 1, 2 or 3)`, lineOfTopKey(text, 'lockfileVersion'));
  }
  let entries: Map<string, NpmEntry>;
  let lines: Map<string, number>;
  if (version === 1) {
    if (!isRecord(raw.dependencies) && raw.dependencies !== undefined) throw new FormatError('"dependencies" must be an object', lineOfTopKey(text, 'dependencies'));
    ({ entries, lines } = fromV1(text, (raw.dependencies ?? {}) as Record<string, unknown>));
  } else {
    if (!isRecord(raw.packages)) throw new FormatError(`lockfileVersion ${version} needs a "packages" object`, lineOfTopKey(text, 'lockfileVersion'));
    entries = new Map(Object.entries(raw.packages as Record<string, NpmEntry>));
    lines = new Map();
    scanKeyLines(text, (p, key, line) => p.length === 1 && p[0] === 'packages' && lines.set(key, line), 2);
  }

  const nodes = new Map<string, GraphNode>();
  const importerKeys: string[] = [];
  for (const [key, entry] of entries) {
    if (!isRecord(entry as unknown)) throw new FormatError(`packages["${key}"] must be an object`, lines.get(key));
    if (!key.includes('node_modules/')) {
      importerKeys.push(key);
      continue;
    }
    if (entry.link) continue; // a symlink to a workspace folder: that folder is an importer
    const name = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    nodes.set(key, {
      id: key,
      name,
      version: entry.version ?? '',
      line: lines.get(key),
      devFlag: entry.dev === true || entry.devOptional === true,
      deps: edgesOf(key, entry, entries),
    });
  }

  const importers: GraphImporter[] = [];
  if (version === 1) {
    importers.push(v1RootImporter(ctx, entries));
  } else {
    for (const key of importerKeys.length ? importerKeys : ['']) {
      const entry = entries.get(key) ?? {};
      const deps: GraphImporter['deps'] = [];
      for (const [field, group] of IMPORTER_FIELDS) {
        const map = entry[field];
        if (!isRecord(map)) continue;
        for (const [name, spec] of Object.entries(map as Record<string, string>)) {
          if (group === 'peer' && deps.some((d) => d.name === name)) continue;
          const target = resolve(key, name, entries);
          deps.push({ name, group, spec, target, version: target ? entries.get(target)?.version : undefined });
        }
      }
      importers.push({ dir: key === '' ? '.' : key, deps });
    }
  }
  const built = buildPackages(nodes, importers);
  return { path: ctx.path, dir: ctx.dir, kind: 'npm', formatVersion: String(version), ...built };
}

function edgesOf(key: string, entry: NpmEntry, entries: Map<string, NpmEntry>): GraphNode['deps'] {
  const out: GraphNode['deps'] = [];
  const add = (map: Record<string, string> | undefined, optional: boolean) => {
    if (!isRecord(map)) return;
    for (const [name, range] of Object.entries(map)) out.push({ name, range: String(range), target: resolve(key, name, entries), optional });
  };
  add(entry.dependencies, false);
  add(entry.optionalDependencies, true);
  if (isRecord(entry.peerDependencies)) {
    for (const [name, range] of Object.entries(entry.peerDependencies)) {
      const target = resolve(key, name, entries);
      // an optional peer that is not installed is not a missing dependency
      if (target || !entry.peerDependenciesMeta?.[name]?.optional) out.push({ name, range: String(range), target, optional: !!entry.peerDependenciesMeta?.[name]?.optional });
    }
  }
  return out;
}

/** node's lookup: `<dir>/node_modules/<name>`, then each parent folder up to the root. */
function resolve(fromKey: string, name: string, entries: Map<string, NpmEntry>): string | undefined {
  let dir = fromKey;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    const hit = entries.get(candidate);
    if (hit) return hit.link && hit.resolved !== undefined ? undefined : candidate;
    if (!dir) return undefined;
    const parent = path.posix.dirname(dir);
    dir = parent === '.' ? '' : parent;
  }
}

/** v1 nests `dependencies` by install location; rebuild the `node_modules/a/node_modules/b` keys. */
function fromV1(text: string, deps: Record<string, unknown>): { entries: Map<string, NpmEntry>; lines: Map<string, number> } {
  const jsonLines = new Map<string, number>();
  scanKeyLines(
    text,
    (p, key, line) => {
      if (p[p.length - 1] === 'dependencies' && p.length % 2 === 1) jsonLines.set(`${p.join('\u0000')}\u0000${key}`, line);
    },
    64,
  );
  const entries = new Map<string, NpmEntry>();
  const lines = new Map<string, number>();
  const walk = (map: Record<string, unknown>, parentKey: string, jsonPath: string) => {
    for (const [name, value] of Object.entries(map)) {
      const key = parentKey ? `${parentKey}/node_modules/${name}` : `node_modules/${name}`;
      const here = `${jsonPath}\u0000${name}`;
      if (!isRecord(value)) throw new FormatError(`dependencies["${name}"] must be an object`, jsonLines.get(here));
      const v = typeof value.version === 'string' ? value.version : '';
      // an alias records `npm:<real name>@<version>` as its version
      const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(v);
      entries.set(key, {
        name: alias ? alias[1] : name,
        version: alias ? alias[2] : v,
        dev: value.dev === true,
        optional: value.optional === true,
        dependencies: isRecord(value.requires) ? (value.requires as Record<string, string>) : undefined,
      });
      const line = jsonLines.get(here);
      if (line !== undefined) lines.set(key, line);
      if (isRecord(value.dependencies)) walk(value.dependencies, key, `${here}\u0000dependencies`);
    }
  };
  walk(deps, '', 'dependencies');
  return { entries, lines };
}

/** v1 has no root entry: the manifest says what is direct; without one, every top-level entry is. */
function v1RootImporter(ctx: ParseContext, entries: Map<string, NpmEntry>): GraphImporter {
  const manifest = ctx.manifest('.');
  if (manifest) {
    return {
      dir: '.',
      deps: manifest.dependencies.map((d) => {
        const target = resolve('', d.name, entries);
        return { name: d.name, group: d.group, spec: undefined, target, version: target ? entries.get(target)?.version : undefined };
      }),
    };
  }
  const deps: GraphImporter['deps'] = [];
  for (const [key, e] of entries) {
    if (key.indexOf('node_modules/', 1) !== -1) continue;
    deps.push({ name: key.slice('node_modules/'.length), group: e.dev ? 'dev' : e.optional ? 'optional' : 'prod', target: key, version: e.version });
  }
  return { dir: '.', deps };
}

function lineOfTopKey(text: string, key: string): number | undefined {
  let found: number | undefined;
  scanKeyLines(text, (p, k, line) => {
    if (p.length === 0 && k === key && found === undefined) found = line;
  }, 1);
  return found;
}
