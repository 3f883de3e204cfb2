import { settingCheck } from './setting-check.js';

export const dependabotSecurityUpdates = settingCheck(
  {
    id: 'github/dependabot-security-updates',
    title: 'Dependabot security updates open fix pull requests',
    severity: 'medium',
    risk: 'Alerts without automatic fix pull requests wait for someone to act; severity SLAs are missed.',
    remediation: 'Enable Dependabot security updates under Settings > Code security.',
    references: ['https://docs.github.com/en/code-security/dependabot/dependabot-security-updates/configuring-dependabot-security-updates'],
    controls: ['repository.dependabot'],
  },
  'dependabotSecurityUpdates',
  'Dependabot security updates',
);
