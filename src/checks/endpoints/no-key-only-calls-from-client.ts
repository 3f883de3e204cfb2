import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';
import { threatModelOf } from '../../threat-model/settings.js';
import { effectiveRuntime } from '../../threat-model/match.js';

export const noKeyOnlyCallsFromClient = defineCheck({
  meta: {
    id: 'endpoints/no-key-only-calls-from-client',
    title: 'Client code calls only operations a user session can make',
    severity: 'high',
    risk: 'An operation that accepts only an API key (or the console) can succeed from a browser or app only if a key is shipped with it; either the key is exposed, or the feature is broken and someone will "fix" it by exposing one.',
    remediation: 'Move the call to a server path (API route, server action, Appwrite function) that checks the user and makes it with the server key, and call that path from the client.',
    references: ['https://appwrite.io/docs/advanced/platform/api-keys', 'https://appwrite.io/docs/products/functions/execute'],
    controls: ['G2', 'G4'],
  },
  needs: ['source-inventory'],
  messages: {
    keyOnly: '{{operation}} ({{http}} {{apiPath}}) accepts only {{modes}}, and is called from client code ({{reason}}).',
  },
  run({ 'source-inventory': inv }, { report, config }) {
    const tm = threatModelOf(config);
    for (const s of inv.callSites) {
      if (!s.operationId || effectiveRuntime(tm, s) !== 'client') continue;
      if (s.authModes.includes('session') || s.authModes.includes('jwt')) continue;
      // The console SDK signs in as a console admin: admin-mode operations are its normal use.
      if (s.sdk === '@appwrite.io/console' && s.authModes.includes('admin')) continue;
      report({
        messageId: 'keyOnly',
        data: { operation: s.operationId, http: s.http ?? '', apiPath: s.apiPath ?? '', modes: s.authModes.map((m) => (m === 'admin' ? 'the console' : `an API ${m}`)).join(' or '), reason: s.runtimeReason },
        resource: { type: 'operation', id: s.operationId },
        location: { path: s.path, line: s.line, column: s.column },
        evidence: { operation: s.operationId, authModes: s.authModes.join(' '), scopes: s.scopes.join(' '), siteAuth: s.auth },
        // Console-only operations cannot even work with a key: a broken feature more than an exposure.
        ...(s.authModes.includes('key') ? {} : { severity: 'medium' as const }),
      });
    }
  },
});
