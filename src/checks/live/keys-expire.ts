import { defineCheck } from '../../core/check.js';
import { liveConfigOf } from '../../live/settings.js';
import { apiLocation, daysBetween, eachSection, UNREADABLE } from './sections.js';

/** A key that never expires stays valid after whoever held it has gone; rotation needs a deadline. */
export const keysExpire = defineCheck({
  meta: {
    id: 'live/keys-expire',
    title: 'Every API key has an expiry date within the key lifetime policy',
    severity: 'medium',
    risk: 'A key without expiry (or with one years away) stays usable for ever once leaked or forgotten in a former colleague\'s script.',
    remediation: 'Set an expiry on each key (Console > Overview > Integrations > API keys, or PUT /v1/project/keys/{keyId} with `expire`) no further than live.keys.maxLifetimeDays from its creation, and rotate before it.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.lifecycle'],
  },
  needs: ['appwrite-live'],
  messages: {
    noExpiry: '{{env}}: API key "{{name}}" never expires.',
    tooLong: '{{env}}: API key "{{name}}" is valid for {{days}} days, beyond the {{max}}-day lifetime policy.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report, config }) {
    const max = liveConfigOf(config).live.keys.maxLifetimeDays;
    eachSection(facts, 'keys', report, (s, keys) => {
      for (const k of keys) {
        const base = { resource: { type: 'api-key', id: k.id, name: k.name }, location: apiLocation(s, `/project/keys/${k.id}`), evidence: { secret: k.secretPreview, expire: k.expire, createdAt: k.createdAt } };
        if (!k.expire) report({ ...base, messageId: 'noExpiry', data: { env: s.environment, name: k.name }, key: 'no-expiry' });
        else {
          const days = daysBetween(k.createdAt, new Date(k.expire));
          if (days > max) report({ ...base, messageId: 'tooLong', data: { env: s.environment, name: k.name, days, max }, severity: 'low', key: 'too-long' });
        }
      }
    });
  },
});
