import type { Advisory, AdvisorySource, AffectedPackage, LockedPackage, ParsedLockfile, Unevaluated, Vulnerability } from './model.js';
import { compareVersions, isAffected, parseVersion } from './ranges.js';
import { bestCvss, maxSeverity } from './severity.js';
import { compareText } from '../core/compare.js';

/** One vulnerability as the sources agree on it: every alias, the worst rating, all ranges. */
export interface MergedAdvisory {
  id: string;
  aliases: string[];
  summary?: string;
  severity?: Advisory['severity'];
  severitySource?: string;
  cvss?: Advisory['cvss'][number];
  published?: string;
  modified?: string;
  references: string[];
  sources: AdvisorySource[];
  /** Per package name, what each source says. */
  affected: Map<string, AffectedPackage[]>;
  reported: Advisory['reported'];
  fixAvailable?: Advisory['fixAvailable'];
  origins: string[];
}

/** GHSA first (what npm, yarn and OSV all know), then CVE, then other OSV ids, then npm numbers. */
function idRank(id: string): number {
  if (/^GHSA-/i.test(id)) return 0;
  if (/^CVE-/i.test(id)) return 1;
  if (/^NPM-\d+$/.test(id) || /^\d+$/.test(id)) return 3;
  return 2;
}

export function preferredId(ids: Iterable<string>): string {
  return [...ids].sort((a, b) => idRank(a) - idRank(b) || compareText(a, b))[0]!;
}

/**
 * Merges advisories that share any id or alias (GHSA-x aliases CVE-y, npm 1094102 names GHSA-x …):
 * the same vulnerability reported by several sources becomes one record listing every source.
 */
export function mergeAdvisories(advisories: readonly Advisory[]): MergedAdvisory[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const norm = (s: string) => s.trim().toUpperCase();
  for (const a of advisories) {
    const ids = [a.id, ...a.aliases].map(norm);
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) union(ids[0]!, id);
  }
  const groups = new Map<string, Advisory[]>();
  for (const a of advisories) {
    const root = find(norm(a.id));
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(a);
  }
  const out: MergedAdvisory[] = [];
  for (const group of groups.values()) {
    const ids = new Set<string>();
    for (const a of group) for (const id of [a.id, ...a.aliases]) ids.add(id);
    let severity: MergedAdvisory['severity'];
    let severitySource: string | undefined;
    for (const a of group) {
      const next = maxSeverity(severity, a.severity);
      if (next !== severity) {
        severity = next;
        severitySource = a.severitySource ? `${a.severitySource} (${a.source})` : a.source;
      }
    }
    const affected = new Map<string, AffectedPackage[]>();
    for (const a of group) {
      for (const p of a.affected) {
        let list = affected.get(p.name);
        if (!list) affected.set(p.name, (list = []));
        list.push(p);
      }
    }
    // OSV records carry the fuller text; audit outputs only a title
    const osvFirst = [...group].sort((x, y) => Number(!x.source.startsWith('osv')) - Number(!y.source.startsWith('osv')));
    out.push({
      id: preferredId(ids),
      aliases: [...ids].sort((a, b) => idRank(a) - idRank(b) || compareText(a, b)),
      summary: osvFirst.find((a) => a.summary)?.summary,
      severity,
      severitySource,
      cvss: bestCvss(group.flatMap((a) => a.cvss)),
      published: group.map((a) => a.published).filter((d): d is string => !!d).sort()[0],
      modified: group.map((a) => a.modified).filter((d): d is string => !!d).sort().at(-1),
      references: [...new Set(osvFirst.flatMap((a) => a.references))].slice(0, 12),
      sources: [...new Set(group.map((a) => a.source))].sort(),
      affected,
      reported: group.flatMap((a) => a.reported),
      fixAvailable: group.find((a) => a.fixAvailable)?.fixAvailable,
      origins: [...new Set(group.map((a) => a.origin))],
    });
  }
  return out.sort((a, b) => compareText(a.id, b.id));
}

/**
 * Evaluates every locked package against the merged advisories. A package is affected when any
 * source's range says so. Advisories that name a package no lockfile has (an audit file for another
 * checkout, no lockfile in the workspace) still count, located at the file that reported them.
 */
