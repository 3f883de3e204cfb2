import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { roleUses } from '../../permissions/analysis.js';

/**
 * `team:<id>` reaches every member of the team, whatever their role. When the same project limits that
 * team by role elsewhere (`team:<id>/admin`), the bare grant is usually an oversight that gives every
 * member (invitees, read-only staff) what only some roles should have.
 */
export const teamRolesSpecific = defineCheck({
  meta: {
    id: 'permissions/team-roles-specific',
    title: 'Team grants name a team role where the project uses team roles',
    severity: 'medium',
    risk: 'Every member of the team, including the least trusted role, gets the access, while the rest of the project shows that only some roles were meant to.',
    remediation: 'Write the role the grant is meant for, e.g. update("team:<id>/admin") instead of update("team:<id>"); keep bare team grants only for what every member may do.',
    references: ['https://appwrite.io/docs/advanced/platform/permissions', 'https://appwrite.io/docs/products/auth/teams'],
    controls: ['hardening.project', 'authz.least-privilege'],
  },
  needs: ['appwrite-project'],
  messages: {
    wholeTeam: '{{where}} grants {{action}} to every member of team "{{team}}", while the project elsewhere limits that team by role ({{roles}}).',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      const uses = roleUses(project);
      const rolesByTeam = new Map<string, Set<string>>();
      for (const u of uses) {
        if (u.role.kind === 'team' && u.role.qualifier) rolesByTeam.set(u.role.id!, (rolesByTeam.get(u.role.id!) ?? new Set()).add(u.role.qualifier));
      }
      for (const u of uses) {
        if (u.role.kind !== 'team' || u.role.qualifier) continue;
        const roles = rolesByTeam.get(u.role.id!);
        if (!roles) continue;
        report({
          messageId: 'wholeTeam',
          data: { where: u.where, action: u.action, team: u.role.id!, roles: [...roles].sort().join(', ') },
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
