import { defineCheck } from '../../core/check.js';
import { daysBetween, eachSection, UNREADABLE } from '../live/sections.js';
import { keyLocation, keyRef, matchKeys } from './match.js';

/** Appwrite cannot regenerate a secret: a key is as old as its secret, so age is the rotation clock. */
export const keysRotated = defineCheck({
  meta: {
    id: 'keys/keys-rotated',
    title: 'Service keys are younger than the maximum key age',
    severity: 'medium',
    risk: 'A secret that never changes has had the longest time to leak (old CI logs, former staff, backups) and is still valid when it surfaces.',
    remediation: 'Rotate the key: `appwrite-secops keys rotate SERVICE --env ENV` creates the replacement, delivers it, waits until traffic moved and deletes the old key (see docs/runbooks/key-rotation.md).',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.lifecycle'],
  },
  needs: ['appwrite-live', 'keys-policy'],
  messages: {
    due: '{{env}}: key "{{name}}" of service {{service}} is {{age}} days old; the policy rotates keys every {{max}} days.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': live, 'keys-policy': policy }, { report, now }) {
    eachSection(live, 'keys', report, (env, keys) => {
      for (const s of matchKeys(policy, env, keys).services) {
        const k = s.keys[0];
        if (!k) continue;
        const age = daysBetween(k.createdAt, now);
        if (!Number.isFinite(age) || age <= s.service.maxAgeDays) continue;
        report({ messageId: 'due', data: { env: env.environment, name: k.name, service: s.service.service, age, max: s.service.maxAgeDays }, resource: keyRef(k), location: keyLocation(env, k.id), severity: age > 2 * s.service.maxAgeDays ? 'high' : 'medium', evidence: { secret: k.secretPreview, createdAt: k.createdAt, ageDays: age } });
      }
    });
  },
});
