import { envVarSpec } from '../../appwrite/env-vars.js';
import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, locationOf } from './settings.js';

const DAY = 86_400;
/** Project audit logs, and (since 1.6.2) the console's own audit log of admin actions. */
const NAMES = ['_APP_MAINTENANCE_RETENTION_AUDIT', '_APP_MAINTENANCE_RETENTION_AUDIT_CONSOLE'] as const;

export const auditRetentionSufficient = defineCheck({
  meta: {
    id: 'selfhost/audit-retention-sufficient',
    title: 'Audit logs are kept as long as the evidence policy requires, or mirrored elsewhere',
    severity: 'medium',
    risk: 'Appwrite deletes project audit logs after _APP_MAINTENANCE_RETENTION_AUDIT seconds (default 1209600 = 14 days). An incident found later than that has no trail of who did what, and audits that ask for months of evidence fail. The check compares with evidence.retentionDays in the config.',
    remediation: 'Raise _APP_MAINTENANCE_RETENTION_AUDIT (seconds) to at least evidence.retentionDays × 86400, or mirror the logs to a store you control (`appwrite-secops` evidence store or a SIEM) and declare it under evidence.mirror in appwrite-secops.yaml.',
    references: [DOCS.envVars],
    controls: ['hardening.audit-retention'],
  },
  needs: ['selfhost-env'],
  messages: {
    short: '{{name}} keeps audit logs for {{days}} days{{note}}; the evidence policy asks for {{target}} days and no mirror is configured.',
    invalid: '{{name}} is "{{value}}", not a number of seconds; Appwrite reads it as 0 and deletes audit logs at every maintenance run.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report, config }) {
    if (config.evidence.mirror) return;
    const target = config.evidence.retentionDays;
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      for (const name of NAMES) {
        const s = d.settings[name];
        if (s?.fromEnvironment) {
          report(fromEnvironmentReport(s));
          continue;
        }
        const raw = s && s.value.trim() !== '' ? s.value.trim() : undefined;
        if (raw !== undefined && !/^\d+$/.test(raw)) {
          report({ messageId: 'invalid', data: { name, value: raw.slice(0, 40) }, resource: envResource(name), location: s!.location, severity: 'high' });
          continue;
        }
        const seconds = Number(raw ?? envVarSpec(name)?.default ?? '0');
        if (seconds >= target * DAY) continue;
        report({
          messageId: 'short',
          data: { name, days: Math.round((seconds / DAY) * 10) / 10, note: raw === undefined ? ' (unset: the default)' : '', target },
          resource: envResource(name),
          location: locationOf(d, name),
          evidence: { seconds, targetDays: target },
        });
      }
    }
  },
});
