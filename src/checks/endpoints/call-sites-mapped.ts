import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';
import { threatModelOf } from '../../threat-model/settings.js';
import { pathForFile } from '../../threat-model/match.js';

export const callSitesMapped = defineCheck({
  meta: {
    id: 'endpoints/call-sites-mapped',
    title: 'Every Appwrite call site maps to a known operation and auth mode',
    severity: 'low',
    risk: 'A call the inventory cannot map (a method newer than the catalog, code that does not parse, a client built out of sight) has no known scope, auth mode or rate limit, so the exposure and least-privilege checks cannot vouch for it.',
    remediation: 'Make the client construction visible (build SDK clients in one module that the callers import), fix the syntax error, or declare the path\'s auth in the threat model; regenerate the catalog for newer SDK methods.',
    references: ['https://appwrite.io/docs/references'],
    controls: ['G2'],
  },
  needs: ['source-inventory'],
  messages: {
    unparsed: '{{path}} uses Appwrite but {{reason}}; its calls are missing from the inventory.',
    unknownOperation: '{{service}}.{{method}} is not in the Appwrite {{version}} operation catalog: its scope and auth modes are unknown.',
    unknownAuth: '{{count}} Appwrite call(s) in this file go through a client whose credentials the code does not show, and no threat-model path declares them.',
  },
  run({ 'source-inventory': inv }, { report, config }) {
    const tm = threatModelOf(config);
    for (const i of inv.incomplete) {
      report({ messageId: 'unparsed', data: { path: i.path, reason: i.reason }, resource: { type: 'source-file', id: i.path }, location: { path: i.path }, status: 'error' });
    }
    const unknownAuth = new Map<string, number[]>();
    for (const s of inv.callSites) {
      if (!s.operationId) {
        report({
          messageId: 'unknownOperation',
          data: { service: s.service, method: s.method, version: inv.catalog.appwrite },
          resource: { type: 'operation', id: `${s.service}.${s.method}` },
          location: { path: s.path, line: s.line, column: s.column },
          key: `${s.service}.${s.method}`,
        });
      } else if (s.auth === 'unknown' && !pathForFile(tm, s.path)) {
        unknownAuth.set(s.path, [...(unknownAuth.get(s.path) ?? []), s.line]);
      }
    }
    for (const [file, lines] of unknownAuth) {
      report({ messageId: 'unknownAuth', data: { count: lines.length }, resource: { type: 'source-file', id: file }, location: { path: file, line: lines[0] }, severity: 'info' });
    }
  },
});
