import { isAppwriteVarName, isPlaceholderValue, isSecretVarName } from '../../appwrite/env-vars.js';
import { looksLikeSecretValue } from '../../collectors/selfhost-env/secret-values.js';
import { defineCheck } from '../../core/check.js';
import { redactSecret } from '../../core/redact.js';
import { DOCS, envResource, secretStrength } from './settings.js';

export const templateSecretsEmpty = defineCheck({
  meta: {
    id: 'selfhost/template-secrets-empty',
    title: 'Env templates leave Appwrite secrets empty and hold no real secret',
    severity: 'medium',
    risk: 'Templates (.env.example, .env.dist, …) are copied to make real .env files. The Appwrite installer only generates a secret when its value is empty, so a template that ships "your-secret-key" or "password" puts that public value into every installation made from it. A real secret in a template is published with the repository.',
    remediation: 'In templates, leave Appwrite secrets empty (`_APP_OPENSSL_KEY_V1=`) with a comment on how to generate them (`openssl rand -hex 32`). Replace any real value with an empty one and rotate the secret it exposed.',
    references: [DOCS.security, DOCS.envVars],
    controls: ['hardening.secrets'],
  },
  needs: ['selfhost-env'],
  messages: {
    placeholder: '{{path}} ships a default value for {{name}}; installations copied from it keep that value instead of generating one.',
    realValue: '{{path}} holds what looks like a real secret in {{name}}; templates are published with the repository.',
  },
  run(facts, { report }) {
    for (const f of facts['selfhost-env'].files) {
      if (f.kind !== 'template') continue;
      for (const e of f.entries) {
        if (e.inherited || e.fromEnvironment || e.value.trim() === '' || !isSecretVarName(e.key)) continue;
        const location = { path: f.path, line: e.line, column: e.column };
        const strong = !isPlaceholderValue(e.value) && (secretStrength(e.value, 16).ok || looksLikeSecretValue(e.value));
        if (strong) {
          report({ messageId: 'realValue', data: { path: f.path, name: e.key }, resource: envResource(e.key), location, severity: 'high', evidence: { value: redactSecret(e.value), tracked: f.tracked } });
        } else if (isAppwriteVarName(e.key)) {
          report({ messageId: 'placeholder', data: { path: f.path, name: e.key }, resource: envResource(e.key), location });
        }
      }
    }
  },
});
