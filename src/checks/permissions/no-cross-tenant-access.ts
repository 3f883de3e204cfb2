import { describeRole, principalClass } from '../../appwrite/permissions.js';
import '../../collectors/appwrite-config/schema.js';
import { appwriteProjectConfig } from '../../appwrite-project/settings.js';
import { defineCheck } from '../../core/check.js';
import { containerLabel, containerResource, containers, grantsAction, grantsOf, isSensitive, sensitivityOf } from '../../permissions/analysis.js';

const ITEMS = { collection: 'document', table: 'row', bucket: 'file' } as const;
const FLAG = { collection: 'documentSecurity', table: 'rowSecurity', bucket: 'fileSecurity' } as const;

/**
 * A resource-level grant to `users` reaches every signed-in account, so each user can change or delete
 * (or read, for personal data) every other user's records. Document/row/file security does not help:
 * access at either level suffices, so a resource-level grant makes per-item permissions moot.
 */
export const noCrossTenantAccess = defineCheck({
  meta: {
    id: 'permissions/no-cross-tenant-access',
    title: 'Signed-in users cannot reach other users\' records through resource-level grants',
    severity: 'high',
    risk: 'Any account (self sign-up or an anonymous session is enough) can update, delete or read every other user\'s documents, rows or files: one tenant reaches another\'s data.',
    remediation: 'Remove update/delete (and read of personal data) for "users" at collection/table/bucket level; turn document/row/file security on and grant each item to its owner, e.g. update("user:<id>") set by a server function.',
    references: ['https://appwrite.io/docs/products/databases/permissions', 'https://appwrite.io/docs/advanced/platform/permissions'],
    controls: ['hardening.project', 'authz.tenant-isolation'],
  },
  needs: ['appwrite-project'],
  messages: {
    write: '{{resource}} lets {{who}} {{action}} every {{item}} at {{level}} level ({{permission}}): each user can {{action}} other users\' {{item}}s.',
    writeMoot:
      '{{resource}} lets {{who}} {{action}} every {{item}} at {{level}} level ({{permission}}); {{flag}} is on but moot, because access at either level suffices.',
    readPersonal: '{{resource}} lets {{who}} read every {{item}}, and it holds personal or secret data ({{fields}}) ({{permission}}).',
    readPersonalMoot: '{{resource}} lets {{who}} read every {{item}} of personal or secret data ({{fields}}); {{flag}} is on but moot, because the {{level}}-level grant already reaches everyone ({{permission}}).',
  },
  run({ 'appwrite-project': facts }, { report, config }) {
    const terms = appwriteProjectConfig(config).personalDataTerms;
    for (const project of facts.projects) {
      for (const c of containers(project)) {
        const sens = sensitivityOf(c, terms);
        for (const g of grantsOf(c.permissions)) {
          if (principalClass(g.role) !== 'users') continue;
          const base = {
            resource: containerLabel(c),
            who: describeRole(g.role),
            item: ITEMS[c.type],
            flag: FLAG[c.type],
            level: c.type,
            permission: g.ref.original ?? g.ref.value,
          };
          const where = { resource: containerResource(c), location: g.ref.location ?? c.location };
          for (const action of ['update', 'delete'] as const) {
            if (!grantsAction(g, action)) continue;
            report({ messageId: c.security ? 'writeMoot' : 'write', data: { ...base, action }, ...where, key: `${action}:${g.role.canonical}`, evidence: { action, role: g.role.canonical, security: c.security ?? null } });
          }
          if (grantsAction(g, 'read') && isSensitive(sens)) {
            const fields = [...sens.secret, ...sens.personal].slice(0, 6).join(', ');
            report({
              messageId: c.security ? 'readPersonalMoot' : 'readPersonal',
              data: { ...base, fields },
              ...where,
              key: `read:${g.role.canonical}`,
              evidence: { action: 'read', role: g.role.canonical, fields },
            });
          }
        }
      }
    }
  },
});
