import type { AdvisoriesFacts, LockfilesFacts, Manifest, ParsedLockfile, Vulnerability } from '../model.js';

/** Small hand-written facts for table-driven check tests. */
export function lockfilesFacts(p: Partial<LockfilesFacts> = {}): LockfilesFacts {
  return { manifests: [], lockfiles: [], failures: [], unsupported: [], ci: [], ...p };
}

export function manifest(dir: string, deps: Record<string, string>, extra: Partial<Manifest> = {}): Manifest {
  return {
    path: dir === '.' ? 'package.json' : `${dir}/package.json`,
    dir,
    dependencies: Object.entries(deps).map(([name, spec], i) => ({ name, spec, group: 'prod' as const, line: 5 + i })),
    workspaces: [],
    ...extra,
  };
}

export function lockfile(dir: string, kind: ParsedLockfile['kind'], importers: ParsedLockfile['importers'], name = 'package-lock.json'): ParsedLockfile {
  return { path: dir === '.' ? name : `${dir}/${name}`, dir, kind, formatVersion: '3', packages: [], importers };
}

export function vulnerability(p: Partial<Vulnerability> = {}): Vulnerability {
  return {
    id: 'GHSA-hrpp-h998-j3pp',
    aliases: ['GHSA-hrpp-h998-j3pp', 'CVE-2022-24999'],
    summary: 'qs vulnerable to Prototype Pollution',
    severity: 'high',
    severitySource: 'GHSA rating',
    published: '2026-11-20T00:00:00Z',
    references: [],
    sources: ['osv-offline'],
    package: 'qs',
    versions: ['6.7.0'],
    location: { path: 'package-lock.json', line: 10 },
    lockfileKind: 'npm',
    dev: false,
    direct: false,
    path: ['express@4.17.1', 'qs@6.7.0'],
    directDependency: { name: 'express', version: '4.17.1', spec: '^4.17.1' },
    requiredBy: [{ from: 'express@4.17.1', range: '6.7.0' }],
    affected: [{ name: 'qs', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '6.7.0' }, { fixed: '6.7.3' }] }], versions: [], fixed: [] }],
    ...p,
  };
}

export function advisoriesFacts(p: Partial<AdvisoriesFacts> = {}): AdvisoriesFacts {
  return {
    sources: [{ source: 'osv-offline', origin: 'osv', ok: true, advisories: 1 }],
    vulnerabilities: [],
    unevaluated: [],
    lockfileFailures: [],
    prodOnly: false,
    packagesChecked: 10,
    ...p,
  };
}
