import { defineCheck } from '../../core/check.js';
import '../../collectors/secrets/schema.js';
import { inFamily, reportSecretFindings, SECRET_MESSAGES } from '../../secrets/report.js';

export const noPrivateKeys = defineCheck({
  meta: {
    id: 'secrets/no-private-keys',
    title: 'No private key (PEM) is committed to the repository',
    severity: 'high',
    risk: 'A committed private key lets anyone impersonate the server or identity it belongs to, or decrypt what was encrypted for it.',
    remediation: 'Revoke and reissue the key pair (certificate, SSH or signing key), keep the new private key in a secret store, and commit only the public half.',
    references: ['https://owasp.org/www-project-top-ten/2017/A3_2017-Sensitive_Data_Exposure'],
    controls: ['secrets.not-committed'],
  },
  needs: ['secrets'],
  messages: SECRET_MESSAGES,
  run({ secrets }, { report }) {
    reportSecretFindings(secrets, inFamily('private-key'), report);
  },
});
