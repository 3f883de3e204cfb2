import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { DependencyGroup, ParsedLockfile } from '../model.js';
import { FormatError, isRecord } from '../json-text.js';
import { buildPackages, type GraphImporter, type GraphNode } from './graph.js';
import type { ParseContext } from './types.js';

const IMPORTER_GROUPS: readonly [string, DependencyGroup][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
];

type Generation = 5 | 6 | 9;

/**
 * pnpm-lock.yaml, lockfileVersion 5.x (`/name/1.0.0`), 6.0 (`/name@1.0.0(peer@1)`) and 9.0 (metadata in
 * `packages`, the dependency graph in `snapshots`).
 */
export function parsePnpmLock(text: string, ctx: ParseContext): ParsedLockfile {
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0].line : undefined;
    throw new FormatError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`, line);
  }
  if (!isRecord(doc)) throw new FormatError('pnpm-lock.yaml must be a mapping', 1);
  const rawVersion = String(doc.lockfileVersion ?? '');
  const major = Number.parseInt(rawVersion, 10);
  const gen: Generation | undefined = major === 5 ? 5 : major === 6 ? 6 : major === 9 ? 9 : undefined;
  if (!gen) throw new FormatError(`unsupported lockfileVersion "${rawVersion}" (expected 5.x, 6.0 or 9.0)`, lineOfKey(text, 'lockfileVersion', 0));
  const packages = isRecord(doc.packages) ? doc.packages : {};
  const graph = gen === 9 ? (isRecord(doc.snapshots) ? doc.snapshots : {}) : packages;
  const lines = sectionLines(text);

  const nodes = new Map<string, GraphNode>();
  for (const [id, entry] of Object.entries(graph)) {
    const e = isRecord(entry) ? entry : {};
    const parsed = parseKey(id, gen);
    const meta = gen === 9 ? packages[stripPeers(id)] : e;
    const name = isRecord(meta) && typeof meta.name === 'string' ? meta.name : parsed.name;
    const version = isRecord(meta) && typeof meta.version === 'string' ? meta.version : parsed.version;
    if (!name) throw new FormatError(`cannot read a package name from "${id}"`, lines.get(`snapshots\u0000${id}`) ?? lines.get(`packages\u0000${id}`));
    const deps: GraphNode['deps'] = [];
    for (const [field, optional] of [['dependencies', false], ['optionalDependencies', true]] as const) {
      const map = e[field];
      if (!isRecord(map)) continue;
      for (const [dep, ref] of Object.entries(map)) deps.push({ name: dep, range: String(ref), optional, target: refToId(dep, String(ref), gen) });
    }
    nodes.set(id, {
      id,
      name,
      version,
      line: lines.get(`packages\u0000${gen === 9 ? stripPeers(id) : id}`) ?? lines.get(`snapshots\u0000${id}`),
      devFlag: e.dev === true,
      deps,
    });
  }
  for (const n of nodes.values()) for (const e of n.deps) if (e.target && !nodes.has(e.target)) e.target = undefined;

  const importerDocs: [string, Record<string, unknown>][] = isRecord(doc.importers)
    ? Object.entries(doc.importers).map(([dir, v]) => [dir, isRecord(v) ? v : {}])
    : [['.', doc]];
  const importers: GraphImporter[] = importerDocs.map(([dir, imp]) => {
    const specifiers = isRecord(imp.specifiers) ? imp.specifiers : {};
    const deps: GraphImporter['deps'] = [];
    for (const [field, group] of IMPORTER_GROUPS) {
      const map = imp[field];
      if (!isRecord(map)) continue;
      for (const [name, v] of Object.entries(map)) {
        const ref = isRecord(v) ? String(v.version ?? '') : String(v);
        const spec = isRecord(v) ? (typeof v.specifier === 'string' ? v.specifier : undefined) : typeof specifiers[name] === 'string' ? (specifiers[name] as string) : undefined;
        const target = refToId(name, ref, gen);
        const node = target ? nodes.get(target) : undefined;
        deps.push({ name, group, spec, target: node ? target : undefined, version: node?.version ?? (ref.startsWith('link:') ? undefined : stripPeers(ref)) });
      }
    }
    return { dir, deps };
  });
  const built = buildPackages(nodes, importers);
  return { path: ctx.path, dir: ctx.dir, kind: 'pnpm', formatVersion: rawVersion, ...built };
}

function stripPeers(s: string): string {
  const i = s.indexOf('(');
  return i === -1 ? s : s.slice(0, i);
}

export function parseKey(id: string, gen: Generation): { name: string; version: string } {
  if (gen === 5) {
    const m = /^\/?((?:@[^/]+\/)?[^/]+)\/([^/_]+)(?:_.*)?$/.exec(id);
    return m ? { name: m[1]!, version: m[2]! } : { name: '', version: '' };
  }
  const bare = stripPeers(id.startsWith('/') ? id.slice(1) : id);
  const at = bare.lastIndexOf('@');
  if (at <= 0) return { name: '', version: '' };
  return { name: bare.slice(0, at), version: bare.slice(at + 1) };
}

/** Turns a dependency reference (`1.0.0`, `1.0.0(peer@2)`, an alias `other@1.0.0`, `link:../x`) into a node id. */
function refToId(name: string, ref: string, gen: Generation): string | undefined {
  if (!ref || ref.startsWith('link:') || ref.startsWith('file:')) return undefined;
  if (gen === 5) return ref.startsWith('/') ? ref : `/${name}/${ref}`;
  if (gen === 6) return ref.startsWith('/') ? ref : `/${name}@${ref}`;
  const base = stripPeers(ref);
  return base.lastIndexOf('@') > 0 ? ref : `${name}@${ref}`;
}

/** Lines of the keys directly under `packages:`, `snapshots:` and `importers:` (2-space indent). */
function sectionLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let section = '';
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    if (/^\S/.test(l)) {
      section = l.replace(/:.*$/, '');
      continue;
    }
    const m = /^ {2}(?:'([^']+)'|"([^"]+)"|([^\s'"].*?))\s*:(?:\s|$)/.exec(l);
    if (m) lines.set(`${section}\u0000${m[1] ?? m[2] ?? m[3]}`, i + 1);
  }
  return lines;
}

function lineOfKey(text: string, key: string, indent: number): number | undefined {
  const all = text.split('\n');
  const prefix = `${' '.repeat(indent)}${key}:`;
  const i = all.findIndex((l) => l.startsWith(prefix));
  return i === -1 ? undefined : i + 1;
}
