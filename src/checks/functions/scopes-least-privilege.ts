import { isAdminScope, isKnownScope } from '../../appwrite/scopes.js';
import '../../collectors/appwrite-config/schema.js';
import { appwriteProjectConfig } from '../../appwrite-project/settings.js';
import { defineCheck } from '../../core/check.js';

/**
 * Execution-key scopes beyond what app logic needs: administrative scopes (users, keys, project settings,
 * schemas, other functions) or simply too many. Unknown scope names are reported too: a typo silently
 * grants nothing, which tempts people to "fix" it by adding everything.
 */
export const scopesLeastPrivilege = defineCheck({
  meta: {
    id: 'functions/scopes-least-privilege',
    title: 'Function execution keys hold only the scopes the function needs',
    severity: 'high',
    risk: 'A bug or injection in the function, or anyone who can trigger it, acts with administrator power: creating users and sessions, minting keys, changing schemas or redeploying functions.',
    remediation: 'List only the data scopes the code uses (e.g. rows.read, rows.write); move administrative work to a separate, non-public function or an operator script.',
    references: ['https://appwrite.io/docs/products/functions/develop#dynamic-api-key', 'https://appwrite.io/docs/advanced/platform/api-keys'],
    controls: ['hardening.project', 'keys.least-privilege'],
  },
  needs: ['appwrite-project'],
  messages: {
    adminScopes: 'function "{{fn}}" holds administrative scopes: {{scopes}}.',
    tooMany: 'function "{{fn}}" holds {{count}} scopes, more than the baseline of {{max}}.',
    unknownScope: 'function "{{fn}}" lists scopes no Appwrite version knows: {{scopes}}.',
  },
  run({ 'appwrite-project': facts }, { report, config }) {
    const max = appwriteProjectConfig(config).maxFunctionScopes;
    for (const project of facts.projects) {
      for (const f of project.functions) {
        const where = { resource: { type: 'function', id: f.id, ...(f.name ? { name: f.name } : {}) }, location: f.scopesLocation ?? f.location };
        const admin = f.scopes.filter(isAdminScope);
        if (admin.length) report({ messageId: 'adminScopes', data: { fn: f.id, scopes: admin.join(', ') }, ...where, evidence: { scopes: admin.join(',') } });
        if (f.scopes.length > max) report({ messageId: 'tooMany', data: { fn: f.id, count: f.scopes.length, max }, ...where, severity: 'medium', evidence: { count: f.scopes.length } });
        const unknown = f.scopes.filter((s) => !isKnownScope(s));
        if (unknown.length) report({ messageId: 'unknownScope', data: { fn: f.id, scopes: unknown.join(', ') }, ...where, severity: 'low' });
      }
    }
  },
});
