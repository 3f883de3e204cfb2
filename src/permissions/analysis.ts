import { parsePermission, parseRole, type DataAction, type Permission, type Role } from '../appwrite/permissions.js';
import type { BucketModel, DataResourceModel, PermissionRef, ProjectModel, SourceRef } from '../appwrite/project-model.js';
import type { ResourceRef } from '../core/finding.js';

/** A container whose grants the permission checks judge: a collection, a table or a bucket. */
export interface Container {
  type: 'collection' | 'table' | 'bucket';
  id: string;
  name?: string;
  databaseId?: string;
  /** documentSecurity / rowSecurity / fileSecurity; undefined = not written. */
  security?: boolean;
  permissions: PermissionRef[];
  fieldNames: string[];
  location?: SourceRef;
  project: ProjectModel;
}

export interface Grant {
  ref: PermissionRef;
  permission: Permission;
  role: Role;
}

// Every check walks the same project; the derived views are computed once per project object.
const containerMemo = new WeakMap<ProjectModel, Container[]>();
const roleUseMemo = new WeakMap<ProjectModel, RoleUse[]>();
const grantMemo = new WeakMap<readonly PermissionRef[], Grant[]>();
const sensitivityMemo = new WeakMap<Container, { terms: readonly string[]; value: Sensitivity }>();

export function containers(project: ProjectModel): Container[] {
  let v = containerMemo.get(project);
  if (!v) containerMemo.set(project, (v = computeContainers(project)));
  return v;
}

function computeContainers(project: ProjectModel): Container[] {
  const data = project.dataResources.map(
    (r: DataResourceModel): Container => ({
      type: r.kind,
      id: r.id,
      name: r.name,
      databaseId: r.databaseId,
      security: r.security,
      permissions: r.permissions,
      fieldNames: r.fields.map((f) => f.key),
      location: r.location,
      project,
    }),
  );
  const buckets = project.buckets.map(
    (b: BucketModel): Container => ({ type: 'bucket', id: b.id, name: b.name, security: b.fileSecurity, permissions: b.permissions, fieldNames: [], location: b.location, project }),
  );
  return [...data, ...buckets];
}

/** Parsed resource-level grants; invalid strings are left to `permissions/config-valid`. */
export function grantsOf(refs: readonly PermissionRef[]): Grant[] {
  let v = grantMemo.get(refs);
  if (!v) grantMemo.set(refs, (v = computeGrants(refs)));
  return v;
}

function computeGrants(refs: readonly PermissionRef[]): Grant[] {
  const out: Grant[] = [];
  for (const ref of refs) {
    const p = parsePermission(ref.value);
    if (p.ok) out.push({ ref, permission: p.value, role: p.value.role });
  }
  return out;
}

/** Parsed bare roles (function execute, topic subscribe). */
export function rolesOf(refs: readonly PermissionRef[]): { ref: PermissionRef; role: Role }[] {
  return refs.flatMap((ref) => {
    const r = parseRole(ref.value);
    return r.ok ? [{ ref, role: r.value }] : [];
  });
}

export function grantsAction(g: Grant, action: DataAction): boolean {
  return g.permission.actions.includes(action);
}

export function containerResource(c: Container): ResourceRef {
  return { type: c.type, id: c.databaseId ? `${c.databaseId}/${c.id}` : c.id, ...(c.name ? { name: c.name } : {}) };
}

export function containerLabel(c: Container): string {
  return `${c.type} "${c.databaseId ? `${c.databaseId}/` : ''}${c.id}"`;
}

/** Words in identifiers that mark secrets: exposing these is worse than exposing personal data. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'token', 'secret', 'apikey', 'privatekey', 'otp', 'cvv', 'cvc', 'pin', 'salt', 'session', 'credential', 'mfa', 'totp', 'recovery']);
const PERSONAL_WORDS = new Set([
  'email', 'mail', 'phone', 'mobile', 'address', 'street', 'zip', 'postcode', 'postal', 'birth', 'birthday', 'birthdate', 'dob', 'ssn', 'iban', 'bic', 'card', 'payment',
  'billing', 'bank', 'passport', 'license', 'licence', 'tax', 'vat', 'salary', 'income', 'health', 'medical', 'diagnosis', 'patient', 'insurance', 'gender', 'ethnicity',
  'religion', 'latitude', 'longitude', 'geo', 'location', 'ip', 'firstname', 'lastname', 'fullname', 'surname', 'nationalid', 'customers', 'customer', 'profiles', 'profile',
  'patients', 'employees', 'employee', 'contacts', 'contact', 'payments', 'invoice', 'invoices', 'messages', 'chats', 'chat',
]);

/** `birthDate` -> birth, date, birthdate; `ip_address` -> ip, address, ipaddress. */
function words(identifier: string): string[] {
  const parts = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return [...parts, parts.join('')];
}

