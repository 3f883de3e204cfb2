import { defineCheck } from '../../core/check.js';
import { eachSection, UNREADABLE } from '../live/sections.js';
import { keyLocation, matchKeys } from './match.js';

/** A service without its own key borrows another one: the boundary the policy draws is not there. */
export const serviceKeysPresent = defineCheck({
  meta: {
    id: 'keys/service-keys-present',
    title: 'Every service has its own API key in each environment it runs in',
    severity: 'medium',
    risk: 'A service with no key of its own runs on someone else\'s key (or a shared admin key): its access cannot be limited, audited or rotated on its own.',
    remediation: 'Create the key with `appwrite-secops keys create --service SERVICE --env ENV --sink ...`, deploy it, and retire whatever key the service used before.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.isolation'],
  },
  needs: ['appwrite-live', 'keys-policy'],
  messages: {
    missing: '{{env}}: service {{service}} has no API key named "{{name}}".',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': live, 'keys-policy': policy }, { report }) {
    eachSection(live, 'keys', report, (env, keys) => {
      for (const s of matchKeys(policy, env, keys).services) {
        if (s.keys.length > 0) continue;
        report({
          messageId: 'missing',
          data: { env: env.environment, service: s.service.service, name: s.name },
          resource: { type: 'key-policy-service', id: `${env.environment}:${s.service.service}`, name: s.service.service },
          location: keyLocation(env),
          evidence: { expectedName: s.name, environment: env.environment },
        });
      }
    });
  },
});
