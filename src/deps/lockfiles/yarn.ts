import { createRequire } from 'node:module';
import type { YarnLockEntry } from '@yarnpkg/lockfile';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Manifest, ParsedLockfile } from '../model.js';
import { FormatError, isRecord } from '../json-text.js';
import { buildPackages, type GraphImporter, type GraphNode } from './graph.js';
import type { ParseContext } from './types.js';

interface YarnLockfileModule {
  parse(text: string): { type: 'success' | 'merge' | 'conflict'; object: Record<string, YarnLockEntry> };
}

let yarnLockfileModule: YarnLockfileModule | undefined;

// A webpack-bundled CommonJS module that also sets __esModule: its default export differs between
// Node's ESM loader and bundlers, so it is loaded through require to get one behaviour everywhere.
// Loaded on the first classic yarn.lock (it costs start-up time that runs without one do not need).
function yarnLockfile(): YarnLockfileModule {
  yarnLockfileModule ??= createRequire(import.meta.url)('@yarnpkg/lockfile') as YarnLockfileModule;
  return yarnLockfileModule;
}

/** `name@range` split at the `@` that ends the (possibly scoped) name. */
export function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  if (at === -1) return { name: descriptor, range: '' };
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** Line of every top-level key of a yarn.lock (classic or berry): entries start in column 0. */
function entryLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    if (!l || l[0] === ' ' || l[0] === '#' || !l.trimEnd().endsWith(':')) continue;
    for (const part of l.trimEnd().slice(0, -1).split(/,\s*/)) lines.set(part.replace(/^"|"$/g, ''), i + 1);
  }
  return lines;
}

export function isBerryLock(text: string): boolean {
  return /^__metadata:\s*$/m.test(text);
}

/** yarn v1 (`# yarn lockfile v1`), read with yarn's own parser. */
export function parseYarnClassic(text: string, ctx: ParseContext): ParsedLockfile {
  let parsed: ReturnType<YarnLockfileModule['parse']>;
  try {
    parsed = yarnLockfile().parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /(\d+):(\d+) in lockfile/.exec(msg);
    if (pos) throw new FormatError('unexpected token in yarn.lock', realLine(text, Number(pos[1])), Number(pos[2]));
    throw new FormatError(`cannot parse yarn.lock: ${msg === 'Invalid string length' ? 'an unterminated string' : msg}`);
  }
  if (parsed.type === 'conflict') throw new FormatError('yarn.lock has unresolved merge conflict markers', lineOf(text, /^<<<<<<< /m));
  const lines = entryLines(text);
  const nodes = new Map<string, GraphNode>();
  const byDescriptor = new Map<string, string>();
  for (const [descriptor, entry] of Object.entries(parsed.object)) {
    if (!isRecord(entry) || typeof entry.version !== 'string') throw new FormatError(`entry "${descriptor}" has no version`, lines.get(descriptor));
    const { name, range } = splitDescriptor(descriptor);
    const real = range.startsWith('npm:') ? splitDescriptor(range.slice(4)).name : name;
    const id = `${real}@${entry.version}`;
    byDescriptor.set(descriptor, id);
    if (nodes.has(id)) continue;
    nodes.set(id, { id, name: real, version: entry.version, line: lines.get(descriptor), deps: [] });
    const node = nodes.get(id)!;
    for (const [field, optional] of [['dependencies', false], ['optionalDependencies', true]] as const) {
      const deps = entry[field];
      if (!isRecord(deps)) continue;
      for (const [dep, r] of Object.entries(deps)) node.deps.push({ name: dep, range: String(r), optional, target: `${dep}@${r}` });
    }
  }
  for (const node of nodes.values()) for (const e of node.deps) e.target = byDescriptor.get(e.target!);
  const importers = manifestImporters(
    ctx,
    (name, spec) => byDescriptor.get(`${name}@${spec}`),
    (name) => [...byDescriptor.keys()].filter((d) => splitDescriptor(d).name === name).map((d) => splitDescriptor(d).range),
    (id) => nodes.get(id)?.version,
  );
  const built = buildPackages(nodes, importers);
  return { path: ctx.path, dir: ctx.dir, kind: 'yarn-classic', formatVersion: '1', ...built };
}

