import { defineCollector } from '../../core/collector.js';
import { depsConfigOf } from '../../deps/settings.js';
import type { Vulnerability } from '../../deps/model.js';
import type { FirstSeenProvider } from '../../deps/sla.js';
import { loadLockfiles } from '../lockfiles/load.js';
import { plannedSources } from './plan.js';
import './schema.js';

/**
 * Fact `advisories`: runs every configured advisory source (audit outputs, OSV-Scanner output, the
 * offline OSV database, the OSV API, the package managers' own audits), merges the same vulnerability
 * across sources by alias, and matches it against every locked package. A source that fails is kept
 * in `sources` with ok=false: the check turns it into "could not tell" (exit 3).
 */
export const advisoriesCollector = defineCollector({
  key: 'advisories',
  description: 'dependency advisories (npm/pnpm/yarn/bun audit output, OSV database or API, OSV-Scanner output)',
  async collect(ctx) {
    const cfg = depsConfigOf(ctx.config);
    const prodOnly = ctx.inputs.prodOnly ?? cfg.prodOnly;
    const locks = await loadLockfiles(ctx);
    const plan = plannedSources(ctx, cfg);
    const hasSource = plan.auditJson.length > 0 || plan.osvScannerJson.length > 0 || !!plan.osvDb || !!plan.osvApi || plan.runAudit;
    if (!hasSource) {
      return {
        state: 'absent',
        reason: 'no advisory source: pass --osv-db PATH, --osv-api URL, --audit-json FILE, --osv-scanner-json FILE or --run-audit (or set dependencies.osv.online)',
      };
    }
    if (locks.lockfiles.length === 0 && locks.failures.length === 0 && plan.auditJson.length === 0 && plan.osvScannerJson.length === 0) {
      return { state: 'absent', reason: 'no lockfile to check (package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml or bun.lock)' };
    }
    // The sources, the OSV client and the matcher load only when there is something to match.
    const [{ collectSources, lockedPackages }, { matchVulnerabilities, mergeAdvisories }] = await Promise.all([import('./sources.js'), import('../../deps/match.js')]);
    const { advisories, status } = await collectSources(ctx, cfg, locks, prodOnly);
    const merged = mergeAdvisories(advisories);
    const { vulnerabilities, unevaluated } = matchVulnerabilities(locks.lockfiles, merged);
    if (ctx.inputs.firstSeen) await addFirstSeen(vulnerabilities, ctx.inputs.firstSeen);
    return {
      state: 'ok',
      value: {
        sources: status,
        vulnerabilities,
        unevaluated,
        lockfileFailures: locks.failures,
        prodOnly,
        packagesChecked: lockedPackages(locks, prodOnly).length,
      },
    };
  },
});

/** The earliest first-seen date the store has for the finding, or for this package under any id or alias. */
async function addFirstSeen(vulns: Vulnerability[], provider: FirstSeenProvider): Promise<void> {
  const { advisoryKey, vulnerabilityFingerprint } = await import('../../deps/sla.js');
  for (const v of vulns) {
    const keys = [vulnerabilityFingerprint(v), ...v.aliases.map((id) => advisoryKey(v.package, id))];
    const dates = await Promise.all(keys.map((k) => provider.firstSeen(k)));
    const earliest = dates.filter((d): d is Date => d instanceof Date && !Number.isNaN(d.getTime())).sort((a, b) => a.getTime() - b.getTime())[0];
    if (earliest) v.firstSeen = earliest.toISOString();
  }
}
