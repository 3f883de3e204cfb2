import type { AdvisoriesFacts } from '../../deps/model.js';
import type { FirstSeenProvider } from '../../deps/sla.js';

export type { AdvisoriesFacts, FirstSeenProvider };

declare module '../../core/facts.js' {
  interface Facts {
    /** Vulnerabilities of the locked packages, merged across every advisory source that ran. */
    advisories: AdvisoriesFacts;
  }
}

declare module '../../core/collector.js' {
  interface AuditInputs {
    /** `--audit-json FILE` (repeatable): saved output of npm/pnpm/yarn/bun audit --json; format detected. */
    auditJson?: string[];
    /** `--osv-scanner-json FILE` (repeatable): saved `osv-scanner --format json` output. */
    osvScannerJson?: string[];
    /** `--osv-db PATH`: offline OSV database (folder of OSV JSON records, or the npm all.zip). */
    osvDb?: string;
    /** `--osv-api URL`: OSV API base URL; giving it turns online queries on. */
    osvApi?: string;
    /** Query the OSV API (the `deps` command sets this unless --offline; `audit` follows config). */
    osvOnline?: boolean;
    /** `--run-audit`: run the package manager's own audit next to each lockfile. */
    runAudit?: boolean;
    /** `--prod-only`: judge only packages production code can load. */
    prodOnly?: boolean;
    /** The evidence store's first-seen dates, for SLAs (issue 6). */
    firstSeen?: FirstSeenProvider;
    /** Environment for --run-audit (PATH); defaults to the process environment. */
    auditEnv?: NodeJS.ProcessEnv;
  }
}
