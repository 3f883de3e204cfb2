import { isPlaceholderValue, placeholderDefaultOf } from '../../appwrite/env-vars.js';
import { defineCheck } from '../../core/check.js';
import { redactSecret } from '../../core/redact.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, secretStrength, unsetLocation } from './settings.js';

const NAME = '_APP_OPENSSL_KEY_V1';

export const opensslKeyStrong = defineCheck({
  meta: {
    id: 'selfhost/openssl-key-strong',
    title: '_APP_OPENSSL_KEY_V1 is set to a long, random, private value',
    severity: 'critical',
    risk:
      'Appwrite encrypts secrets at rest (webhook and SMTP passwords, OAuth secrets, API keys, sessions, storage files) with _APP_OPENSSL_KEY_V1 and signs JWTs and ephemeral API keys with it. Anyone who knows the value (the shipped placeholder "your-secret-key" is public) can decrypt that data and mint API keys with any scopes for any project.',
    remediation:
      'Before go-live, set _APP_OPENSSL_KEY_V1 to at least 32 random characters (e.g. `openssl rand -hex 32`) and restart. Never rotate it casually: Appwrite cannot re-encrypt existing data, so changing it on a running instance makes stored secrets, API keys and sessions unreadable; plan a migration if it leaked. Keep the exact value in your backup with the database dump (restores need it) and out of version control.',
    references: [DOCS.security, DOCS.backups, DOCS.envVars],
    controls: ['hardening.secrets'],
  },
  needs: ['selfhost-env'],
  messages: {
    missing: '_APP_OPENSSL_KEY_V1 is not set; Appwrite then encrypts with an empty key.',
    placeholder: '_APP_OPENSSL_KEY_V1 is the placeholder "{{placeholder}}", which is public.',
    weak: '_APP_OPENSSL_KEY_V1 is {{why}} ({{length}} characters, {{bits}} bits of entropy per character); it can be guessed.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      const resource = envResource(NAME);
      if (!s || (s.value === '' && !s.fromEnvironment)) {
        report({ messageId: 'missing', resource, location: s?.location ?? unsetLocation(d), evidence: { deployment: d.id } });
        continue;
      }
      if (s.fromEnvironment) {
        report(fromEnvironmentReport(s));
        continue;
      }
      if (isPlaceholderValue(s.value)) {
        const known = s.value === placeholderDefaultOf(NAME) ? s.value : 'a template placeholder';
        report({ messageId: 'placeholder', data: { placeholder: known }, resource, location: s.location, evidence: { value: redactSecret(s.value), source: s.origin } });
        continue;
      }
      const strength = secretStrength(s.value);
      if (!strength.ok) {
        report({
          messageId: 'weak',
          data: { why: strength.reason === 'short' ? 'short' : 'low in entropy', length: strength.length, bits: strength.bitsPerChar },
          resource,
          location: s.location,
          evidence: { value: redactSecret(s.value), length: strength.length, distinctCharacters: strength.distinct },
        });
      }
    }
  },
});