export interface Sensitivity {
  secret: string[];
  personal: string[];
}

/** Which sensitive terms a resource's name, id or fields carry (`extra` adds the config's own terms). */
export function sensitivityOf(c: Container, extra: readonly string[] = []): Sensitivity {
  const hit = sensitivityMemo.get(c);
  if (hit && hit.terms === extra) return hit.value;
  const value = computeSensitivity(c, extra);
  sensitivityMemo.set(c, { terms: extra, value });
  return value;
}

function computeSensitivity(c: Pick<Container, 'id' | 'name' | 'fieldNames'>, extra: readonly string[]): Sensitivity {
  const secret = new Set<string>();
  const personal = new Set<string>();
  const extraWords = extra.map((t) => t.toLowerCase().replace(/[^a-z0-9]/g, ''));
  // The name often repeats the id in another case (`profiles` / `Profiles`): list each identifier once.
  const ids = [c.id, ...(c.name && c.name.toLowerCase() !== c.id.toLowerCase() ? [c.name] : []), ...c.fieldNames];
  for (const id of ids) {
    const ws = words(id);
    for (const w of ws) {
      if (SECRET_WORDS.has(w)) secret.add(id);
      else if (PERSONAL_WORDS.has(w) || extraWords.includes(w)) personal.add(id);
    }
  }
  return { secret: [...secret], personal: [...personal].filter((p) => !secret.has(p)) };
}

export function isSensitive(s: Sensitivity): boolean {
  return s.secret.length + s.personal.length > 0;
}

export interface RoleUse {
  /** `collection "main/posts"`, `function "checkout"`. */
  where: string;
  resource: ResourceRef;
  /** What the role is granted: `update`, `write`, `execute`, `subscribe`. */
  action: string;
  /** True when the grant lets the role change data (create/update/delete/write). */
  writes: boolean;
  role: Role;
  ref: PermissionRef;
  fallback?: SourceRef;
}

/** Every role granted anywhere in a project: containers, function execute and topic subscribe lists. */
export function roleUses(project: ProjectModel): RoleUse[] {
  let v = roleUseMemo.get(project);
  if (!v) roleUseMemo.set(project, (v = computeRoleUses(project)));
  return v;
}

function computeRoleUses(project: ProjectModel): RoleUse[] {
  const out: RoleUse[] = [];
  for (const c of containers(project)) {
    for (const g of grantsOf(c.permissions)) {
      out.push({ where: containerLabel(c), resource: containerResource(c), action: g.permission.verb, writes: g.permission.verb !== 'read', role: g.role, ref: g.ref, fallback: c.location });
    }
  }
  for (const f of project.functions) {
    for (const r of rolesOf(f.execute)) out.push({ where: `function "${f.id}"`, resource: { type: 'function', id: f.id, ...(f.name ? { name: f.name } : {}) }, action: 'execute', writes: false, role: r.role, ref: r.ref, fallback: f.location });
  }
  for (const t of project.topics) {
    for (const r of rolesOf(t.subscribe)) out.push({ where: `topic "${t.id}"`, resource: { type: 'topic', id: t.id, ...(t.name ? { name: t.name } : {}) }, action: 'subscribe', writes: false, role: r.role, ref: r.ref, fallback: t.location });
  }
  return out;
}

/** Bucket helpers: who may upload, and who may read, at bucket level. */
export function bucketAudience(b: BucketModel): { uploaders: Role[]; readers: Role[] } {
  const grants = grantsOf(b.permissions);
  const broad = (r: Role) => r.kind === 'any' || r.kind === 'guests' || r.kind === 'users';
  return {
    uploaders: grants.filter((g) => grantsAction(g, 'create') && broad(g.role)).map((g) => g.role),
    readers: grants.filter((g) => grantsAction(g, 'read') && broad(g.role)).map((g) => g.role),
  };
}

export function bucketResource(b: BucketModel): ResourceRef {
  return { type: 'bucket', id: b.id, ...(b.name ? { name: b.name } : {}) };
}

/** The project as a finding's resource (settings findings). */
export function projectRef(p: ProjectModel): ResourceRef {
  return { type: 'project', id: p.projectId ?? p.source, ...(p.projectName ? { name: p.projectName } : {}) };
}
