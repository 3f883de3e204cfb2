import { defineCheck } from '../../core/check.js';
import { daysBetween, eachSection, UNREADABLE } from '../live/sections.js';
import { keyLocation, keyRef, matchKeys } from './match.js';

/** An expiry is the rotation deadline that holds even when nobody remembers the key. */
export const expirySet = defineCheck({
  meta: {
    id: 'keys/expiry-set',
    title: 'Service keys expire within the policy\'s expiry period',
    severity: 'medium',
    risk: 'A service key without expiry stays valid for ever after a leak or after the service is gone; one that expires years away is no better.',
    remediation: 'Rotate the key with `appwrite-secops keys rotate SERVICE --env ENV`: the replacement expires keys.expiryDays after creation. Or set an expiry on the key (PUT /v1/project/keys/{keyId} with `expire`).',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.lifecycle'],
  },
  needs: ['appwrite-live', 'keys-policy'],
  messages: {
    noExpiry: '{{env}}: key "{{name}}" of service {{service}} never expires.',
    tooLong: '{{env}}: key "{{name}}" of service {{service}} is valid for {{days}} days; the policy allows {{max}}.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': live, 'keys-policy': policy }, { report }) {
    eachSection(live, 'keys', report, (env, keys) => {
      for (const s of matchKeys(policy, env, keys).services) {
        for (const k of s.keys.slice(0, 1)) {
          const base = { resource: keyRef(k), location: keyLocation(env, k.id), evidence: { secret: k.secretPreview, expire: k.expire, createdAt: k.createdAt } };
          const data = { env: env.environment, name: k.name, service: s.service.service };
          if (!k.expire) {
            if (s.service.requireExpiry) report({ ...base, messageId: 'noExpiry', data, key: 'none' });
            continue;
          }
          const days = daysBetween(k.createdAt, new Date(k.expire));
          // One day of slack: expiries are often set as a date, created at some time of day.
          if (days > s.service.expiryDays + 1) report({ ...base, messageId: 'tooLong', data: { ...data, days, max: s.service.expiryDays }, severity: 'low', key: 'long' });
        }
      }
    });
  },
});
