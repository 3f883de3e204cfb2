import { defineCheck } from '../../core/check.js';
import '../../collectors/secrets/schema.js';
import { inFamily, reportSecretFindings, SECRET_MESSAGES } from '../../secrets/report.js';

export const noAppwriteKeys = defineCheck({
  meta: {
    id: 'secrets/no-appwrite-keys',
    title: 'No Appwrite API, ephemeral or dev key is committed to the repository',
    severity: 'critical',
    risk: 'An Appwrite project key bypasses every document and row permission; anyone who reads the repository can read, change or delete the data its scopes cover.',
    remediation: 'Delete the key in the Appwrite console (Project > Integrations > API keys) or with the Keys API, create a new one with only the scopes the code needs, and load it from a server-side secret store or environment variable.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys', 'https://appwrite.io/docs/advanced/platform/api-keys'],
    controls: ['secrets.not-committed'],
  },
  needs: ['secrets'],
  messages: SECRET_MESSAGES,
  run({ secrets }, { report }) {
    reportSecretFindings(secrets, inFamily('appwrite-key'), report);
  },
});
