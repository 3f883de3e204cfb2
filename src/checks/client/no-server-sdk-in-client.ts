import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';

export const noServerSdkInClient = defineCheck({
  meta: {
    id: 'client/no-server-sdk-in-client',
    title: 'Code that runs in browsers and apps uses the client SDK, not a server SDK',
    severity: 'high',
    risk: 'A server SDK (node-appwrite, dart_appwrite) in client code exists to be given an API key: the key, or the intent to ship one, ends up in the browser or app binary, and the privileged calls it makes run where users control them.',
    remediation: 'Move the server-SDK code behind a server boundary (an API route, server action, `+page.server.ts`, `$lib/server`, an Appwrite function), guard shared modules with `import "server-only"`, and use the web/Flutter/React Native SDK with the user session in client code.',
    references: ['https://appwrite.io/docs/sdks', 'https://nextjs.org/docs/app/getting-started/server-and-client-components', 'https://svelte.dev/docs/kit/server-only-modules'],
    controls: ['G4'],
  },
  needs: ['source-inventory'],
  messages: {
    serverSdk: '{{pkg}} (a server SDK) is imported by code that runs on the client: {{reason}}.',
  },
  run({ 'source-inventory': inv }, { report }) {
    for (const s of inv.sdkImports) {
      if (s.flavor !== 'server' || s.runtime !== 'client' || !s.clientReachable) continue;
      report({
        messageId: 'serverSdk',
        data: { pkg: s.pkg, reason: s.runtimeReason },
        resource: { type: 'source-file', id: s.path },
        location: { path: s.path, line: s.line },
        evidence: { package: s.pkg, runtimeReason: s.runtimeReason },
      });
    }
  },
});
