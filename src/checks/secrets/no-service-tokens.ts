import { defineCheck } from '../../core/check.js';
import '../../collectors/secrets/schema.js';
import { inFamily, reportSecretFindings, SECRET_MESSAGES } from '../../secrets/report.js';

export const noServiceTokens = defineCheck({
  meta: {
    id: 'secrets/no-service-tokens',
    title: 'No GitHub, Slack, Stripe or npm token is committed to the repository',
    severity: 'high',
    risk: 'Service tokens act as the account that created them: pushing code, publishing packages, reading messages or moving money.',
    remediation: 'Revoke the token in the service (GitHub settings, Slack app config, Stripe dashboard, npm access tokens), issue a new one with the least scope, and load it from CI secrets or the environment.',
    references: ['https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation', 'https://docs.npmjs.com/revoking-access-tokens'],
    controls: ['secrets.not-committed'],
  },
  needs: ['secrets'],
  messages: SECRET_MESSAGES,
  run({ secrets }, { report }) {
    reportSecretFindings(secrets, inFamily('service-token'), report);
  },
});
