import type { Severity } from './severity.js';

export const FINDING_STATUSES = ['fail', 'pass', 'error', 'skipped', 'excepted'] as const;
/**
 * - fail: the insecure state was found.
 * - pass: the check ran and found nothing.
 * - error: could not tell (unreadable input, missing permission, collector failure). Never a pass.
 * - skipped: the check did not apply (no input of its kind) or was deselected.
 * - excepted: a fail covered by a valid accepted-risk exception.
 */
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Location {
  /** Path relative to the audited root, with forward slashes; or a URL / `env:NAME` for non-file sources. */
  path: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface ResourceRef {
  /** e.g. `env-var`, `compose-service`, `collection`, `bucket`, `function`, `package`, `api-key`. */
  type: string;
  id: string;
  name?: string;
}

export interface AppliedException {
  reason: string;
  owner: string;
  expires: string;
  /** Index of the exception in the config's `exceptions` list, for cross-reference. */
  index: number;
}

export interface Finding {
  checkId: string;
  /** First segment of the check id: `selfhost`, `compose`, `permissions`, `deps`, … */
  area: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  message: string;
  resource?: ResourceRef;
  location?: Location;
  /** Redacted evidence: never a raw secret. */
  evidence?: Record<string, string | number | boolean | null>;
  remediation: string;
  references: string[];
  controls: string[];
  fingerprint: string;
  /** Advisory ids and aliases (CVE, GHSA, OSV) for dependency findings; exceptions match on any. */
  aliases?: string[];
  exception?: AppliedException;
  /** For `error` findings: what could not be read, and how to make it readable. */
  errorDetail?: string;
}

export function isFailing(f: Finding): boolean {
  return f.status === 'fail';
}
