import type { DependencyGroup, ParsedLockfile } from '../model.js';
import { FormatError, isRecord, jsoncToJson, parseJson, scanKeyLines } from '../json-text.js';
import { buildPackages, type GraphImporter, type GraphNode } from './graph.js';
import { splitDescriptor } from './yarn.js';
import type { ParseContext } from './types.js';

const GROUPS: readonly [string, DependencyGroup][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
];

/**
 * bun.lock (the text lockfile, JSON with trailing commas). `packages` is keyed by hoisting path
 * (`express/debug` is the `debug` nested under `express`); each value is
 * `["name@version", registry, {dependencies, optionalDependencies, …}, integrity]`.
 */
export function parseBunLock(text: string, ctx: ParseContext): ParsedLockfile {
  const json = jsoncToJson(text);
  const raw = parseJson(json);
  if (!isRecord(raw)) throw new FormatError('bun.lock must be a JSON object', 1);
  const version = raw.lockfileVersion;
  if (typeof version !== 'number' || version > 1) throw new FormatError(`unsupported lockfileVersion ${JSON.stringify(version)} (expected 0 or 1)`, 2);
  if (!isRecord(raw.packages)) throw new FormatError('bun.lock needs a "packages" object');
  const packages = raw.packages;
  const lines = new Map<string, number>();
  scanKeyLines(json, (p, key, line) => p.length === 1 && p[0] === 'packages' && lines.set(key, line), 2);

  const parentOf = (key: string): string => {
    for (let i = key.lastIndexOf('/'); i > 0; i = key.lastIndexOf('/', i - 1)) {
      const p = key.slice(0, i);
      if (p in packages && isPackageName(key.slice(i + 1))) return p;
    }
    return '';
  };
  const resolve = (from: string, name: string): string | undefined => {
    for (let dir = from; ; dir = parentOf(dir)) {
      const candidate = dir ? `${dir}/${name}` : name;
      if (candidate in packages) return candidate;
      if (!dir) return undefined;
    }
  };

  const nodes = new Map<string, GraphNode>();
  const workspaceKeys = new Map<string, string>(); // workspace folder -> package key
  for (const [key, value] of Object.entries(packages)) {
    if (!Array.isArray(value) || typeof value[0] !== 'string') throw new FormatError(`packages["${key}"] must be an array starting with "name@version"`, lines.get(key));
    const { name, range: version } = splitDescriptor(value[0]);
    if (version.startsWith('workspace:')) {
      workspaceKeys.set(version.slice('workspace:'.length), key);
      continue;
    }
    const info = value.find((v, i) => i > 0 && isRecord(v)) as Record<string, unknown> | undefined;
    const deps: GraphNode['deps'] = [];
    const optionalPeers = new Set(Array.isArray(info?.optionalPeers) ? (info.optionalPeers as string[]) : []);
    for (const [field, optional] of [['dependencies', false], ['optionalDependencies', true], ['peerDependencies', false]] as const) {
      const map = info?.[field];
      if (!isRecord(map)) continue;
      for (const [dep, r] of Object.entries(map)) {
        const target = resolve(key, dep);
        if (field === 'peerDependencies' && !target && optionalPeers.has(dep)) continue;
        deps.push({ name: dep, range: String(r), optional: optional || optionalPeers.has(dep), target });
      }
    }
    nodes.set(key, { id: key, name, version, line: lines.get(key), deps });
  }
  for (const n of nodes.values()) for (const e of n.deps) if (e.target && !nodes.has(e.target)) e.target = undefined;

  const importers: GraphImporter[] = [];
  const workspaces = isRecord(raw.workspaces) ? raw.workspaces : { '': {} };
  for (const [folder, ws] of Object.entries(workspaces)) {
    if (!isRecord(ws)) continue;
    const start = folder === '' ? '' : (workspaceKeys.get(folder) ?? '');
    const deps: GraphImporter['deps'] = [];
    for (const [field, group] of GROUPS) {
      const map = ws[field];
      if (!isRecord(map)) continue;
      for (const [name, spec] of Object.entries(map)) {
        if (group === 'peer' && deps.some((d) => d.name === name)) continue;
        const target = resolve(start, name);
        const node = target ? nodes.get(target) : undefined;
        deps.push({ name, group, spec: String(spec), target: node ? target : undefined, version: node?.version });
      }
    }
    importers.push({ dir: folder === '' ? '.' : folder, deps });
  }
  const built = buildPackages(nodes, importers);
  return { path: ctx.path, dir: ctx.dir, kind: 'bun', formatVersion: String(version), ...built };
}

function isPackageName(s: string): boolean {
  return /^(@[^/]+\/)?[^/@]+$/.test(s);
}