/** Yarn 2+ (berry): YAML with `__metadata`, `name@npm:range` descriptors and `resolution` ids. */
export function parseYarnBerry(text: string, ctx: ParseContext): ParsedLockfile {
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100, uniqueKeys: false });
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0].line : undefined;
    throw new FormatError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`, line);
  }
  if (!isRecord(doc) || !isRecord(doc.__metadata)) throw new FormatError('a yarn berry lockfile needs a __metadata entry', 1);
  const lines = entryLines(text);
  const nodes = new Map<string, GraphNode>();
  const byDescriptor = new Map<string, string>();
  const workspaces = new Map<string, string>(); // workspace folder -> node id
  for (const [key, entry] of Object.entries(doc)) {
    if (key === '__metadata') continue;
    if (!isRecord(entry) || typeof entry.resolution !== 'string') throw new FormatError(`entry "${key}" has no resolution`, lines.get(key.split(/,\s*/)[0]!));
    const id = entry.resolution;
    const resolved = splitDescriptor(id);
    const version = typeof entry.version === 'string' ? entry.version : String(entry.version ?? '');
    for (const d of key.split(/,\s*/)) byDescriptor.set(d, id);
    if (resolved.range.startsWith('workspace:')) {
      workspaces.set(resolved.range.slice('workspace:'.length), id);
      continue;
    }
    if (nodes.has(id)) continue;
    const deps: GraphNode['deps'] = [];
    const meta = isRecord(entry.dependenciesMeta) ? entry.dependenciesMeta : {};
    if (isRecord(entry.dependencies)) {
      for (const [dep, r] of Object.entries(entry.dependencies)) {
        deps.push({ name: dep, range: String(r), target: `${dep}@${String(r)}`, optional: isRecord(meta[dep]) && meta[dep].optional === true });
      }
    }
    nodes.set(id, { id, name: resolved.name, version, line: lines.get(key.split(/,\s*/)[0]!), deps });
  }
  const lookup = (name: string, range: string) => byDescriptor.get(`${name}@${range}`) ?? (range.includes(':') ? undefined : byDescriptor.get(`${name}@npm:${range}`));
  for (const node of nodes.values()) {
    for (const e of node.deps) {
      const target = lookup(e.name, e.range);
      e.target = target && nodes.has(target) ? target : undefined;
    }
  }
  const importers = manifestImporters(
    ctx,
    (name, spec) => {
      const t = lookup(name, spec);
      return t && nodes.has(t) ? t : undefined;
    },
    (name) => [...byDescriptor.keys()].filter((d) => splitDescriptor(d).name === name && !d.includes('@workspace:')).map((d) => splitDescriptor(d).range),
    (id) => nodes.get(id)?.version,
  );
  // without manifests the workspace entries still say what each workspace depends on
  if (importers.length === 0) {
    for (const [folder, id] of workspaces) {
      const entry = (doc as Record<string, Record<string, unknown>>)[[...byDescriptor.entries()].find(([, v]) => v === id)![0]];
      const deps: GraphImporter['deps'] = [];
      const declared = isRecord(entry?.dependencies) ? entry.dependencies : {};
      for (const [dep, r] of Object.entries(declared)) deps.push({ name: dep, group: 'prod', spec: String(r), target: lookup(dep, String(r)) });
      importers.push({ dir: folder, deps: deps.map((d) => ({ ...d, target: d.target && nodes.has(d.target) ? d.target : undefined })) });
    }
  }
  const built = buildPackages(nodes, importers);
  return { path: ctx.path, dir: ctx.dir, kind: 'yarn-berry', formatVersion: String((doc.__metadata as Record<string, unknown>).version ?? ''), ...built };
}

/**
 * Yarn lockfiles do not record importers: the manifests do. A declared dependency resolves through the
 * `name@spec` descriptor, exactly as `yarn install --frozen-lockfile` checks it.
 */
function manifestImporters(
  ctx: ParseContext,
  resolve: (name: string, spec: string) => string | undefined,
  specsOf: (name: string) => string[],
  versionOf: (id: string) => string | undefined,
): GraphImporter[] {
  const dirs = ['.', ...ctx.workspaceDirs];
  const manifests = dirs.map((d) => [d, ctx.manifest(d)] as const).filter((x): x is readonly [string, Manifest] => !!x[1]);
  const workspaceNames = new Set(manifests.map(([, m]) => m.name).filter(Boolean));
  return manifests.map(([dir, m]) => {
    const deps: GraphImporter['deps'] = [];
    const unresolved: NonNullable<GraphImporter['unresolved']> = [];
    for (const d of m.dependencies) {
      if (workspaceNames.has(d.name) || d.spec.startsWith('workspace:')) continue;
      const target = resolve(d.name, d.spec);
      if (!target && d.group !== 'peer') unresolved.push({ name: d.name, spec: d.spec, lockedSpecs: specsOf(d.name) });
      if (target || d.group !== 'peer') deps.push({ name: d.name, group: d.group, spec: d.spec, target, version: target ? versionOf(target) : undefined });
    }
    return { dir, deps, unresolved };
  });
}

/**
 * yarn's tokenizer counts "\n\n" as one line break (its CRLF handling chops two characters), so the
 * line in its errors drifts after every blank line. Replays its counting to find the real line.
 */
export function realLine(text: string, yarnLine: number): number {
  let y = 1;
  let real = 1;
  for (let i = 0; i < text.length && y < yarnLine; i++) {
    const c = text[i];
    if (c !== '\n' && c !== '\r') continue;
    const chop = text[i + 1] === '\n' ? 2 : 1;
    for (let k = 0; k < chop; k++) if (text[i + k] === '\n') real++;
    i += chop - 1;
    y++;
  }
  return real;
}

function lineOf(text: string, re: RegExp): number | undefined {
  const m = re.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : undefined;
}
