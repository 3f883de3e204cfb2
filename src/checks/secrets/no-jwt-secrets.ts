import { defineCheck } from '../../core/check.js';
import '../../collectors/secrets/schema.js';
import { inFamily, reportSecretFindings, SECRET_MESSAGES } from '../../secrets/report.js';

export const noJwtSecrets = defineCheck({
  meta: {
    id: 'secrets/no-jwt-secrets',
    title: 'No JWT signing secret is committed to the repository',
    severity: 'high',
    risk: 'Whoever knows the signing secret can forge tokens for any user or role the application trusts.',
    remediation: 'Generate a new random signing secret (32 bytes or more) held only in the environment or a secret manager, and rotate it: every token signed with the old one stays valid until it expires.',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html'],
    controls: ['secrets.not-committed'],
  },
  needs: ['secrets'],
  messages: SECRET_MESSAGES,
  run({ secrets }, { report }) {
    reportSecretFindings(secrets, inFamily('jwt'), report);
  },
});
