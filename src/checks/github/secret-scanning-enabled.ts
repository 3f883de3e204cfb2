import { settingCheck } from './setting-check.js';

export const secretScanningEnabled = settingCheck(
  {
    id: 'github/secret-scanning-enabled',
    title: 'GitHub secret scanning is on',
    severity: 'high',
    risk: 'Without secret scanning, an Appwrite key or cloud credential pushed to the repository is not reported to you, while public scrapers find it within minutes.',
    remediation: 'Enable it under Settings > Code security > Secret scanning (free for public repositories; GitHub Secret Protection for private ones).',
    references: ['https://docs.github.com/en/code-security/secret-scanning/enabling-secret-scanning-features/enabling-secret-scanning-for-your-repository'],
    controls: ['repository.secret-scanning'],
  },
  'secretScanning',
  'secret scanning',
);
