import { defineCheck } from '../../core/check.js';
import { isUnmanaged } from '../../keys/policy.js';
import { eachSection, UNREADABLE } from '../live/sections.js';
import { keyLocation, keyRef, matchKeys } from './match.js';

/** Keys nobody owns are keys nobody rotates: every key maps to a service or is listed as unmanaged. */
export const noUnmanagedKeys = defineCheck({
  meta: {
    id: 'keys/no-unmanaged-keys',
    title: 'Every API key belongs to a service of the key policy',
    severity: 'medium',
    risk: 'A key outside the policy has no owner: it is not rotated, its scopes are not reviewed, and when it leaks nobody knows what breaks if it is revoked.',
    remediation: 'Rename the key to its service\'s name (`{service}-{env}`), add its service to keys.services, list it in keys.unmanaged with a reason, or delete it. A leftover of a rotation is deleted by finishing the rotation (`keys rotate SERVICE --env ENV --resume`).',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.lifecycle'],
  },
  needs: ['appwrite-live', 'keys-policy'],
  messages: {
    extra: '{{env}}: API key "{{name}}" ({{id}}) belongs to no service of the key policy.',
    leftover: '{{env}}: API key "{{name}}" ({{id}}) is an older key of service {{service}}; a newer one ({{newer}}) exists. Finish the rotation and delete it.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': live, 'keys-policy': policy }, { report }) {
    eachSection(live, 'keys', report, (env, keys) => {
      const m = matchKeys(policy, env, keys);
      for (const k of m.unassigned) {
        if (isUnmanaged(policy, k.name)) continue;
        report({ messageId: 'extra', data: { env: env.environment, name: k.name, id: k.id }, resource: keyRef(k), location: keyLocation(env, k.id), evidence: { secret: k.secretPreview, scopes: k.scopes.join(' '), createdAt: k.createdAt }, key: 'extra' });
      }
      for (const s of m.services) {
        for (const old of s.keys.slice(1)) {
          report({
            messageId: 'leftover',
            data: { env: env.environment, name: old.name, id: old.id, service: s.service.service, newer: s.keys[0]!.id },
            resource: keyRef(old),
            location: keyLocation(env, old.id),
            severity: 'low',
            evidence: { secret: old.secretPreview, createdAt: old.createdAt, newerKey: s.keys[0]!.id },
            key: 'leftover',
          });
        }
      }
    });
  },
});
