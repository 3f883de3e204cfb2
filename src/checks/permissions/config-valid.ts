import { parsePermission, parseRole } from '../../appwrite/permissions.js';
import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { containerLabel, containerResource, containers } from '../../permissions/analysis.js';

/**
 * The project file itself: permission strings and roles that do not parse (the CLI refuses them, and the
 * analysis cannot judge them), values of the wrong type, unreadable includes, and files that could not be
 * read at all (reported as `error`: nothing in them was judged).
 */
export const configValid = defineCheck({
  meta: {
    id: 'permissions/config-valid',
    title: 'Appwrite project files parse and every permission is well-formed',
    severity: 'medium',
    risk: 'A malformed permission or value is rejected at deploy time or silently means something else; what was reviewed is not what runs, and the analysis cannot vouch for it.',
    remediation: 'Fix the value at the reported line: permissions are read|create|update|delete|write("<role>") with roles such as any, users, team:<id>/<role>.',
    references: ['https://appwrite.io/docs/advanced/platform/permissions', 'https://appwrite.io/docs/tooling/command-line/commands'],
    controls: ['hardening.project'],
  },
  needs: ['appwrite-project'],
  messages: {
    invalidPermission: '{{where}}: {{reason}}',
    invalidValue: '{{message}}',
    unreadable: 'Could not read {{path}}: {{message}}',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const f of facts.failures) {
      report({ messageId: 'unreadable', data: { path: f.path, message: f.message }, location: { path: f.path, ...(f.line ? { line: f.line } : {}) }, status: 'error', key: `unreadable:${f.path}` });
    }
    for (const p of facts.problems) {
      report({ messageId: 'invalidValue', data: { message: p.message }, location: { path: p.path, ...(p.line ? { line: p.line } : {}) }, ...(p.resource ? { resource: p.resource } : {}), key: `${p.kind}:${p.line ?? ''}:${p.message}`, ...(p.kind === 'invalid-include' ? { status: 'error' as const } : {}) });
    }
    for (const project of facts.projects) {
      for (const c of containers(project)) {
        for (const ref of c.permissions) {
          const parsed = parsePermission(ref.value);
          if (!parsed.ok) report({ messageId: 'invalidPermission', data: { where: containerLabel(c), reason: parsed.reason }, resource: containerResource(c), location: ref.location ?? c.location, key: `perm:${ref.value}` });
        }
      }
      const bare = [
        ...project.functions.flatMap((f) => f.execute.map((ref) => ({ ref, where: `function "${f.id}" execute`, resource: { type: 'function', id: f.id }, fallback: f.location }))),
        ...project.topics.flatMap((t) => t.subscribe.map((ref) => ({ ref, where: `topic "${t.id}" subscribe`, resource: { type: 'topic', id: t.id }, fallback: t.location }))),
      ];
      for (const b of bare) {
        const parsed = parseRole(b.ref.value);
        if (!parsed.ok) report({ messageId: 'invalidPermission', data: { where: b.where, reason: parsed.reason }, resource: b.resource, location: b.ref.location ?? b.fallback, key: `role:${b.ref.value}` });
      }
    }
  },
});
