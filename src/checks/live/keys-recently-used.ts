import { defineCheck } from '../../core/check.js';
import { liveConfigOf } from '../../live/settings.js';
import { apiLocation, daysBetween, eachSection, UNREADABLE } from './sections.js';

const DAY = 86_400_000;

/**
 * A key nobody uses is pure risk. Appwrite updates `accessedAt` at most once per 24 hours, so a key is
 * only called unused when its last recorded use is older than the policy plus that day of slack.
 */
export const keysRecentlyUsed = defineCheck({
  meta: {
    id: 'live/keys-recently-used',
    title: 'Every API key has been used within the unused-key policy',
    severity: 'low',
    risk: 'Unused keys still grant their scopes to whoever finds them, and nobody notices when they leak because nothing breaks when they are revoked.',
    remediation: 'Delete keys that are no longer used (after confirming with their owner), or raise live.keys.maxUnusedDays for keys used rarely by design (break-glass, yearly jobs).',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.lifecycle'],
  },
  needs: ['appwrite-live'],
  messages: {
    neverUsed: '{{env}}: API key "{{name}}" was created {{days}} days ago and has never been used.',
    unused: '{{env}}: API key "{{name}}" was last used {{days}} days ago (policy: {{max}} days).',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report, config, now }) {
    const max = liveConfigOf(config).live.keys.maxUnusedDays;
    eachSection(facts, 'keys', report, (s, keys) => {
      for (const k of keys) {
        // Expired keys are live/no-expired-keys' business.
        if (k.expire && new Date(k.expire).getTime() <= now.getTime()) continue;
        const base = { resource: { type: 'api-key', id: k.id, name: k.name }, location: apiLocation(s, `/project/keys/${k.id}`), evidence: { secret: k.secretPreview, accessedAt: k.accessedAt, createdAt: k.createdAt } };
        if (!k.accessedAt) {
          if (now.getTime() - new Date(k.createdAt).getTime() > max * DAY) report({ ...base, messageId: 'neverUsed', data: { env: s.environment, name: k.name, days: daysBetween(k.createdAt, now) }, key: 'never' });
        } else if (now.getTime() - new Date(k.accessedAt).getTime() > (max + 1) * DAY) {
          report({ ...base, messageId: 'unused', data: { env: s.environment, name: k.name, days: daysBetween(k.accessedAt, now), max }, key: 'unused' });
        }
      }
    });
  },
});
