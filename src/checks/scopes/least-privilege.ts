import type { CallSite } from '../../code/types.js';
import '../../collectors/source-code/schema.js';
import { defineCheck } from '../../core/check.js';
import type { Location } from '../../core/finding.js';
import { matchesAny } from '../../core/glob.js';
import { compareScopes } from '../../code/least-privilege.js';
import { authList, threatModelOf } from '../../threat-model/settings.js';
import { sitesOfPath } from '../../threat-model/match.js';

export const leastPrivilege = defineCheck({
  meta: {
    id: 'scopes/least-privilege',
    title: 'Each server-side component\'s key holds only the scopes its code uses',
    severity: 'medium',
    risk: 'Scopes a component never uses widen what its key can do when the component or key leaks (an injection in a function, a key in a log): API keys bypass all document and file permissions within their scopes.',
    remediation: 'Set the key\'s scopes to the minimal set reported (appwrite.json `functions[].scopes`, then `appwrite push functions`; or the API key in the console for a server path), and keep `threatModel.servicePaths[].permissionBoundary.scopes` in step.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys', 'https://appwrite.io/docs/products/functions/develop#dynamic-api-key', 'https://appwrite.io/docs/tooling/command-line/functions'],
    controls: ['keys.lifecycle', 'G2'],
  },
  needs: ['source-inventory'],
  messages: {
    excess: '{{component}}\'s key holds {{count}} scope(s) its code never needs: {{excess}}. Minimal set: {{minimal}}.',
    missing: '{{component}} calls operations needing {{missing}}, which its key does not hold: those calls fail with 401.',
    noCode: '{{component}} holds scopes ({{held}}), but none of its code could be analysed: cannot tell which it needs.',
    unknownOps: '{{component}} makes calls the catalog does not know ({{operations}}): cannot tell whether its scopes are minimal.',
  },
  run({ 'source-inventory': inv }, { report, config }) {
    const components: { id: string; kind: 'function' | 'service-path'; held: string[]; sites: CallSite[]; hasCode: boolean; location?: Location }[] = [];
    for (const fn of inv.functions) {
      if (fn.scopes === null) continue;
      const hasCode = inv.files.some((f) => f.functionId === fn.id) || inv.callSites.some((s) => s.functionId === fn.id);
      const location = fn.declaredIn ? { path: fn.declaredIn.path, ...(fn.scopesLine ?? fn.declaredIn.line ? { line: fn.scopesLine ?? fn.declaredIn.line } : {}) } : undefined;
      components.push({ id: `function ${fn.id}`, kind: 'function', held: fn.scopes, sites: inv.callSites.filter((s) => s.functionId === fn.id), hasCode, ...(location ? { location } : {}) });
    }
    for (const p of threatModelOf(config).servicePaths) {
      const scopes = p.permissionBoundary.scopes;
      if (!scopes || !authList(p.auth).includes('key')) continue;
      // A path matching no file is stale: endpoints/matches-threat-model says so.
      if (!inv.files.some((f) => matchesAny(p.files, f.path))) continue;
      components.push({ id: `service path ${p.id}`, kind: 'service-path', held: scopes, sites: sitesOfPath(p, inv.callSites, inv.imports), hasCode: true });
    }
    for (const c of components) {
      const resource = { type: c.kind, id: c.id.replace(/^(function|service path) /, '') };
      const cmp = compareScopes(c.held, c.sites);
      const firstSite = cmp.keyCalls[0] ?? c.sites[0];
      const location = c.location ?? (firstSite ? { path: firstSite.path, line: firstSite.line } : undefined);
      if (!c.hasCode) {
        if (c.held.length) report({ messageId: 'noCode', data: { component: c.id, held: c.held.join(', ') }, resource, ...(location ? { location } : {}), status: 'error' });
        continue;
      }
      if (cmp.unknownCalls.length) {
        const ops = [...new Set(cmp.unknownCalls.map((s) => `${s.service}.${s.method}`))];
        report({ messageId: 'unknownOps', data: { component: c.id, operations: ops.join(', ') }, resource, ...(location ? { location } : {}), status: 'error' });
        continue;
      }
      if (cmp.excess.length) {
        report({
          messageId: 'excess',
          data: { component: c.id, count: cmp.excess.length, excess: cmp.excess.join(', '), minimal: cmp.minimal.length ? cmp.minimal.join(', ') : '(none)' },
          resource,
          ...(location ? { location } : {}),
          evidence: { held: c.held.join(' '), needed: cmp.minimal.join(' '), excess: cmp.excess.join(' '), keyCalls: cmp.keyCalls.length },
          remediation: `Set the scopes of ${c.id} to: ${cmp.minimal.length ? cmp.minimal.join(', ') : '(none: its code makes no key calls)'}.`,
        });
      }
      if (cmp.missing.length) {
        report({ messageId: 'missing', data: { component: c.id, missing: cmp.missing.map((g) => g.join(' or ')).join(', ') }, resource, ...(location ? { location } : {}), severity: 'low' });
      }
    }
  },
});
