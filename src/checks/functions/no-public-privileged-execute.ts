import { describeRole, isBroadRole, isUnauthenticatedRole } from '../../appwrite/permissions.js';
import { isWriteScope } from '../../appwrite/scopes.js';
import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { rolesOf } from '../../permissions/analysis.js';

/**
 * A function anyone (or every user) may execute, whose execution key holds write scopes: the caller
 * reaches a path that writes with an API key, and API keys bypass every permission.
 */
export const noPublicPrivilegedExecute = defineCheck({
  meta: {
    id: 'functions/no-public-privileged-execute',
    title: 'Functions that write with an API key cannot be executed by everyone',
    severity: 'critical',
    risk: 'The function\'s execution key bypasses all document, row and file permissions; anyone who may execute it can make it write whatever its input asks for, unless the code re-checks the caller.',
    remediation: 'Restrict "execute" to the roles that need it (a team role, or none for event/schedule-only functions), drop write scopes the function does not need, and check x-appwrite-user-id in the code before writing.',
    references: ['https://appwrite.io/docs/products/functions/functions#permissions', 'https://appwrite.io/docs/products/functions/develop#dynamic-api-key'],
    controls: ['hardening.project', 'runtime.privileged-writes-server-only'],
  },
  needs: ['appwrite-project'],
  messages: {
    privileged: 'function "{{fn}}" can be executed by {{who}} and its execution key holds write scopes ({{scopes}}).',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const f of project.functions) {
        const writes = f.scopes.filter(isWriteScope);
        if (writes.length === 0) continue;
        for (const { ref, role } of rolesOf(f.execute)) {
          if (!isBroadRole(role)) continue;
          report({
            messageId: 'privileged',
            data: { fn: f.id, who: describeRole(role), scopes: writes.join(', ') },
            resource: { type: 'function', id: f.id, ...(f.name ? { name: f.name } : {}) },
            location: ref.location ?? f.executeLocation,
            severity: isUnauthenticatedRole(role) ? 'critical' : 'high',
            key: `execute:${role.canonical}`,
            evidence: { role: role.canonical, writeScopes: writes.join(',') },
          });
        }
      }
    }
  },
});
