import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { roleUses } from '../../permissions/analysis.js';

/**
 * `user:<id>` or `member:<id>` written into the schema: access tied to one account that outlives the
 * person's role, is invisible in team management, and differs between environments.
 */
export const noHardcodedUser = defineCheck({
  meta: {
    id: 'permissions/no-hardcoded-user',
    title: 'Schema permissions are granted to roles, not to individual accounts',
    severity: 'low',
    risk: 'A hard-coded account keeps its access after the person changes role or leaves; nobody reviewing teams sees it, and the id means a different (or no) account in another environment.',
    remediation: 'Grant the access to a team role or a label (team:<id>/<role>, label:<name>) and add the person to it; keep user:<id> permissions for per-document grants set at run time.',
    references: ['https://appwrite.io/docs/advanced/platform/permissions'],
    controls: ['hardening.project', 'authz.least-privilege'],
  },
  needs: ['appwrite-project'],
  messages: {
    hardcoded: '{{where}} grants {{action}} to one specific {{kind}} ({{role}}) in the schema.',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const u of roleUses(project)) {
        if (u.role.kind !== 'user' && u.role.kind !== 'member') continue;
        report({
          messageId: 'hardcoded',
          data: { where: u.where, action: u.action, kind: u.role.kind === 'user' ? 'account' : 'team membership', role: u.role.canonical },
          resource: u.resource,
          location: u.ref.location ?? u.fallback,
          severity: u.writes ? 'medium' : 'low',
          key: `${u.action}:${u.role.canonical}`,
          evidence: { role: u.role.canonical, action: u.action },
        });
      }
    }
  },
});
