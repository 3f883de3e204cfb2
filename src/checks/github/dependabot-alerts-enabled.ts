import { settingCheck } from './setting-check.js';

export const dependabotAlertsEnabled = settingCheck(
  {
    id: 'github/dependabot-alerts-enabled',
    title: 'Dependabot alerts are on',
    severity: 'high',
    risk: 'Known vulnerabilities in dependencies are not reported for the default branch, so nobody starts the remediation clock.',
    remediation: 'Enable Dependabot alerts under Settings > Code security (requires the dependency graph).',
    references: ['https://docs.github.com/en/code-security/dependabot/dependabot-alerts/configuring-dependabot-alerts'],
    controls: ['repository.dependabot', 'dependencies.audit-in-ci'],
  },
  'dependabotAlerts',
  'Dependabot alerts',
);
