import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';
import { matchesAny } from '../../core/glob.js';
import { authList, threatModelOf } from '../../threat-model/settings.js';
import { authAgrees, pathForFile } from '../../threat-model/match.js';

export const matchesThreatModel = defineCheck({
  meta: {
    id: 'endpoints/matches-threat-model',
    title: 'Code runs where, and authenticates how, its threat-model service path says',
    severity: 'high',
    risk: 'A service path declared as server-side but bundled for the browser, or declared as session-based but calling with an API key, means the threat model no longer describes the app: its trust boundary and permission boundary are wrong exactly where it matters.',
    remediation: 'Move the code to the runtime the threat model declares (or correct the declaration if the design changed on purpose), and use the declared credentials: the server key on trusted servers, the user session in clients.',
    references: ['https://appwrite.io/docs/products/auth/server-integrations', 'https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['G1', 'G2'],
  },
  needs: ['source-inventory'],
  messages: {
    runtime: 'Service path "{{pathId}}" declares runtime {{declared}}, but this code runs on the {{actual}} ({{reason}}).',
    auth: '{{operation}} authenticates with {{actual}} here, but service path "{{pathId}}" declares {{declared}}.',
    stale: 'Service path "{{pathId}}" matches no Appwrite-using file ({{globs}}): the threat model is out of date.',
  },
  run({ 'source-inventory': inv }, { report, config }) {
    const tm = threatModelOf(config);
    if (tm.servicePaths.length === 0) return;
    for (const f of inv.files) {
      const p = pathForFile(tm, f.path);
      if (!p || f.runtime === 'unknown') continue;
      const declaredTrusted = p.runtime !== 'client';
      const actualTrusted = f.runtime !== 'client';
      if (declaredTrusted !== actualTrusted) {
        report({
          messageId: 'runtime',
          data: { pathId: p.id, declared: p.runtime, actual: f.runtime, reason: f.runtimeReason },
          resource: { type: 'service-path', id: p.id },
          location: { path: f.path, line: 1 },
          // Declared trusted but actually in the browser is the dangerous direction.
          ...(declaredTrusted ? {} : { severity: 'low' as const }),
        });
      }
    }
    for (const s of inv.callSites) {
      const p = pathForFile(tm, s.path);
      if (!p || authAgrees(p, s.auth)) continue;
      const op = s.operationId ?? `${s.service}.${s.method}`;
      report({
        messageId: 'auth',
        data: { operation: op, actual: s.auth, pathId: p.id, declared: authList(p.auth).join(' or ') },
        resource: { type: 'service-path', id: p.id },
        location: { path: s.path, line: s.line, column: s.column },
        key: `${s.auth}:${op}`,
        // An API key where a session was declared widens the permission boundary most.
        severity: s.auth === 'key' ? 'high' : 'medium',
      });
    }
    for (const p of tm.servicePaths) {
      if (inv.files.some((f) => matchesAny(p.files, f.path))) continue;
      report({ messageId: 'stale', data: { pathId: p.id, globs: p.files.join(', ') }, resource: { type: 'service-path', id: p.id }, severity: 'low' });
    }
  },
});
