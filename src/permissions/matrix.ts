import {
  API_KEY_NOTE,
  parsePermission,
  parseRole,
  principalClass,
  type Action,
  type PrincipalClass,
  type Role,
} from '../appwrite/permissions.js';
import type { ItemModel, PermissionRef, ProjectModel, SourceRef } from '../appwrite/project-model.js';
import type { Severity } from '../core/severity.js';

export type MatrixResourceType = 'collection' | 'table' | 'bucket' | 'function' | 'topic';
/** `resource`: granted on the collection/table/bucket/function itself; the others: on one item inside it. */
export type GrantLevel = 'resource' | 'document' | 'row' | 'file';
/** State of document/row/file security: `unset` = not written in the file (CLI and server disagree). */
export type SecurityState = 'on' | 'off' | 'unset';

export interface MatrixEntry {
  resourceType: MatrixResourceType;
  resourceId: string;
  resourceName?: string;
  action: Action;
  /** Canonical role string: `any`, `users/verified`, `team:abc/admin`. */
  role: string;
  level: GrantLevel;
  databaseId?: string;
  /** Set for document/row/file level grants. */
  itemId?: string;
  /** True for item-level grants whose security flag is unset (effective only if the server has it on). */
  conditional?: boolean;
  principal: PrincipalClass;
  /** The permission as written (`write("users")`, `$write: role:member`, or a bare execute role). */
  permission: string;
  projectId?: string;
  location?: SourceRef;
}

export interface MatrixResource {
  resourceType: MatrixResourceType;
  resourceId: string;
  resourceName?: string;
  databaseId?: string;
  projectId?: string;
  /** For collections, tables and buckets. */
  security?: SecurityState;
  location?: SourceRef;
}

export interface InvalidGrant {
  resourceType: MatrixResourceType;
  resourceId: string;
  value: string;
  reason: string;
  location?: SourceRef;
}

export interface AccessMatrix {
  notes: string[];
  sources: string[];
  resources: MatrixResource[];
  entries: MatrixEntry[];
  invalid: InvalidGrant[];
}

export const ITEM_LEVEL: Record<'collection' | 'table' | 'bucket', GrantLevel> = { collection: 'document', table: 'row', bucket: 'file' };

export function securityState(flag: boolean | undefined): SecurityState {
  return flag === undefined ? 'unset' : flag ? 'on' : 'off';
}

/**
 * Who can do what on every resource of the given projects. Resource-level grants always apply; item-level
 * grants (documents, rows, files: only live sources carry them) apply when that security is on, and either
 * level suffices. API keys are outside this model entirely: the notes say so.
 */
export function buildMatrix(projects: readonly ProjectModel[]): AccessMatrix {
  const m: AccessMatrix = { notes: [API_KEY_NOTE], sources: projects.map((p) => p.source), resources: [], entries: [], invalid: [] };
  // Dedupe per resource (write("users") next to update("users") is one grant): short keys, small sets.
  let seen = new Set<string>();
  let seenFor: unknown;
  const push = (owner: unknown, e: MatrixEntry) => {
    if (owner !== seenFor) {
      seenFor = owner;
      seen = new Set();
    }
    const k = `${e.action}\u0000${e.role}\u0000${e.level}\u0000${e.itemId ?? ''}`;
    if (!seen.has(k)) {
      seen.add(k);
      m.entries.push(e);
    }
  };
  for (const p of projects) {
    const base = p.projectId === undefined ? {} : { projectId: p.projectId };
    const grants = (
      resourceType: MatrixResourceType,
      r: { id: string; name?: string; databaseId?: string },
      refs: readonly PermissionRef[],
      level: GrantLevel,
      extra: Partial<MatrixEntry> = {},
    ) => {
      for (const ref of refs) {
        const parsed = parsePermission(ref.value);
        if (!parsed.ok) {
          m.invalid.push({ resourceType, resourceId: r.id, value: ref.original ?? ref.value, reason: parsed.reason, ...(ref.location ? { location: ref.location } : {}) });
          continue;
        }
        for (const action of parsed.value.actions) push(r, entry(resourceType, r, action, parsed.value.role, level, ref, base.projectId, extra));
      }
    };
    const bareRoles = (resourceType: MatrixResourceType, r: { id: string; name?: string }, refs: readonly PermissionRef[], action: Action) => {
      for (const ref of refs) {
        const role = parseRole(ref.value);
        if (!role.ok) {
          m.invalid.push({ resourceType, resourceId: r.id, value: ref.original ?? ref.value, reason: role.reason, ...(ref.location ? { location: ref.location } : {}) });
          continue;
        }
        push(r, entry(resourceType, r, action, role.value, 'resource', ref, base.projectId));
      }
    };
    const items = (resourceType: 'collection' | 'table' | 'bucket', r: { id: string; name?: string; databaseId?: string }, security: SecurityState, list?: ItemModel[]) => {
      if (!list || security === 'off') return;
      for (const it of list) grants(resourceType, r, it.permissions, ITEM_LEVEL[resourceType], { itemId: it.id, ...(security === 'unset' ? { conditional: true } : {}) });
    };

    for (const r of p.dataResources) {
      const security = securityState(r.security);
      m.resources.push({ resourceType: r.kind, resourceId: r.id, resourceName: r.name, databaseId: r.databaseId, security, ...base, ...(r.location ? { location: r.location } : {}) });
      grants(r.kind, r, r.permissions, 'resource');
      items(r.kind, r, security, r.items);
    }
    for (const b of p.buckets) {
      const security = securityState(b.fileSecurity);
      m.resources.push({ resourceType: 'bucket', resourceId: b.id, resourceName: b.name, security, ...base, ...(b.location ? { location: b.location } : {}) });
      grants('bucket', b, b.permissions, 'resource');
      items('bucket', b, security, b.items);
    }
    for (const f of p.functions) {
      m.resources.push({ resourceType: 'function', resourceId: f.id, resourceName: f.name, ...base, ...(f.location ? { location: f.location } : {}) });
      bareRoles('function', f, f.execute, 'execute');
    }
    for (const t of p.topics) {
      m.resources.push({ resourceType: 'topic', resourceId: t.id, resourceName: t.name, ...base, ...(t.location ? { location: t.location } : {}) });
      bareRoles('topic', t, t.subscribe, 'subscribe');
    }
  }
  return m;
}

