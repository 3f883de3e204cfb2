import type { ScanSource } from '../../secrets/types.js';
import type { SecretScanResult } from '../../secrets/scan.js';

/** The secret scan of the audited folder: redacted findings, fingerprints and what was not scanned. */
export type SecretsFacts = SecretScanResult;

export interface SecretScanInput {
  /** A file or folder inside the workspace to scan instead of the whole workspace. */
  target?: string;
  /** `tree` (default), `history`, `staged` or `stdin`. */
  mode?: ScanSource;
  /** The text to scan in `stdin` mode (read by the CLI). */
  stdinText?: string;
  stdinPath?: string;
  /** Baseline file; overrides `secrets.baseline`. */
  baseline?: string;
  /** Apply no baseline at all, not even the config's (`--write-baseline` records everything). */
  ignoreBaseline?: boolean;
  /** Extra exclude globs (`--exclude`), added to `secrets.exclude`. */
  exclude?: string[];
  /** `audit --secrets-history`: also scan every reachable commit (like `secrets.history: true`). */
  history?: boolean;
  /** Set by the `secrets` command: answer even for a folder with no files (an audit reports it absent). */
  explicit?: boolean;
  /** Test Appwrite keys against `secrets.verify.endpoint` (`--verify`). */
  verify?: boolean;
}

declare module '../../core/facts.js' {
  interface Facts {
    secrets: SecretsFacts;
  }
}

declare module '../../core/collector.js' {
  interface AuditInputs {
    /** Options of the secret scan (`appwrite-secops secrets` flags, or the audit's). */
    secretScan?: SecretScanInput;
  }
}
