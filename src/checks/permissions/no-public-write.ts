import { describeRole, isUnauthenticatedRole, WRITE_ACTIONS } from '../../appwrite/permissions.js';
import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { containerLabel, containerResource, containers, grantsAction, grantsOf } from '../../permissions/analysis.js';
import { grantSeverity } from '../../permissions/matrix.js';

/**
 * create/update/delete granted to callers with no account (`any`, `guests`) on collections and tables,
 * and update/delete on buckets (public bucket create is `buckets/no-public-create`). Writes by every
 * signed-in user are `permissions/no-cross-tenant-access`.
 */
export const noPublicWrite = defineCheck({
  meta: {
    id: 'permissions/no-public-write',
    title: 'No collection, table or bucket can be written by anonymous callers',
    severity: 'critical',
    risk: 'Anyone on the internet, without an account, can create, change or delete this data: defacement, spam, data loss or a planted payload.',
    remediation: 'Grant create/update/delete to "users" with document/row/file security and per-item permissions, to a team role, or only to server code using an API key; remove any/guests from write permissions.',
    references: ['https://appwrite.io/docs/advanced/platform/permissions', 'https://appwrite.io/docs/products/databases/permissions'],
    controls: ['hardening.project', 'authz.least-privilege'],
  },
  needs: ['appwrite-project'],
  messages: {
    publicWrite: '{{resource}} lets {{who}} {{action}} its {{items}} ({{permission}}).',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const c of containers(project)) {
        for (const g of grantsOf(c.permissions)) {
          if (!isUnauthenticatedRole(g.role)) continue;
          for (const action of WRITE_ACTIONS) {
            if (!grantsAction(g, action) || (c.type === 'bucket' && action === 'create')) continue;
            report({
              messageId: 'publicWrite',
              data: { resource: containerLabel(c), who: describeRole(g.role), action, items: c.type === 'bucket' ? 'files' : c.type === 'table' ? 'rows' : 'documents', permission: g.ref.original ?? g.ref.value },
              resource: containerResource(c),
              location: g.ref.location ?? c.location,
              severity: grantSeverity(action, 'public'),
              key: `${action}:${g.role.canonical}`,
              evidence: { action, role: g.role.canonical, permission: g.ref.original ?? g.ref.value },
            });
          }
        }
      }
    }
  },
});
