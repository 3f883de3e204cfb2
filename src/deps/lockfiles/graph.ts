import type { DependencyGroup, ImporterDependency, LockedPackage, LockImporter, Requirement } from '../model.js';

/** One install location of a package, as a lockfile describes it. */
export interface GraphNode {
  id: string;
  name: string;
  version: string;
  deps: GraphEdge[];
  line?: number;
  /** The lockfile's own dev flag, used only for nodes no importer reaches. */
  devFlag?: boolean;
}

export interface GraphEdge {
  name: string;
  range: string;
  /** Node id it resolves to; undefined when the lockfile does not contain it (a broken lockfile). */
  target?: string;
  optional?: boolean;
}

export interface GraphImporter {
  dir: string;
  deps: (ImporterDependency & { target?: string })[];
  unresolved?: LockImporter['unresolved'];
}

const PROD_GROUPS: ReadonlySet<DependencyGroup> = new Set(['prod', 'optional', 'peer']);

interface Visit {
  parent?: string;
  importer: string;
}

/**
 * Walks the graph from the importers and turns install locations into packages: dev when only
 * devDependencies reach it, optional when only optional edges do, the shortest path from a direct
 * dependency, and the ranges its dependents ask for. Several locations of one name@version merge.
 */
export function buildPackages(nodes: ReadonlyMap<string, GraphNode>, importers: readonly GraphImporter[]): { packages: LockedPackage[]; importers: LockImporter[] } {
  const prod = bfs(nodes, importers, (g) => PROD_GROUPS.has(g), false);
  const any = bfs(nodes, importers, () => true, false);
  const required = bfs(nodes, importers, (g) => g !== 'optional', true);
  const direct = new Set<string>();
  for (const imp of importers) for (const d of imp.deps) if (d.target) direct.add(d.target);

  const requiredBy = new Map<string, Requirement[]>();
  const addReq = (target: string | undefined, r: Requirement) => {
    if (!target) return;
    let list = requiredBy.get(target);
    if (!list) requiredBy.set(target, (list = []));
    list.push(r);
  };
  for (const imp of importers) for (const d of imp.deps) addReq(d.target, { from: imp.dir, range: d.spec ?? d.version ?? '*' });
  for (const node of nodes.values()) for (const e of node.deps) addReq(e.target, { from: `${node.name}@${node.version}`, range: e.range });

  const merged = new Map<string, LockedPackage & { rank: number; reached: boolean }>();
  for (const node of nodes.values()) {
    const isProd = prod.has(node.id);
    const reached = any.get(node.id);
    const visit = isProd ? prod.get(node.id) : reached;
    const dev = reached ? !isProd : (node.devFlag ?? false);
    const path = visit ? pathOf(nodes, node.id, isProd ? prod : any) : [`${node.name}@${node.version}`];
    const pkg = {
      name: node.name,
      version: node.version,
      dev,
      optional: reached ? !required.has(node.id) : false,
      direct: direct.has(node.id),
      path,
      importer: visit?.importer ?? '.',
      line: node.line,
      requiredBy: requiredBy.get(node.id) ?? [],
      reached: !!reached,
      // prefer a location the importers reach, then a prod path, then the shortest
      rank: (reached ? 0 : 100_000) + (dev ? 10_000 : 0) + path.length,
    };
    const key = `${node.name}@${node.version}`;
    const prev = merged.get(key);
    if (!prev) {
      merged.set(key, pkg);
      continue;
    }
    const [better, worse] = pkg.rank < prev.rank ? [pkg, prev] : [prev, pkg];
    // a location nothing reaches (a yarn patch entry, an extraneous copy) says nothing about dev/optional
    const flagsFrom = worse.reached || !better.reached ? [better, worse] : [better];
    merged.set(key, {
      ...better,
      dev: flagsFrom.every((p) => p.dev),
      optional: flagsFrom.every((p) => p.optional),
      direct: prev.direct || pkg.direct,
      line: minDefined(prev.line, pkg.line),
      requiredBy: [...prev.requiredBy, ...pkg.requiredBy],
    });
  }
  const packages = [...merged.values()].map(({ rank: _rank, reached: _reached, ...p }) => ({ ...p, requiredBy: dedupeReqs(p.requiredBy) }));
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  return {
    packages,
    importers: importers.map((i) => ({
      dir: i.dir,
      dependencies: i.deps.map(({ target: _t, ...d }) => d),
      ...(i.unresolved?.length ? { unresolved: i.unresolved } : {}),
    })),
  };
}

function bfs(nodes: ReadonlyMap<string, GraphNode>, importers: readonly GraphImporter[], groups: (g: DependencyGroup) => boolean, skipOptionalEdges: boolean): Map<string, Visit> {
  const seen = new Map<string, Visit>();
  const queue: string[] = [];
  for (const imp of importers) {
    for (const d of imp.deps) {
      if (!d.target || !groups(d.group) || seen.has(d.target) || !nodes.has(d.target)) continue;
      seen.set(d.target, { importer: imp.dir });
      queue.push(d.target);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const node = nodes.get(id)!;
    const importer = seen.get(id)!.importer;
    for (const e of node.deps) {
      if (!e.target || seen.has(e.target) || (skipOptionalEdges && e.optional) || !nodes.has(e.target)) continue;
      seen.set(e.target, { parent: id, importer });
      queue.push(e.target);
    }
  }
  return seen;
}

function pathOf(nodes: ReadonlyMap<string, GraphNode>, id: string, visits: Map<string, Visit>): string[] {
  const out: string[] = [];
  let cur: string | undefined = id;
  // the BFS tree has no cycles; the bound only guards against a corrupted map
  for (let guard = 0; cur !== undefined && guard < 10_000; guard++) {
    const n = nodes.get(cur)!;
    out.push(`${n.name}@${n.version}`);
    cur = visits.get(cur)?.parent;
  }
  return out.reverse();
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function dedupeReqs(reqs: Requirement[]): Requirement[] {
  const seen = new Set<string>();
  return reqs.filter((r) => {
    const k = `${r.from}\u0000${r.range}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
