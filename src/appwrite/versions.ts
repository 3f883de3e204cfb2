import semver from 'semver';
import { allAdvisories, type AdvisorySpec } from './advisories.js';

/**
 * The newest self-hosted Appwrite release this tool knows (tag 1.9.6, 2026-07-22; APP_VERSION_STABLE in
 * app/init/constants.php). Appwrite Cloud runs API 2.x, which is not a self-hosted release.
 */
export const LATEST_KNOWN_RELEASE = '1.9.6';

/**
 * Parses an Appwrite version or image tag: `1.9.6`, `v1.9.6`, `1.0.0-RC1`, `1.9.5-rc.1`. Partial tags
 * (`1.9`) and names (`latest`, `dev`) are not versions: they return undefined.
 */
export function parseAppwriteVersion(tag: string): semver.SemVer | undefined {
  const t = tag.trim().replace(/^v(?=\d)/i, '');
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(t)) return undefined;
  return semver.parse(t) ?? undefined;
}

/** Negative when a < b. Prereleases sort before their release (`1.0.0-RC1` < `1.0.0`). */
export function compareAppwriteVersions(a: string, b: string): number {
  const va = parseAppwriteVersion(a);
  const vb = parseAppwriteVersion(b);
  if (!va || !vb) throw new Error(`not an Appwrite version: ${!va ? a : b}`);
  return semver.compare(va, vb);
}

export function isOlderThanLatest(version: string, latest: string = LATEST_KNOWN_RELEASE): boolean {
  return compareAppwriteVersions(version, latest) < 0;
}

/**
 * Composer range -> semver range. Composer joins constraints with a space or a comma (AND) and `||`
 * (OR); `>=0` means every version. Returns undefined for syntax semver cannot express.
 */
export function composerToSemverRange(range: string): string | undefined {
  const normalised = range
    .split('||')
    .map((alt) =>
      alt
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((c) => c.replace(/^==/, '=').replace(/^(>=|<=|>|<|=|\^|~)?v(?=\d)/, '$1'))
        .join(' '),
    )
    .join(' || ');
  return semver.validRange(normalised, { includePrerelease: true }) ? normalised : undefined;
}

/**
 * Whether a version lies in a Composer range. Prereleases take part (TOOLCHAIN trap: without
 * includePrerelease, `1.0.0-RC1` would match nothing).
 */
export function inComposerRange(version: string, range: string): boolean {
  const v = parseAppwriteVersion(version);
  const r = composerToSemverRange(range);
  if (!v) throw new Error(`not an Appwrite version: ${version}`);
  if (!r) throw new Error(`unsupported version range: ${range}`);
  return semver.satisfies(v, r, { includePrerelease: true });
}

export interface AffectingAdvisory {
  advisory: AdvisorySpec;
  /** The range that matched, as written upstream. */
  range: string;
  /** The lowest fixed version above this one, when the advisory names one. */
  fixedIn?: string;
}

/**
 * Advisories whose affected ranges contain `version`. An advisory whose database range is open-ended
 * but whose maintainers state a fix (`fixedClaimed`) counts only below that version: flagging every
 * release for ever would bury the advisories that matter (the claim is shown in the finding).
 */
export function advisoriesAffecting(version: string, advisories: readonly AdvisorySpec[] = allAdvisories()): AffectingAdvisory[] {
  const out: AffectingAdvisory[] = [];
  for (const advisory of advisories) {
    const range = advisory.affected.find((r) => inComposerRange(version, r));
    if (!range) continue;
    if (advisory.fixedClaimed && parseAppwriteVersion(advisory.fixedClaimed) && compareAppwriteVersions(version, advisory.fixedClaimed) >= 0) continue;
    const candidates = [...advisory.fixed, ...(advisory.fixedClaimed ? [advisory.fixedClaimed] : [])]
      .filter((f) => parseAppwriteVersion(f) && compareAppwriteVersions(f, version) > 0)
      .sort(compareAppwriteVersions);
    out.push({ advisory, range, ...(candidates[0] ? { fixedIn: candidates[0] } : {}) });
  }
  return out;
}
