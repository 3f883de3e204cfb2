import { ADVISORY_CATALOG, ADVISORY_PACKAGE } from './advisories.generated.js';

/** A published advisory for the Appwrite server (Packagist `appwrite/server-ce`). */
export interface AdvisorySpec {
  /** GHSA id. */
  id: string;
  /** GHSA and CVE ids, for exceptions and SARIF. */
  aliases: string[];
  title: string;
  severity: string;
  published?: string;
  /** Composer-style ranges, any of which matches: `>=0.12.0 <0.12.2`. */
  affected: string[];
  fixed: string[];
  /** A fix version stated by the maintainers but not recorded in the advisory database. */
  fixedClaimed?: string;
  note?: string;
  url: string;
}

export { ADVISORY_PACKAGE };

export function allAdvisories(): readonly AdvisorySpec[] {
  return ADVISORY_CATALOG;
}
