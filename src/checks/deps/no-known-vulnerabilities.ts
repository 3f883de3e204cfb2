import { defineCheck, type Evidence } from '../../core/check.js';
import { depsConfigOf } from '../../deps/settings.js';
import type { Vulnerability } from '../../deps/model.js';
import { remedyFor } from '../../deps/remediation.js';
import { slaStatus } from '../../deps/sla.js';
import '../../collectors/advisories/schema.js';

export const noKnownVulnerabilities = defineCheck({
  meta: {
    id: 'deps/no-known-vulnerabilities',
    title: 'No locked dependency has a known vulnerability past policy',
    severity: 'high',
    risk: 'A dependency with a published advisory is a known way in: exploits for npm advisories circulate within days, and the fix is usually a version bump.',
    remediation: 'Upgrade to the fixed version given for each finding (smallest change first); when no fix exists, replace the package or record an exception with an owner and an expiry.',
    references: ['https://osv.dev', 'https://docs.npmjs.com/auditing-package-dependencies-for-security-vulnerabilities'],
    controls: ['supply-chain.vulnerabilities', 'program.sla'],
  },
  needs: ['advisories'],
  messages: {
    vulnerable: '{{package}} {{version}} ({{scope}}) has {{id}}: {{summary}}. {{fix}} Due {{due}} ({{daysLeft}} days left of the {{slaDays}}-day {{baseSeverity}} SLA, from {{basis}}). Reported by {{sources}}.',
    overdue: '{{package}} {{version}} ({{scope}}) has {{id}}: {{summary}}. {{fix}} OVERDUE: due {{due}}, {{overdueDays}} days past the {{slaDays}}-day {{baseSeverity}} SLA (from {{basis}}); escalated to {{severity}}. Reported by {{sources}}.',
    vulnerableNoSla: '{{package}} {{version}} ({{scope}}) has {{id}}: {{summary}}. {{fix}} Reported by {{sources}}.',
    sourceFailed: 'Could not tell: the {{source}} source failed ({{origin}}): {{message}}',
    lockfileUnreadable: 'Could not tell: {{path}} was not checked: {{message}}',
    unevaluated: 'Could not tell whether {{package}} {{version}} is affected by {{id}}: {{reason}}.',
  },
  run({ advisories }, { report, config, now }) {
    const cfg = depsConfigOf(config);
    const policy = { days: cfg.sla, escalation: cfg.escalateOverdue };
    for (const s of advisories.sources.filter((x) => !x.ok)) {
      report({ messageId: 'sourceFailed', status: 'error', data: { source: s.source, origin: s.origin, message: s.message ?? 'unknown error' }, resource: { type: 'advisory-source', id: s.origin }, key: s.source });
    }
    for (const f of advisories.lockfileFailures) {
      report({ messageId: 'lockfileUnreadable', status: 'error', data: { path: f.path, message: f.message }, location: { path: f.path, ...(f.line ? { line: f.line } : {}) }, resource: { type: 'lockfile', id: f.path } });
    }
    for (const u of advisories.unevaluated) {
      report({ messageId: 'unevaluated', status: 'error', data: { package: u.package, version: u.version, id: u.advisory, reason: u.reason }, location: u.location, resource: { type: 'package', id: u.package }, key: `unevaluated|${u.advisory}` });
    }
    for (const v of advisories.vulnerabilities) {
      if (advisories.prodOnly && v.dev) continue;
      const base = v.severity ?? cfg.unratedSeverity;
      const sla = slaStatus(base, { firstSeen: v.firstSeen, published: v.published }, now, policy);
      const remedy = remedyFor(v);
      const version = v.versions.join(', ') || 'unknown version';
      const data = {
        package: v.package,
        version,
        scope: `${v.dev ? 'dev' : 'prod'}, ${v.direct ? 'direct' : `via ${v.path.slice(0, -1).join(' > ') || 'unknown path'}`}`,
        id: v.id,
        summary: (v.summary ?? 'no summary').replace(/\.$/, ''),
        fix: remedy.fixedIn ? `Fixed in ${remedy.fixedIn}.` : v.fixAvailable ? `npm suggests ${v.fixAvailable.name} ${v.fixAvailable.version}.` : v.versions.length === 0 ? 'Installed version unknown (no lockfile lists it).' : 'No fix published.',
        baseSeverity: base,
        sources: v.sources.join(', '),
        severity: sla?.severity ?? base,
        ...(sla ? { due: sla.due, daysLeft: sla.daysLeft, overdueDays: -sla.daysLeft, slaDays: policy.days[base as keyof typeof policy.days] ?? 0, basis: sla.basis === 'this run' ? 'this run (no first-seen or publication date)' : `${sla.basis} ${sla.start.slice(0, 10)}` } : {}),
      };
      report({
        messageId: !sla ? 'vulnerableNoSla' : sla.overdue ? 'overdue' : 'vulnerable',
        data,
        severity: sla?.severity ?? base,
        resource: { type: 'package', id: v.package, name: `${v.package}@${v.versions[0] ?? ''}` },
        location: v.location,
        key: v.id,
        aliases: v.aliases,
        remediation: remedy.text,
        evidence: evidenceOf(v, remedy, base, sla),
      });
    }
  },
});

function evidenceOf(v: Vulnerability, remedy: ReturnType<typeof remedyFor>, base: string, sla: ReturnType<typeof slaStatus>): Evidence {
  const e: Evidence = {
    advisory: v.id,
    aliases: v.aliases.join(', '),
    package: v.package,
    installed: v.versions.join(', '),
    fixedIn: remedy.fixedIn ?? null,
    fixKind: remedy.kind,
    direct: remedy.direct?.name ?? null,
    directVersion: remedy.direct?.version ?? null,
    directSpec: remedy.direct?.spec ?? null,
    directTarget: remedy.directTarget ?? null,
    blockedBy: remedy.blockedBy ?? null,
    dependencyPath: v.path.join(' > '),
    dev: v.dev,
    sources: v.sources.join(', '),
    baseSeverity: base,
    severitySource: v.severitySource ?? 'unrated (dependencies.unratedSeverity)',
    cvss: v.cvss?.vector ?? null,
    cvssScore: v.cvss?.score ?? null,
    published: v.published ?? null,
    firstSeen: v.firstSeen ?? null,
  };
  if (sla) Object.assign(e, { slaBasis: sla.basis, due: sla.due, daysLeft: sla.daysLeft, overdue: sla.overdue });
  return e;
}
