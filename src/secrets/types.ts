import type { Severity } from '../core/severity.js';

/** One check per family: a finding's family decides which `secrets/*` check reports it. */
export const SECRET_FAMILIES = ['appwrite-key', 'appwrite-server', 'cloud', 'private-key', 'service-token', 'jwt'] as const;
export type SecretFamily = (typeof SECRET_FAMILIES)[number];

/** Where the scanned text came from. */
export const SCAN_SOURCES = ['tree', 'history', 'staged', 'stdin'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

export interface RuleContext {
  /** Path of the document (for file-type decisions such as "unquoted value in code is a variable"). */
  path: string;
  /** True when the value was written inside quotes. */
  quoted: boolean;
}

export interface SecretRule {
  /** Stable id, part of every fingerprint: never rename one. */
  id: string;
  family: SecretFamily;
  title: string;
  severity: Severity;
  /**
   * Lower-case literals. The rule's pattern is tried only where one of them occurs, anchored at that
   * occurrence (sticky), so every pattern must begin with one of its keywords.
   */
  keywords: readonly string[];
  /**
   * Bounded regex (no unbounded `*`/`+` over overlapping classes) whose named group `s` holds the secret
   * and optional group `q` the opening quote. Flags other than `i`/`s` are ignored.
   */
  pattern: RegExp;
  /** Minimum Shannon entropy (bits per character) of the secret, or of `entropyOf(secret)` when given. */
  minEntropy?: number;
  entropyOf?: (secret: string) => string;
  /** Extra vetting after placeholders and entropy; false drops the match. */
  validate?: (secret: string, ctx: RuleContext) => boolean;
  /**
   * Values that legitimately live in a deployment's own (untracked) .env: only reported in git work
   * trees, history and staged changes, where they are being committed.
   */
  committedOnly?: boolean;
  /** A file-level condition (e.g. `"type": "service_account"` for GCP keys), tested once per document. */
  documentRequires?: RegExp;
  /** A severity for this particular value (an encrypted private key is less urgent). */
  severityFor?: (secret: string) => Severity | undefined;
  /** Skip the shared placeholder test (for rules whose secret is a whole structured block). */
  skipPlaceholderCheck?: boolean;
}

/** A match as the engine returns it: holds the raw secret, so it never leaves the scanner. */
export interface RawMatch {
  ruleId: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters of the line as decoded (UTF-16 units of latin1-decoded text = bytes). */
  column: number;
  endLine: number;
  secret: string;
  /** Secrets that belong to the same credential (an AWS secret key next to its key id). */
  related?: string[];
  /** Severity chosen by the rule for this match (e.g. an AWS key id with its secret is critical). */
  severity?: Severity;
  /** The line carries `appwrite-secops:allow` (or the one before carries `appwrite-secops:allow-next-line`). */
  allowed: boolean;
  /** An Appwrite project id found in the same document, for `--verify`. */
  projectHint?: string;
  /** Short, non-secret description of the context (`X-Appwrite-Key header`, `APPWRITE_API_KEY`). */
  context?: string;
}

export type Liveness = 'live' | 'dead' | 'unknown';

/** A secret finding as it leaves the scanner: redacted, fingerprinted, never the raw value. */
export interface SecretFinding {
  ruleId: string;
  family: SecretFamily;
  ruleTitle: string;
  severity: Severity;
  source: ScanSource;
  path: string;
  line: number;
  column: number;
  endLine: number;
  /** `redactSecret()` of the value: 4 characters plus a short hash. */
  redacted: string;
  /** sha256(rule, path, sha256(secret)): stable across line moves; what baselines store. */
  fingerprint: string;
  /** Inside built output (dist/, build/, .next/static, .output/public). */
  inBundle: boolean;
  context?: string;
  /** History: where the secret was introduced (the oldest commit adding it at this path). */
  commit?: { sha: string; author: string; date: string };
  /** History: in how many commits the value was added at this path. */
  commits?: number;
  /** History: whether the value is still in the working-tree file at this path. */
  stillPresent?: boolean;
  liveness?: Liveness;
  livenessDetail?: string;
}

export interface SuppressedFinding {
  ruleId: string;
  path: string;
  line: number;
  fingerprint: string;
  reason: 'inline' | 'baseline';
}

export interface SkippedInput {
  path: string;
  reason: string;
}

/** The raw value behind a finding's fingerprint: held in memory only until verification ends. */
export interface HeldSecret {
  secret: string;
  projectHint?: string;
}
