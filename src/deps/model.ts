import type { Severity } from '../core/severity.js';

/**
 * The dependency program's data model: what lockfiles say is installed, and what advisories say is
 * vulnerable. Every parser and advisory source produces these shapes, so checks never see a format.
 */

export const LOCKFILE_KINDS = ['npm', 'yarn-classic', 'yarn-berry', 'pnpm', 'bun'] as const;
export type LockfileKind = (typeof LOCKFILE_KINDS)[number];

export const DEPENDENCY_GROUPS = ['prod', 'dev', 'optional', 'peer'] as const;
export type DependencyGroup = (typeof DEPENDENCY_GROUPS)[number];

/** One dependency declared in a package.json. */
export interface DeclaredDependency {
  name: string;
  /** The specifier as written: `^4.17.1`, `npm:lodash@^4`, `workspace:*`, `github:user/repo`. */
  spec: string;
  group: DependencyGroup;
  line?: number;
}

export interface Manifest {
  /** Root-relative path of the package.json. */
  path: string;
  /** Root-relative folder of the package.json (`.` for the root). */
  dir: string;
  name?: string;
  version?: string;
  dependencies: DeclaredDependency[];
  /** Workspace globs declared here (package.json `workspaces` or pnpm-workspace.yaml `packages`). */
  workspaces: string[];
}

/** How a lockfile's importer (the root or a workspace member) depends on a package. */
export interface ImporterDependency {
  name: string;
  group: Exclude<DependencyGroup, 'peer'> | 'peer';
  /** The specifier the lockfile recorded (pnpm `specifier`, npm root `dependencies`, bun workspaces). */
  spec?: string;
  /** Resolved version when the lockfile records one. */
  version?: string;
}

export interface LockImporter {
  /** Folder relative to the lockfile's folder (`.` for the root). */
  dir: string;
  dependencies: ImporterDependency[];
  /** yarn: the declared dependency had no matching `name@range` entry at all (missing) or another range (changed). */
  unresolved?: { name: string; spec: string; lockedSpecs: string[] }[];
}

export interface Requirement {
  /** `name@version` of the dependent, or `<importer dir>` for a direct dependency. */
  from: string;
  range: string;
}

/** One installed package (name + version) of one lockfile. Several install locations are merged. */
export interface LockedPackage {
  name: string;
  version: string;
  /** Only reachable from devDependencies. */
  dev: boolean;
  /** Only reachable through optional edges. */
  optional: boolean;
  /** Declared by an importer (root or workspace package.json). */
  direct: boolean;
  /** Shortest dependency path, `name@version` per hop, starting with the direct dependency. */
  path: string[];
  /** Importer folder (relative to the lockfile folder) the path starts from. */
  importer: string;
  /** 1-based line of the entry in the lockfile, when known. */
  line?: number;
  /** The ranges dependents ask for: tells whether a fixed version is reachable by a lockfile refresh. */
  requiredBy: Requirement[];
}

export interface ParsedLockfile {
  /** Root-relative path. */
  path: string;
  /** Root-relative folder (`.` for the root). */
  dir: string;
  kind: LockfileKind;
  /** `lockfileVersion` (npm, pnpm, bun) or `__metadata.version` (berry), `1` for yarn classic. */
  formatVersion: string;
  packages: LockedPackage[];
  importers: LockImporter[];
}

export interface LockfileFailure {
  path: string;
  message: string;
  line?: number;
}

/** A CI step that installs dependencies, as written: the check decides whether it is reproducible. */
export interface CiInstall {
  path: string;
  line: number;
  manager: 'npm' | 'yarn' | 'pnpm' | 'bun';
  /** `install`, `i`, `ci`, `add` or `` for a bare `yarn`. */
  subcommand: string;
  /** Only known option names (never values: a flag value can hold a token). */
  flags: string[];
  /** Positional package arguments were given (`npm install left-pad`). */
  hasPackages: boolean;
}

/** Fact `lockfiles`: every manifest, lockfile and CI install step of the workspace. */
export interface LockfilesFacts {
  manifests: Manifest[];
  lockfiles: ParsedLockfile[];
  /** Lockfiles found but unreadable: a vulnerability check cannot pass for them. */
  failures: LockfileFailure[];
  /** `bun.lockb` and other lockfiles we cannot read by design. */
  unsupported: { path: string; reason: string }[];
  ci: CiInstall[];
}

// ---------------------------------------------------------------------------------------------------
// Advisories

