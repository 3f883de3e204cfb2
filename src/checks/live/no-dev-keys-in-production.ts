import { defineCheck } from '../../core/check.js';
import { apiLocation, eachSection, UNREADABLE } from './sections.js';

/** Dev keys bypass rate limits and relax origin checks: development only, by Appwrite's own word. */
export const noDevKeysInProduction = defineCheck({
  meta: {
    id: 'live/no-dev-keys-in-production',
    title: 'Production projects have no live dev keys',
    severity: 'high',
    risk: 'A dev key skips abuse limits and loosens hostname/CORS checks for whoever sends it; in production that turns off brute-force protection for its holder.',
    remediation: 'Delete the dev keys of production projects (Console > Overview > Dev keys); use them only in development projects.',
    references: ['https://appwrite.io/docs/advanced/security/dev-keys'],
    controls: ['keys.lifecycle', 'hardening.project'],
  },
  needs: ['appwrite-live'],
  messages: {
    devKey: '{{env}}: production project has dev key "{{name}}" (expires {{expire}}).',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report, now }) {
    eachSection({ environments: facts.environments.filter((e) => e.production) }, 'devKeys', report, (s, keys) => {
      for (const k of keys) {
        if (k.expire && new Date(k.expire).getTime() <= now.getTime()) continue;
        report({
          messageId: 'devKey',
          data: { env: s.environment, name: k.name, expire: k.expire ?? 'never' },
          resource: { type: 'dev-key', id: k.id, name: k.name },
          location: apiLocation(s, `/projects/${s.projectId}/dev-keys/${k.id}`),
          evidence: { secret: k.secretPreview, expire: k.expire },
        });
      }
    });
  },
});
