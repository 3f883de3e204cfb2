import { settingCheck } from './setting-check.js';

export const pushProtectionEnabled = settingCheck(
  {
    id: 'github/push-protection-enabled',
    title: 'Secret scanning push protection blocks pushes that contain secrets',
    severity: 'medium',
    risk: 'Scanning after the push means the secret is already in history and must be rotated; push protection stops it before it lands.',
    remediation: 'Enable push protection under Settings > Code security > Secret scanning > Push protection.',
    references: ['https://docs.github.com/en/code-security/secret-scanning/enabling-secret-scanning-features/enabling-push-protection-for-your-repository'],
    controls: ['repository.secret-scanning'],
  },
  'pushProtection',
  'push protection',
);
