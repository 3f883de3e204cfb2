import { defineCheck } from '../../core/check.js';
import { eachSection, UNREADABLE } from '../live/sections.js';
import { keyLocation, keyRef, matchKeys } from './match.js';

/** A key holding more than its service needs turns a leak of that service into a leak of everything the key reaches. */
export const scopesWithinPolicy = defineCheck({
  meta: {
    id: 'keys/scopes-within-policy',
    title: 'Each service key holds only the scopes of its service',
    severity: 'high',
    risk: 'An over-scoped key lets whoever obtains it (a log, a compromised dependency of the service) do what the service never does: read every user, delete databases, mint keys.',
    remediation: 'Rotate the key to the policy scopes: `appwrite-secops keys rotate SERVICE --env ENV` creates the replacement with exactly the policy\'s scopes. With `derive: code`, the scopes come from the service\'s Appwrite calls (`appwrite-secops endpoints`).',
    references: ['https://appwrite.io/docs/advanced/security/api-keys', 'https://appwrite.io/docs/advanced/platform/api-keys#scopes'],
    controls: ['keys.least-privilege'],
  },
  needs: ['appwrite-live', 'keys-policy'],
  messages: {
    overScoped: '{{env}}: key "{{name}}" of service {{service}} holds {{extra}} beyond its policy ({{source}}).',
    underScoped: '{{env}}: key "{{name}}" of service {{service}} lacks {{missing}}, which its policy ({{source}}) grants; calls that need it fail.',
    underivable: '{{env}}: the scopes of service {{service}} could not be derived from code: {{reason}}.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': live, 'keys-policy': policy }, { report }) {
    eachSection(live, 'keys', report, (env, keys) => {
      for (const s of matchKeys(policy, env, keys).services) {
        const svc = s.service;
        const key = s.keys[0];
        if (!key) continue;
        const base = { resource: keyRef(key), location: keyLocation(env, key.id) };
        if (svc.scopes === null) {
          report({ ...base, messageId: 'underivable', data: { env: env.environment, service: svc.service, reason: svc.derivation?.error ?? 'unknown' }, status: 'error', key: 'underivable', evidence: { paths: svc.derivation?.paths.join(' ') ?? '' } });
          continue;
        }
        const source = svc.scopesFrom === 'code' ? `derived from ${svc.derivation?.paths.join(', ')}` : 'keys.services';
        const allowed = new Set(svc.scopes);
        const extra = key.scopes.filter((x) => !allowed.has(x)).sort();
        const held = new Set(key.scopes);
        const missing = svc.scopes.filter((x) => !held.has(x));
        const evidence = { secret: key.secretPreview, held: key.scopes.join(' '), policy: svc.scopes.join(' ') };
        if (extra.length) report({ ...base, messageId: 'overScoped', data: { env: env.environment, name: key.name, service: svc.service, extra: extra.join(', '), source }, evidence, key: 'over', severity: extra.some((x) => x.endsWith('.write') || x === 'keys.read') ? 'high' : 'medium' });
        if (missing.length) report({ ...base, messageId: 'underScoped', data: { env: env.environment, name: key.name, service: svc.service, missing: missing.join(', '), source }, evidence, key: 'under', severity: 'low' });
      }
    });
  },
});