export function matchVulnerabilities(lockfiles: readonly ParsedLockfile[], merged: readonly MergedAdvisory[]): { vulnerabilities: Vulnerability[]; unevaluated: Unevaluated[] } {
  const byName = new Map<string, MergedAdvisory[]>();
  for (const m of merged) {
    for (const name of m.affected.keys()) {
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(m);
    }
  }
  const vulns = new Map<string, Vulnerability>();
  const unevaluated: Unevaluated[] = [];
  const lockedNames = new Set<string>();
  for (const lock of lockfiles) {
    for (const pkg of lock.packages) {
      lockedNames.add(pkg.name);
      const candidates = byName.get(pkg.name);
      if (!candidates) continue;
      for (const m of candidates) {
        const affected = m.affected.get(pkg.name)!;
        const verdicts = affected.map((a) => isAffected(pkg.version, a));
        if (verdicts.includes(true)) {
          addVuln(vulns, lock, pkg, m, affected);
        } else if (verdicts.includes(undefined)) {
          unevaluated.push({
            package: pkg.name,
            version: pkg.version,
            advisory: m.id,
            location: { path: lock.path, line: pkg.line },
            reason: parseVersion(pkg.version) ? `the advisory's affected range cannot be read` : `"${pkg.version}" is not a registry version`,
          });
        }
      }
    }
  }
  for (const m of merged) {
    for (const r of m.reported) {
      if (lockedNames.has(r.name)) continue;
      const key = `${m.origins[0]}\u0000${r.name}\u0000${m.id}`;
      const v = vulns.get(key);
      if (v) {
        if (r.version && !v.versions.includes(r.version)) v.versions.push(r.version);
        continue;
      }
      vulns.set(key, {
        ...common(m, r.name, m.affected.get(r.name) ?? []),
        versions: r.version ? [r.version] : [],
        location: { path: m.origins[0]! },
        dev: false,
        direct: false,
        path: r.paths?.[0] ? r.paths[0].split('>').filter((s) => s && s !== '.') : [r.name],
        requiredBy: [],
      });
    }
  }
  return { vulnerabilities: [...vulns.values()], unevaluated };
}

function common(m: MergedAdvisory, name: string, affected: AffectedPackage[]): Pick<Vulnerability, 'id' | 'aliases' | 'summary' | 'severity' | 'severitySource' | 'cvss' | 'published' | 'modified' | 'references' | 'sources' | 'package' | 'affected' | 'fixAvailable'> {
  return {
    id: m.id,
    aliases: m.aliases,
    summary: m.summary,
    severity: m.severity,
    severitySource: m.severitySource,
    cvss: m.cvss,
    published: m.published,
    modified: m.modified,
    references: m.references,
    sources: m.sources,
    package: name,
    affected,
    ...(m.fixAvailable ? { fixAvailable: m.fixAvailable } : {}),
  };
}

function addVuln(vulns: Map<string, Vulnerability>, lock: ParsedLockfile, pkg: LockedPackage, m: MergedAdvisory, affected: AffectedPackage[]): void {
  const key = `${lock.path}\u0000${pkg.name}\u0000${m.id}`;
  const prev = vulns.get(key);
  const directDependency = directOf(lock, pkg);
  if (prev) {
    if (!prev.versions.includes(pkg.version)) prev.versions.push(pkg.version);
    prev.versions.sort(compareVersions);
    // keep the most exposed instance: prod over dev, then the shorter path
    const better = (prev.dev && !pkg.dev) || (prev.dev === pkg.dev && pkg.path.length < prev.path.length);
    if (better) Object.assign(prev, { path: pkg.path, directDependency, requiredBy: pkg.requiredBy, location: { path: lock.path, line: pkg.line } });
    prev.dev = prev.dev && pkg.dev;
    prev.direct = prev.direct || pkg.direct;
    return;
  }
  vulns.set(key, {
    ...common(m, pkg.name, affected),
    versions: [pkg.version],
    location: { path: lock.path, line: pkg.line },
    lockfileKind: lock.kind,
    dev: pkg.dev,
    direct: pkg.direct,
    path: pkg.path,
    ...(directDependency ? { directDependency } : {}),
    requiredBy: pkg.requiredBy,
  });
}

/** The direct dependency a path starts with, with the range its importer declares. */
function directOf(lock: ParsedLockfile, pkg: LockedPackage): Vulnerability['directDependency'] {
  const head = pkg.path[0];
  if (!head) return undefined;
  const at = head.lastIndexOf('@');
  const name = head.slice(0, at);
  const version = head.slice(at + 1);
  const importer = lock.importers.find((i) => i.dir === pkg.importer);
  const dep = importer?.dependencies.find((d) => d.name === name || (d.version === version && d.spec?.startsWith(`npm:${name}@`)));
  return { name: dep?.name ?? name, version, ...(dep?.spec ? { spec: dep.spec } : {}) };
}
