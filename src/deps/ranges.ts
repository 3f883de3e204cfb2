import semver from 'semver';
import type { AffectedPackage, OsvRange } from './model.js';
import { compareText } from '../core/compare.js';

/** Parsed versions are cached: the same few thousand versions are compared against many ranges. */
const parsedCache = new Map<string, semver.SemVer | null>();

export function parseVersion(v: string): semver.SemVer | null {
  let hit = parsedCache.get(v);
  if (hit === undefined) {
    hit = semver.parse(v, { loose: true });
    if (parsedCache.size > 100_000) parsedCache.clear();
    parsedCache.set(v, hit);
  }
  return hit;
}

/** Advisory versions are sometimes short (`1.0` in real GHSA records): coerce those, keeping prereleases. */
function parseEventVersion(v: string): semver.SemVer | null {
  return parseVersion(v) ?? semver.coerce(v, { includePrerelease: true });
}

function cmp(a: semver.SemVer, b: semver.SemVer): number {
  return a.compare(b);
}

/**
 * OSV range evaluation for `SEMVER` and `ECOSYSTEM` (npm versions are semver) ranges, as the OSV
 * schema specifies: events sorted by version, `introduced: "0"` is minus infinity, `fixed` is
 * exclusive, `last_affected` inclusive, `limit` caps the range. Prereleases compare by semver
 * precedence (2.0.0-rc.1 < 2.0.0), never dropped as node-semver's `satisfies` does by default.
 * Returns undefined when a version or an event cannot be parsed: the caller must not read that as safe.
 */
export function inOsvRange(version: string, range: OsvRange): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  type Ev = { kind: 'introduced' | 'fixed' | 'last_affected' | 'limit'; at: semver.SemVer | 'zero' | 'inf' };
  const events: Ev[] = [];
  for (const e of range.events) {
    for (const kind of ['introduced', 'fixed', 'last_affected', 'limit'] as const) {
      const raw = e[kind];
      if (raw === undefined) continue;
      if (kind === 'introduced' && raw === '0') events.push({ kind, at: 'zero' });
      else if (kind === 'limit' && raw === '*') events.push({ kind, at: 'inf' });
      else {
        const at = parseEventVersion(raw);
        if (!at) return undefined;
        events.push({ kind, at });
      }
    }
  }
  const order = (x: Ev['at']): number => (x === 'zero' ? -1 : x === 'inf' ? 1 : 0);
  events.sort((a, b) => {
    const oa = order(a.at);
    const ob = order(b.at);
    if (oa !== ob || oa !== 0) return oa - ob;
    return cmp(a.at as semver.SemVer, b.at as semver.SemVer);
  });
  const limits = events.filter((e) => e.kind === 'limit');
  if (limits.length && !limits.some((l) => l.at === 'inf' || (l.at !== 'zero' && cmp(v, l.at as semver.SemVer) < 0))) return false;
  let affected = false;
  for (const e of events) {
    if (e.kind === 'limit') continue;
    const at = e.at;
    const ge = at === 'zero' ? true : at === 'inf' ? false : cmp(v, at) >= 0;
    if (e.kind === 'introduced' && ge) affected = true;
    else if (e.kind === 'fixed' && ge) affected = false;
    else if (e.kind === 'last_affected' && at !== 'zero' && at !== 'inf' && cmp(v, at) > 0) affected = false;
  }
  return affected;
}

/** node-semver range (`vulnerable_versions`), prereleases included. Undefined when unparseable. */
export function inSemverRange(version: string, range: string): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  let r: semver.Range;
  try {
    r = new semver.Range(range, { loose: true, includePrerelease: true });
  } catch {
    return undefined; // an advisory range we cannot read: "unknown", reported by the caller
  }
  return r.test(v);
}

/**
 * Whether `version` is affected according to what an advisory says about the package: explicit
 * versions, OSV ranges (any range matching means affected) or an npm-style range.
 */
export function isAffected(version: string, a: AffectedPackage): boolean | undefined {
  if (a.versions.includes(version)) return true;
  let unknown = false;
  for (const r of a.ranges) {
    const hit = inOsvRange(version, r);
    if (hit) return true;
    if (hit === undefined) unknown = true;
  }
  if (a.semverRange !== undefined) {
    const hit = inSemverRange(version, a.semverRange);
    if (hit) return true;
    if (hit === undefined) unknown = true;
  }
  if (a.ranges.length === 0 && a.semverRange === undefined && a.versions.length === 0) return undefined;
  return unknown ? undefined : false;
}

/** Every version an advisory names as a fix for the package (OSV `fixed` events plus `fixed` list). */
export function fixedVersionsOf(a: AffectedPackage): string[] {
  const out = new Set(a.fixed);
  for (const r of a.ranges) for (const e of r.events) if (e.fixed) out.add(e.fixed);
  return [...out].filter((v) => parseVersion(v)).sort((x, y) => cmp(parseVersion(x)!, parseVersion(y)!));
}

/**
 * The lowest version above `installed` that none of the advisories affects, among the versions they
 * name as fixes. Undefined when no such version is named (no fix published).
 */
export function smallestFix(installed: string, affected: readonly AffectedPackage[]): string | undefined {
  const from = parseVersion(installed);
  const candidates = new Set<string>();
  for (const a of affected) for (const f of fixedVersionsOf(a)) candidates.add(f);
  const sorted = [...candidates].filter((c) => !from || cmp(parseVersion(c)!, from) > 0).sort((x, y) => cmp(parseVersion(x)!, parseVersion(y)!));
  return sorted.find((c) => affected.every((a) => isAffected(c, a) === false));
}

/** The lower bound of a `patched_versions` range such as `>=6.10.3` (npm audit), if it has one. */
export function lowerBoundOf(range: string): string | undefined {
  try {
    const min = semver.minVersion(new semver.Range(range, { loose: true, includePrerelease: true }));
    return min && min.version !== '0.0.0' ? min.version : undefined;
  } catch {
    return undefined; // `<0.0.0` ("no fix") and other unreadable ranges name no fix
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (pa && pb) return cmp(pa, pb);
  return compareText(a, b);
}
