import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';
import { authList, threatModelOf } from '../../threat-model/settings.js';
import { effectiveRuntime, pathForFile } from '../../threat-model/match.js';

/** Writes to shared data: with a user session they succeed only where users themselves may write. */
const DATA_WRITE_SCOPES = new Set(['documents.write', 'rows.write', 'files.write']);

export const privilegedWritesUseKey = defineCheck({
  meta: {
    id: 'endpoints/privileged-writes-use-key',
    title: 'Server-side privileged writes run with the server\'s key, not a forwarded user session',
    severity: 'medium',
    risk: 'A server path that writes documents, rows or files with the user\'s session or JWT works only if the collection, table or bucket grants users that write permission, so any user can make the same write straight from the browser and skip whatever the server path validates.',
    remediation: 'Make the write with the server key after validating the request, and remove the users\' write permission from the resource; or, if user-level writes are the design, declare the path `auth: session` in the threat model.',
    references: ['https://appwrite.io/docs/products/databases/permissions', 'https://appwrite.io/docs/products/auth/server-integrations'],
    controls: ['G2', 'G4'],
  },
  needs: ['source-inventory'],
  messages: {
    sessionWrite: '{{operation}} runs on the {{runtime}} with the user\'s {{auth}}: it only succeeds where users may write directly, so this path\'s checks can be bypassed.',
  },
  run({ 'source-inventory': inv }, { report, config }) {
    const tm = threatModelOf(config);
    for (const s of inv.callSites) {
      if (!s.operationId || !s.write || (s.auth !== 'session' && s.auth !== 'jwt')) continue;
      const runtime = effectiveRuntime(tm, s);
      if (runtime === 'client' || runtime === 'unknown') continue;
      if (!s.scopes.some((x) => DATA_WRITE_SCOPES.has(x))) continue;
      const p = pathForFile(tm, s.path);
      // A path that declares user-level auth has made this a design decision.
      if (p && authList(p.auth).some((a) => a === 'session' || a === 'jwt')) continue;
      report({
        messageId: 'sessionWrite',
        data: { operation: s.operationId, runtime, auth: s.auth === 'jwt' ? 'JWT' : 'session' },
        resource: { type: 'operation', id: s.operationId },
        location: { path: s.path, line: s.line, column: s.column },
        evidence: { operation: s.operationId, scopes: s.scopes.join(' '), siteAuth: s.auth, runtimeReason: s.runtimeReason },
      });
    }
  },
});
