import { defineCheck } from '../../core/check.js';
import { apiLocation, daysBetween, eachSection, UNREADABLE } from './sections.js';

/** Expired keys no longer work, but they clutter the inventory and hide which keys are live. */
export const noExpiredKeys = defineCheck({
  meta: {
    id: 'live/no-expired-keys',
    title: 'Expired API keys and dev keys are deleted',
    severity: 'low',
    risk: 'Expired keys left in place make the key inventory unreliable: reviews miss live keys among dead ones, and someone may "fix" an outage by extending an old key instead of rotating.',
    remediation: 'Delete expired keys (DELETE /v1/project/keys/{keyId}) once nothing uses them; deploy their replacements first.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.lifecycle'],
  },
  needs: ['appwrite-live'],
  messages: {
    expired: '{{env}}: {{kind}} "{{name}}" expired {{days}} day(s) ago and is still present.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report, now }) {
    for (const part of ['keys', 'devKeys'] as const) {
      eachSection(facts, part, report, (s, keys) => {
        for (const k of keys) {
          if (!k.expire || new Date(k.expire).getTime() > now.getTime()) continue;
          report({
            messageId: 'expired',
            data: { env: s.environment, kind: part === 'keys' ? 'API key' : 'dev key', name: k.name, days: daysBetween(k.expire, now) },
            resource: { type: part === 'keys' ? 'api-key' : 'dev-key', id: k.id, name: k.name },
            location: apiLocation(s, part === 'keys' ? `/project/keys/${k.id}` : `/projects/${s.projectId}/dev-keys/${k.id}`),
            key: part,
            evidence: { secret: k.secretPreview, expire: k.expire },
          });
        }
      });
    }
  },
});
