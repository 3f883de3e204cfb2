/** Which service path of the threat model covers a file or call site. */
import { globMatch, matchesAny } from '../core/glob.js';
import type { CallSite, Runtime, SiteAuth } from '../code/types.js';
import type { ServicePath, ThreatModel } from './config.js';
import { authList } from './settings.js';

/** The first path whose `files` globs match (the order in the config is the precedence). */
export function pathForFile(tm: ThreatModel, file: string): ServicePath | undefined {
  return tm.servicePaths.find((p) => matchesAny(p.files, file));
}

export function operationAllowed(p: ServicePath, operationId: string): boolean {
  return !p.operations || p.operations.some((o) => globMatch(o, operationId));
}

/** The runtime a site is judged by: its threat-model path's declaration when covered, else the code's. */
export function effectiveRuntime(tm: ThreatModel, site: { path: string; runtime: Runtime }): Runtime {
  return pathForFile(tm, site.path)?.runtime ?? site.runtime;
}

/** The declared auth modes agree with what the code shows (an unknown site auth never disagrees). */
export function authAgrees(p: ServicePath, auth: SiteAuth): boolean {
  if (auth === 'unknown') return true;
  return authList(p.auth).includes(auth);
}

/**
 * Call sites a key path is answerable for: those in its files, plus those in local modules its files
 * import (transitively) that run on the server, since a helper's calls are made with the path's key.
 */
export function sitesOfPath(p: ServicePath, sites: readonly CallSite[], imports: Record<string, string[]>): CallSite[] {
  const files = new Set<string>();
  const queue = [...new Set(sites.map((s) => s.path).concat(Object.keys(imports)))].filter((f) => matchesAny(p.files, f));
  while (queue.length) {
    const f = queue.shift()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const to of imports[f] ?? []) queue.push(to);
  }
  return sites.filter((s) => files.has(s.path) && s.runtime !== 'client');
}