function entry(
  resourceType: MatrixResourceType,
  r: { id: string; name?: string; databaseId?: string },
  action: Action,
  role: Role,
  level: GrantLevel,
  ref: PermissionRef,
  projectId: string | undefined,
  extra?: Partial<MatrixEntry>,
): MatrixEntry {
  // Built field by field: this runs once per grant, tens of thousands of times on large projects.
  const e: MatrixEntry = { resourceType, resourceId: r.id, action, role: role.canonical, level, principal: principalClass(role), permission: ref.original ?? ref.value };
  if (r.name !== undefined) e.resourceName = r.name;
  if (r.databaseId !== undefined) e.databaseId = r.databaseId;
  if (ref.location) e.location = ref.location;
  if (projectId !== undefined) e.projectId = projectId;
  if (extra) Object.assign(e, extra);
  return e;
}

/** Identity of a grant, independent of where it is written: what `permissions diff` compares. */
export function entryKey(e: Pick<MatrixEntry, 'resourceType' | 'databaseId' | 'resourceId' | 'action' | 'role' | 'level' | 'itemId'>): string {
  return [e.resourceType, e.databaseId ?? '', e.resourceId, e.action, e.role, e.level, e.itemId ?? ''].join('\u0000');
}

/**
 * Whether a grant to `grant` reaches the principal `who`: `any` reaches everyone, `users` every signed-in
 * principal (a user, a team member, a label holder), `team:x` every role of team x, and so on.
 */
export function roleReaches(grant: Role, who: Role): boolean {
  switch (grant.kind) {
    case 'any':
      return true;
    case 'guests':
      return who.kind === 'guests';
    case 'users':
      if (!grant.qualifier) return who.kind !== 'any' && who.kind !== 'guests';
      return (who.kind === 'users' || who.kind === 'user') && who.qualifier === grant.qualifier;
    case 'user':
      return who.kind === 'user' && who.id === grant.id && (!grant.qualifier || who.qualifier === grant.qualifier);
    case 'team':
      return who.kind === 'team' && who.id === grant.id && (!grant.qualifier || who.qualifier === grant.qualifier);
    case 'member':
    case 'label':
      return who.kind === grant.kind && who.id === grant.id;
  }
}

/**
 * How bad a grant is by action and principal: writes by anyone are critical, reads by anyone medium,
 * writes by every signed-in user high, scoped grants informational.
 */
export function grantSeverity(action: Action, principal: PrincipalClass): Severity {
  if (principal === 'public' || principal === 'guests') {
    if (action === 'update' || action === 'delete') return 'critical';
    if (action === 'create') return 'high';
    return action === 'subscribe' ? 'low' : 'medium';
  }
  if (principal === 'users') return action === 'update' || action === 'delete' ? 'high' : 'low';
  return 'info';
}
