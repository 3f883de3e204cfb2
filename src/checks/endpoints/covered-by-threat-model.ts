import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';
import { threatModelOf } from '../../threat-model/settings.js';
import { operationAllowed, pathForFile } from '../../threat-model/match.js';

export const coveredByThreatModel = defineCheck({
  meta: {
    id: 'endpoints/covered-by-threat-model',
    title: 'Every Appwrite call site is covered by a service path of the threat model',
    severity: 'medium',
    risk: 'Calls outside the threat model have no declared runtime, auth mode or permission boundary: nobody has decided whether they may run where they run, with the credentials they use.',
    remediation: 'Add the files to a `threatModel.servicePaths` entry (or run `appwrite-secops threat-model init` to draft one), or widen the path\'s `operations` list when the call is intended.',
    references: ['https://owasp.org/www-community/Threat_Modeling_Process', 'https://appwrite.io/docs/advanced/security'],
    controls: ['G1', 'G2'],
  },
  needs: ['source-inventory'],
  messages: {
    noThreatModel: 'The code makes {{count}} Appwrite calls in {{files}} files, and the config has no threat model (threatModel.servicePaths).',
    uncovered: '{{count}} Appwrite call(s) in this file ({{operations}}) are not covered by any threat-model service path.',
    notAllowed: '{{operation}} is called here, but service path "{{pathId}}" does not list it among its operations.',
  },
  run({ 'source-inventory': inv }, { report, config }) {
    if (inv.callSites.length === 0) return;
    const tm = threatModelOf(config);
    if (tm.servicePaths.length === 0) {
      const first = inv.callSites[0]!;
      report({
        messageId: 'noThreatModel',
        data: { count: inv.callSites.length, files: new Set(inv.callSites.map((s) => s.path)).size },
        resource: { type: 'threat-model', id: 'threatModel' },
        location: { path: first.path, line: first.line },
        severity: 'low',
      });
      return;
    }
    const uncovered = new Map<string, typeof inv.callSites>();
    for (const s of inv.callSites) {
      const p = pathForFile(tm, s.path);
      if (!p) {
        uncovered.set(s.path, [...(uncovered.get(s.path) ?? []), s]);
        continue;
      }
      const op = s.operationId ?? `${s.service}.${s.method}`;
      if (!operationAllowed(p, op)) {
        report({ messageId: 'notAllowed', data: { operation: op, pathId: p.id }, resource: { type: 'service-path', id: p.id }, location: { path: s.path, line: s.line, column: s.column }, key: op });
      }
    }
    for (const [file, sites] of uncovered) {
      const ops = [...new Set(sites.map((s) => s.operationId ?? `${s.service}.${s.method}`))];
      report({
        messageId: 'uncovered',
        data: { count: sites.length, operations: ops.slice(0, 5).join(', ') + (ops.length > 5 ? `, +${ops.length - 5} more` : '') },
        resource: { type: 'source-file', id: file },
        location: { path: file, line: sites[0]!.line },
        evidence: { operations: ops.join(' '), runtime: sites[0]!.runtime },
      });
    }
  },
});
