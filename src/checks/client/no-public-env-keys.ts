import { isAppwriteKeyName } from '../../code/key-shapes.js';
import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';

export const noPublicEnvKeys = defineCheck({
  meta: {
    id: 'client/no-public-env-keys',
    title: 'No Appwrite API key sits in a public (browser-bundled) environment variable',
    severity: 'critical',
    risk: 'Bundlers inline every NEXT_PUBLIC_, VITE_, REACT_APP_, EXPO_PUBLIC_, NUXT_PUBLIC_, GATSBY_ and PUBLIC_ variable into the code shipped to browsers and devices, so anyone can read the key and call Appwrite with its scopes, bypassing every document permission.',
    remediation: 'Rename the variable without the public prefix, read it only in server code (API routes, server actions, load functions, Appwrite functions), rotate the key, and delete the old one in the Appwrite console.',
    references: [
      'https://appwrite.io/docs/advanced/security/api-keys',
      'https://nextjs.org/docs/app/guides/environment-variables#bundling-environment-variables-for-the-browser',
      'https://vite.dev/guide/env-and-mode',
    ],
    controls: ['G4', 'keys.lifecycle'],
  },
  needs: ['source-inventory'],
  messages: {
    keyValue: '{{name}} has the public prefix {{prefix}} and holds an Appwrite API key ({{redacted}}): it is shipped to every browser.',
    keyName: '{{name}} has the public prefix {{prefix}} and is named like an Appwrite API key: its value is shipped to every browser.',
    template: 'The template declares {{name}} with the public prefix {{prefix}}: whoever fills it in ships an API key to browsers.',
    codeRead: 'Code reads {{name}}, a public ({{prefix}}) variable named like an API key: the bundler inlines its value into client code.',
  },
  run({ 'source-inventory': inv }, { report }) {
    for (const e of inv.envVars) {
      if (!e.publicPrefix || !e.keyLike) continue;
      const resource = { type: 'env-var', id: e.name };
      const location = { path: e.path, line: e.line };
      if (e.template) {
        report({ messageId: 'template', data: { name: e.name, prefix: e.publicPrefix }, resource, location, severity: 'medium' });
      } else if (e.keyLike === 'value') {
        report({ messageId: 'keyValue', data: { name: e.name, prefix: e.publicPrefix, redacted: e.redacted ?? '' }, resource, location, evidence: { value: e.redacted ?? null } });
      } else if (e.hasValue) {
        report({ messageId: 'keyName', data: { name: e.name, prefix: e.publicPrefix }, resource, location, severity: 'high', evidence: { value: e.redacted ?? null } });
      } else {
        report({ messageId: 'template', data: { name: e.name, prefix: e.publicPrefix }, resource, location, severity: 'medium' });
      }
    }
    for (const r of inv.envReads) {
      if (!r.publicPrefix || !isAppwriteKeyName(r.name)) continue;
      report({ messageId: 'codeRead', data: { name: r.name, prefix: r.publicPrefix }, resource: { type: 'env-var', id: r.name }, location: { path: r.path, line: r.line, column: r.column }, severity: 'high', evidence: { runtime: r.runtime } });
    }
  },
});
