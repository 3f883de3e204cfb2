import { defineCheck } from '../../core/check.js';
import { liveConfigOf } from '../../live/settings.js';
import { apiLocation, eachSection, UNREADABLE } from './sections.js';

/** Scopes that manage the project itself: a key holding one can mint keys, open CORS or reroute webhooks. */
export const ADMIN_SCOPES = ['keys.write', 'project.write', 'project.policies.write', 'policies.write', 'platforms.write', 'webhooks.write', 'mocks.write', 'oauth2.write', 'project.oauth2.write', 'templates.write', 'devKeys.write'] as const;

/**
 * With `live.keys.allowedScopes` set, every scope outside it is reported; without it, the project
 * management scopes are. The audit key itself must be read-only.
 */
export const keyScopesLeastPrivilege = defineCheck({
  meta: {
    id: 'live/key-scopes-least-privilege',
    title: 'API keys hold only the scopes the policy allows',
    severity: 'medium',
    risk: 'Keys bypass every document and file permission; their scopes are the only limit. A leaked key with project-management scopes lets the holder create new keys, widen CORS and redirect webhooks, surviving its own revocation.',
    remediation: 'Create a replacement key with only the scopes its user needs, deploy it, delete the old one (there is no way to shrink a leaked key safely). List allowed scopes in live.keys.allowedScopes.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys', 'https://appwrite.io/docs/advanced/platform/permissions'],
    controls: ['keys.least-privilege'],
  },
  needs: ['appwrite-live'],
  messages: {
    beyondPolicy: '{{env}}: API key "{{name}}" holds scope(s) outside live.keys.allowedScopes: {{scopes}}.',
    admin: '{{env}}: API key "{{name}}" holds project-management scope(s): {{scopes}}.',
    auditKeyWrites: '{{env}}: the audit key "{{name}}" holds write scope(s) ({{scopes}}); it needs read scopes only.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report, config }) {
    const allowed = liveConfigOf(config).live.keys.allowedScopes;
    eachSection(facts, 'keys', report, (s, keys) => {
      for (const k of keys) {
        const base = { resource: { type: 'api-key', id: k.id, name: k.name }, location: apiLocation(s, `/project/keys/${k.id}`) };
        if (k.secretHash && k.secretHash === s.credential.secretHash) {
          const writes = k.scopes.filter((x) => x.endsWith('.write'));
          if (writes.length) report({ ...base, messageId: 'auditKeyWrites', data: { env: s.environment, name: k.name, scopes: writes.join(', ') }, key: 'audit-key', evidence: { scopes: writes.join(' ') } });
          continue;
        }
        const extra = allowed ? k.scopes.filter((x) => !allowed.includes(x)) : [];
        if (extra.length) {
          report({ ...base, messageId: 'beyondPolicy', data: { env: s.environment, name: k.name, scopes: extra.join(', ') }, key: 'policy', evidence: { scopes: extra.join(' ') } });
          continue;
        }
        const admin = allowed ? [] : k.scopes.filter((x) => (ADMIN_SCOPES as readonly string[]).includes(x));
        if (admin.length) report({ ...base, messageId: 'admin', data: { env: s.environment, name: k.name, scopes: admin.join(', ') }, severity: 'high', key: 'admin', evidence: { scopes: admin.join(' ') } });
      }
    });
  },
});
