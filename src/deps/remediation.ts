import semver from 'semver';
import { isRegistrySpec, registryRange } from './manifest.js';
import type { LockfileKind, Vulnerability } from './model.js';
import { compareVersions, parseVersion, smallestFix } from './ranges.js';

/**
 * How far a fix is, cheapest first:
 * - refresh: the fixed version is inside every declared range; regenerating the lockfile picks it up;
 * - minor: a minor/patch bump of the direct dependency's range in package.json;
 * - override: a dependent pins a range that excludes the fix: upgrade that parent or override;
 * - major: only a new major of the direct dependency fixes it (a controlled upgrade);
 * - none: no fixed version is published.
 */
export const FIX_KINDS = ['refresh', 'minor', 'override', 'major', 'none'] as const;
export type FixKind = (typeof FIX_KINDS)[number];

export interface Remedy {
  package: string;
  /** Highest affected installed version. */
  installed: string;
  /** Smallest version that none of the advisories affects. */
  fixedIn?: string;
  kind: FixKind;
  /** The direct dependency to act on. */
  direct?: { name: string; version: string; spec?: string };
  /** Version of the direct dependency to move to, when known (the vulnerable package itself, or npm's fixAvailable). */
  directTarget?: string;
  /** For `override`: which dependent range excludes the fix. */
  blockedBy?: string;
  /** One sentence, with the command to run. */
  text: string;
}

const REFRESH_COMMAND: Record<LockfileKind, (pkg: string) => string> = {
  npm: (p) => `npm update ${p}`,
  'yarn-classic': (p) => `yarn upgrade ${p}`,
  'yarn-berry': (p) => `yarn up -R ${p}`,
  pnpm: (p) => `pnpm update -r ${p}`,
  bun: (p) => `bun update ${p}`,
};

const OVERRIDE_FIELD: Record<LockfileKind, string> = {
  npm: '"overrides"',
  'yarn-classic': '"resolutions"',
  'yarn-berry': '"resolutions"',
  pnpm: '"pnpm.overrides"',
  bun: '"overrides"',
};

/** Same major (same minor for 0.x, as caret ranges do): no breaking change by semver's promise. */
export function isCompatibleBump(from: string, to: string): boolean {
  const a = parseVersion(from);
  const b = parseVersion(to);
  if (!a || !b) return false;
  if (a.major !== b.major) return false;
  return a.major !== 0 || a.minor === b.minor;
}

/** Provably inside the range; a dist-tag such as `latest` or an unreadable range is not. */
function satisfies(version: string, spec: string | undefined): boolean {
  if (!spec || !isRegistrySpec(spec)) return false;
  const range = registryRange(spec).range;
  return semver.validRange(range, { loose: true }) !== null && semver.satisfies(version, range, { includePrerelease: true, loose: true });
}

/** The cheapest way to fix one vulnerable package, from what the lockfile and the advisories say. */
export function remedyFor(v: Vulnerability): Remedy {
  const installed = [...v.versions].sort(compareVersions).at(-1) ?? '';
  const fixedIn = installed ? smallestFix(installed, v.affected) : undefined;
  const kindOfLock = v.lockfileKind ?? 'npm';
  const direct = v.direct ? { name: v.package, version: installed, spec: v.directDependency?.name === v.package ? v.directDependency.spec : undefined } : v.directDependency;
  const base = { package: v.package, installed, fixedIn, ...(direct ? { direct } : {}) };
  if (!installed) {
    const range = v.affected.map((a) => a.semverRange).find(Boolean);
    return { ...base, kind: 'none', text: `No lockfile here lists ${v.package}, so its installed version is unknown: make sure it is outside ${range ?? 'the affected versions'}, or add the lockfile it came from.` };
  }
  if (!fixedIn) {
    if (v.fixAvailable) return fromFixAvailable(v, base, kindOfLock);
    return { ...base, kind: 'none', text: `No fixed version of ${v.package} is published: remove or replace it, or accept the risk with an owner and an expiry.` };
  }
  if (v.direct) {
    if (satisfies(fixedIn, direct?.spec)) {
      return { ...base, kind: 'refresh', directTarget: fixedIn, text: `Upgrade ${v.package} ${installed} -> ${fixedIn} (inside ${direct!.spec}: \`${REFRESH_COMMAND[kindOfLock](v.package)}\` refreshes the lockfile).` };
    }
    if (isCompatibleBump(installed, fixedIn)) {
      return { ...base, kind: 'minor', directTarget: fixedIn, text: `Upgrade ${v.package} ${installed} -> ${fixedIn}: raise its range in package.json to ^${fixedIn}.` };
    }
    return { ...base, kind: 'major', directTarget: fixedIn, text: `Upgrade ${v.package} ${installed} -> ${fixedIn}: a major upgrade; plan it as a controlled upgrade and review the breaking changes.` };
  }
  const blocking = v.requiredBy.filter((r) => !satisfies(fixedIn, r.range));
  if (v.requiredBy.length > 0 && blocking.length === 0) {
    return { ...base, kind: 'refresh', text: `Refresh ${v.package} ${installed} -> ${fixedIn}: every dependent allows it (\`${REFRESH_COMMAND[kindOfLock](v.package)}\`).` };
  }
  if (v.fixAvailable) return fromFixAvailable(v, base, kindOfLock);
  const b = blocking[0];
  const blockedBy = b ? `${b.from} requires ${v.package} ${b.range}` : undefined;
  return {
    ...base,
    kind: 'override',
    ...(blockedBy ? { blockedBy } : {}),
    text: `${v.package} ${installed} -> ${fixedIn} is blocked${blockedBy ? ` (${blockedBy})` : ''}: upgrade ${direct?.name ?? 'the direct dependency'} to a release that allows ${v.package} >=${fixedIn}, or pin ${v.package} to ^${fixedIn} with ${OVERRIDE_FIELD[kindOfLock]} in package.json.`,
  };
}

/** npm audit v2 computed the direct-dependency upgrade: trust it, and say whether it is a major. */
function fromFixAvailable(v: Vulnerability, base: Omit<Remedy, 'kind' | 'text'>, lock: LockfileKind): Remedy {
  const fa = v.fixAvailable!;
  const from = fa.name === v.package ? base.installed : (v.directDependency?.name === fa.name ? v.directDependency.version : undefined);
  const spec = v.directDependency?.name === fa.name ? v.directDependency.spec : undefined;
  const direct = { name: fa.name, version: from ?? '?', ...(spec ? { spec } : {}) };
  const arrow = `${fa.name}${from ? ` ${from}` : ''} -> ${fa.version}`;
  if (fa.isSemVerMajor) return { ...base, direct, directTarget: fa.version, kind: 'major', text: `Upgrade ${arrow}: a major upgrade (npm audit); plan it as a controlled upgrade.` };
  if (satisfies(fa.version, spec)) return { ...base, direct, directTarget: fa.version, kind: 'refresh', text: `Upgrade ${arrow} (inside ${spec}: \`${REFRESH_COMMAND[lock](fa.name)}\`).` };
  return { ...base, direct, directTarget: fa.version, kind: 'minor', text: `Upgrade ${arrow} (npm audit fix).` };
}
