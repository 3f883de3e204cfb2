import type { KeySource } from '../../code/types.js';
import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';

export const noApiKeyInClient = defineCheck({
  meta: {
    id: 'client/no-api-key-in-client',
    title: 'No API key is set or sent from code that runs in browsers and apps',
    severity: 'critical',
    risk: 'An API key used from client code (setKey, an X-Appwrite-Key header) is readable by every user of the site or app; its holder bypasses all document, row and file permissions within the key\'s scopes.',
    remediation: 'Make the privileged call on the server (API route, server action, Appwrite function) and let the client call that endpoint with the user\'s session; rotate the exposed key.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys', 'https://appwrite.io/docs/products/auth/server-integrations'],
    controls: ['G4', 'keys.lifecycle'],
  },
  needs: ['source-inventory'],
  messages: {
    setKey: 'setKey({{source}}) runs on the client ({{reason}}): the API key is shipped to users.',
    header: 'An X-Appwrite-Key header ({{source}}) is sent from client code ({{reason}}): the API key is shipped to users.',
    devKey: 'A dev key ({{source}}) is used from client code ({{reason}}): dev keys skip rate limits and must never reach production builds.',
  },
  run({ 'source-inventory': inv }, { report }) {
    for (const k of inv.keyUses) {
      if (k.runtime !== 'client') continue;
      const dev = k.kind === 'setDevKey' || k.kind === 'dev-header';
      report({
        messageId: dev ? 'devKey' : k.kind === 'setKey' ? 'setKey' : 'header',
        data: { source: describeSource(k.source), reason: k.runtimeReason },
        resource: { type: 'source-file', id: k.path },
        location: { path: k.path, line: k.line, column: k.column },
        evidence: { use: k.kind, source: describeSource(k.source), language: k.language },
        ...(dev ? { severity: 'medium' as const } : {}),
        key: `${k.kind}:${describeSource(k.source)}`,
      });
    }
  },
});

/** Never the literal: a redacted literal is prefix + hash only. */
export function describeSource(s: KeySource): string {
  switch (s.kind) {
    case 'env':
      return `env ${s.name}`;
    case 'literal':
      return `literal ${s.redacted}${s.keyShaped ? ' (an Appwrite key)' : ''}`;
    case 'request-header':
      return `request header ${s.name}`;
    case 'expression':
      return s.text;
  }
}