export const ADVISORY_SOURCES = ['npm-audit', 'pnpm-audit', 'yarn-audit', 'bun-audit', 'osv-api', 'osv-offline', 'osv-scanner'] as const;
export type AdvisorySource = (typeof ADVISORY_SOURCES)[number];

/** One OSV range (`SEMVER` or `ECOSYSTEM`; `GIT` ranges are kept out, npm versions are not commits). */
export interface OsvRange {
  type: 'SEMVER' | 'ECOSYSTEM';
  events: { introduced?: string; fixed?: string; last_affected?: string; limit?: string }[];
}

/** What an advisory says about one package: OSV ranges, an npm-style semver range, or explicit versions. */
export interface AffectedPackage {
  name: string;
  ranges: OsvRange[];
  /** npm/yarn/bun audit `vulnerable_versions`, a node-semver range. */
  semverRange?: string;
  versions: string[];
  /** Versions that fix it (OSV `fixed` events, npm `patched_versions` lower bounds). */
  fixed: string[];
}

export interface CvssScore {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  /** Base score when given or computable (v3.x is computed from the vector). */
  score?: number;
}

export interface Advisory {
  /** The source's own id: `GHSA-…`, `CVE-…`, `MAL-…`, or an npm numeric advisory id. */
  id: string;
  aliases: string[];
  summary?: string;
  /** Normalised; undefined when the source gives neither a rating nor a CVSS vector. */
  severity?: Severity;
  /** Where the severity came from, for the evidence: `GHSA`, `CVSS:3.1 7.5`, `npm`, `MAL`. */
  severitySource?: string;
  cvss: CvssScore[];
  affected: AffectedPackage[];
  published?: string;
  modified?: string;
  references: string[];
  source: AdvisorySource;
  /** Package versions the source itself reported as vulnerable (audit outputs, OSV-Scanner). */
  reported: { name: string; version?: string; paths?: string[] }[];
  /** npm v2 `fixAvailable`: the upgrade of a direct dependency that npm computed. */
  fixAvailable?: { name: string; version: string; isSemVerMajor: boolean };
  /** File or URL it came from, for messages. */
  origin: string;
}

/** The status of one advisory source in this run: ran, or could not tell (never a silent pass). */
export interface SourceStatus {
  source: AdvisorySource;
  /** File, URL or command. */
  origin: string;
  ok: boolean;
  advisories: number;
  message?: string;
}

/** One vulnerability (alias-merged across sources) in one package of one lockfile. */
export interface Vulnerability {
  /** Preferred id: GHSA, else CVE, else the first OSV id. */
  id: string;
  /** Every id and alias from every source (the exception mechanism matches on these). */
  aliases: string[];
  summary?: string;
  severity?: Severity;
  severitySource?: string;
  cvss?: CvssScore;
  published?: string;
  modified?: string;
  references: string[];
  sources: AdvisorySource[];
  package: string;
  /** Installed versions that are affected (usually one). */
  versions: string[];
  /** Lockfile (or the audit file when no lockfile lists the package). */
  location: { path: string; line?: number };
  lockfileKind?: LockfileKind;
  dev: boolean;
  direct: boolean;
  path: string[];
  /** The direct dependency that brings it in, with its declared range. */
  directDependency?: { name: string; version: string; spec?: string };
  requiredBy: Requirement[];
  /** What the advisories say about this package, for the smallest-fix computation. */
  affected: AffectedPackage[];
  fixAvailable?: { name: string; version: string; isSemVerMajor: boolean };
  /** From the store (FirstSeenProvider), ISO timestamp. */
  firstSeen?: string;
}

/** A package an advisory names that could not be evaluated (a git dependency, an unreadable range). */
export interface Unevaluated {
  package: string;
  version: string;
  advisory: string;
  location: { path: string; line?: number };
  reason: string;
}

/** Fact `advisories`: the merged result of every advisory source. */
export interface AdvisoriesFacts {
  sources: SourceStatus[];
  vulnerabilities: Vulnerability[];
  /** Could not tell: the check reports these as `error`, never as a pass. */
  unevaluated: Unevaluated[];
  /** Lockfiles found but unreadable: their packages were not checked. */
  lockfileFailures: LockfileFailure[];
  /** `--prod-only` / config dependencies.prodOnly as asked for this run. */
  prodOnly: boolean;
  /** Packages that were looked up (after the prod-only filter), for "n packages checked". */
  packagesChecked: number;
}
