import { defineCheck } from '../../core/check.js';
import '../../collectors/secrets/schema.js';
import { inFamily, reportSecretFindings, SECRET_MESSAGES } from '../../secrets/report.js';

export const noAppwriteServerSecrets = defineCheck({
  meta: {
    id: 'secrets/no-appwrite-server-secrets',
    title: 'No Appwrite server secret (_APP_OPENSSL_KEY_V1, executor secret, database password, webhook signature key) is committed',
    severity: 'critical',
    risk: '_APP_OPENSSL_KEY_V1 encrypts stored secrets and signs JWTs and ephemeral keys: with it anyone can mint scoped API keys. The executor secret lets a caller run code on the executor; database passwords open the data directly.',
    remediation: 'Keep these values only in the deployment .env (untracked), rotate every value that was committed (for _APP_OPENSSL_KEY_V1 follow the key-rotation procedure: encrypted data must be re-encrypted), and commit a .env.example with placeholders instead.',
    references: ['https://appwrite.io/docs/advanced/self-hosting/production/security'],
    controls: ['secrets.not-committed'],
  },
  needs: ['secrets'],
  messages: SECRET_MESSAGES,
  run({ secrets }, { report }) {
    reportSecretFindings(secrets, inFamily('appwrite-server'), report);
  },
});
