import { defineCheck } from '../../core/check.js';
import { liveConfigOf } from '../../live/settings.js';
import { apiLocation, eachSection, UNREADABLE } from './sections.js';

/**
 * Appwrite records the `x-sdk-name` of every SDK that used a key. A client SDK in that list means the
 * secret has been in a browser or an app binary, where anyone can extract it.
 */
export const keysNotUsedByClients = defineCheck({
  meta: {
    id: 'live/keys-not-used-by-clients',
    title: 'No API key has been used from a client SDK',
    severity: 'critical',
    risk: 'A key used from a web, mobile or desktop client has shipped inside that client: anyone can extract it and act with its scopes, bypassing every permission.',
    remediation: 'Treat the key as leaked: create a replacement for server-side use only, delete the old key, and give the client a session or JWT instead; find the code that shipped it (appwrite-secops secrets).',
    references: ['https://appwrite.io/docs/advanced/security/api-keys', 'https://appwrite.io/docs/products/auth/jwt'],
    controls: ['keys.exposure'],
  },
  needs: ['appwrite-live'],
  messages: {
    client: '{{env}}: API key "{{name}}" has been used by client SDK(s) {{sdks}}.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report, config }) {
    const clients = liveConfigOf(config).live.keys.clientSdks.map((c) => c.toLowerCase());
    eachSection(facts, 'keys', report, (s, keys) => {
      for (const k of keys) {
        const used = k.sdks.filter((sdk) => clients.some((c) => sdk.toLowerCase() === c || sdk.toLowerCase().startsWith(`${c} `)));
        if (used.length === 0) continue;
        report({
          messageId: 'client',
          data: { env: s.environment, name: k.name, sdks: used.join(', ') },
          resource: { type: 'api-key', id: k.id, name: k.name },
          location: apiLocation(s, `/project/keys/${k.id}`),
          evidence: { secret: k.secretPreview, sdks: k.sdks.join(', ') },
        });
      }
    });
  },
});
