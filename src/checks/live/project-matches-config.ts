import '../../collectors/appwrite-config/schema.js';
import '../../collectors/appwrite-live/schema.js';
import type { PermissionRef, ProjectModel, SourceRef } from '../../appwrite/project-model.js';
import { defineCheck } from '../../core/check.js';
import { liveSource } from '../../live/to-project-model.js';

type Messages = 'notDeployed' | 'undeclared' | 'permissionsDiffer' | 'securityDiffers' | 'functionDiffers';

interface Comparable {
  key: string;
  label: string;
  type: string;
  id: string;
  permissions: PermissionRef[];
  security?: boolean;
  location?: SourceRef;
  execute?: PermissionRef[];
  scopes?: string[];
}

const norm = (v: string) => v.replace(/\s+/g, '').replace(/'/g, '"');
const set = (refs: PermissionRef[] | string[] | undefined) => new Set((refs ?? []).map((r) => norm(typeof r === 'string' ? r : r.value)));

function comparables(p: ProjectModel): Map<string, Comparable> {
  const out = new Map<string, Comparable>();
  // Tables and collections are two views of one resource: compare by database and id.
  for (const r of p.dataResources) out.set(`data:${r.databaseId}/${r.id}`, { key: `data:${r.databaseId}/${r.id}`, label: `${r.kind} ${r.databaseId}/${r.id}`, type: r.kind, id: `${r.databaseId}/${r.id}`, permissions: r.permissions, security: r.security, location: r.location });
  for (const b of p.buckets) out.set(`bucket:${b.id}`, { key: `bucket:${b.id}`, label: `bucket ${b.id}`, type: 'bucket', id: b.id, permissions: b.permissions, security: b.fileSecurity, location: b.location });
  for (const f of p.functions) out.set(`function:${f.id}`, { key: `function:${f.id}`, label: `function ${f.id}`, type: 'function', id: f.id, permissions: [], execute: f.execute, scopes: f.scopes, location: f.location });
  return out;
}

const diff = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

/**
 * Drift between appwrite.json and the deployed project with the same project id: resources declared
 * but not deployed, deployed but not declared, and permissions, security flags, function execute roles
 * or scopes that differ. What was reviewed in the repository should be what runs.
 */
export const projectMatchesConfig = defineCheck({
  meta: {
    id: 'live/project-matches-config',
    title: 'The live project matches its appwrite.json',
    severity: 'medium',
    risk: 'Changes made in the Console bypass review: a permission widened by hand stays in production while the reviewed file says otherwise, and the next deploy may silently undo a fix.',
    remediation: 'Bring them back in line: pull the live state into appwrite.json (appwrite pull) and review the difference, or push the reviewed file; then make Console edits go through the repository.',
    references: ['https://appwrite.io/docs/tooling/command-line/commands'],
    controls: ['change-management.drift'],
  },
  needs: ['appwrite-project', 'appwrite-live'],
  messages: {
    notDeployed: '{{env}}: {{what}} is declared in {{file}} but not deployed.',
    undeclared: '{{env}}: {{what}} is deployed but not declared in {{file}}.',
    permissionsDiffer: '{{env}}: {{what}} permissions differ from {{file}}: live adds {{added}}; live lacks {{removed}}.',
    securityDiffers: '{{env}}: {{what}} has {{flag}} {{live}} live, {{declared}} in {{file}}.',
    functionDiffers: '{{env}}: {{what}} {{field}} differ from {{file}}: live adds {{added}}; live lacks {{removed}}.',
  },
  run({ 'appwrite-project': projects, 'appwrite-live': live }, { report }) {
    const files = projects.projects.filter((p) => p.origin === 'config-file');
    for (const lp of projects.projects.filter((p) => p.origin === 'live-api')) {
      const file = files.find((f) => f.projectId === lp.projectId);
      if (!file) continue;
      const env = live.environments.find((e) => liveSource(e) === lp.source)?.environment ?? lp.source;
      const declared = comparables(file);
      const deployed = comparables(lp);
      const r = (messageId: Messages, c: Comparable, data: Record<string, string>, location: SourceRef | undefined, severity: 'low' | 'medium' | 'high', key: string) =>
        report({ messageId, data: { env, what: c.label, file: file.source, ...data }, resource: { type: c.type, id: c.id }, ...(location ? { location } : {}), severity, key: `${env}:${c.key}:${key}` });
      for (const [k, d] of declared) {
        const l = deployed.get(k);
        if (!l) {
          r('notDeployed', d, {}, d.location, 'low', 'missing');
          continue;
        }
        const [dp, lpp] = [set(d.permissions), set(l.permissions)];
        const added = diff(lpp, dp);
        const removed = diff(dp, lpp);
        if (added.length || removed.length) r('permissionsDiffer', d, { added: added.join(', ') || 'nothing', removed: removed.join(', ') || 'nothing' }, l.location, added.length ? 'high' : 'medium', 'permissions');
        if (d.security !== undefined && l.security !== undefined && d.security !== l.security) {
          const flag = d.type === 'bucket' ? 'fileSecurity' : d.type === 'table' ? 'rowSecurity' : 'documentSecurity';
          r('securityDiffers', d, { flag, live: String(l.security), declared: String(d.security) }, l.location, 'medium', 'security');
        }
        for (const field of ['execute', 'scopes'] as const) {
          if (d.type !== 'function') continue;
          const [a, b] = [set(d[field]), set(l[field])];
          const more = diff(b, a);
          const less = diff(a, b);
          if (more.length || less.length) r('functionDiffers', d, { field, added: more.join(', ') || 'nothing', removed: less.join(', ') || 'nothing' }, l.location, more.length ? 'high' : 'medium', field);
        }
      }
      for (const [k, l] of deployed) if (!declared.has(k)) r('undeclared', l, {}, l.location, 'low', 'undeclared');
    }
  },
});
