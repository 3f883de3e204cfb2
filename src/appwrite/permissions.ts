/**
 * Appwrite's permission and role grammar (node-appwrite dist/permission.js and dist/role.js), plus the
 * pre-1.0 forms (`$read`/`$write` lists with `role:all`, `role:member`, `role:guest`).
 *
 * - A permission string is `<verb>("<role>")`; `write` means create + update + delete, never read.
 * - Roles: `any`, `guests`, `users`, `users/verified`, `users/unverified`, `user:<id>`,
 *   `user:<id>/verified|unverified`, `team:<id>`, `team:<id>/<role>`, `member:<membershipId>`, `label:<name>`.
 * - Function `execute` and topic `subscribe` lists hold bare role strings.
 */

export const DATA_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type DataAction = (typeof DATA_ACTIONS)[number];
export const ACTIONS = [...DATA_ACTIONS, 'execute', 'subscribe'] as const;
export type Action = (typeof ACTIONS)[number];

export const PERMISSION_VERBS = ['read', 'create', 'update', 'delete', 'write'] as const;
export type PermissionVerb = (typeof PERMISSION_VERBS)[number];

export const WRITE_ACTIONS: readonly DataAction[] = ['create', 'update', 'delete'];

export type RoleKind = 'any' | 'guests' | 'users' | 'user' | 'team' | 'member' | 'label';

export interface Role {
  kind: RoleKind;
  /** user, team or membership id, or label name. */
  id?: string;
  /** `verified` / `unverified` for users and user roles; the team role for `team:<id>/<role>`. */
  qualifier?: string;
  /** Canonical modern spelling: `users/verified`, `team:abc/admin`. */
  canonical: string;
}

/**
 * Who a role reaches, coarsely: `public` (anyone, signed in or not), `guests` (only signed-out callers),
 * `users` (every signed-in account, anonymous sessions included), `scoped` (a team, membership, label or
 * one user).
 */
export type PrincipalClass = 'public' | 'guests' | 'users' | 'scoped';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;
const TEAM_ROLE = /^[A-Za-z0-9._-]{1,81}$/;
const LABEL = /^[A-Za-z0-9]{1,36}$/;

/** Pre-1.0 role names and what 1.0 renamed them to. */
const LEGACY_ROLES: Record<string, string> = { 'role:all': 'any', 'role:member': 'users', 'role:guest': 'guests' };

/** Translates a pre-1.0 role string to its 1.x form; other strings pass through. */
export function modernRole(role: string): string {
  return LEGACY_ROLES[role] ?? role;
}

export function isLegacyRole(role: string): boolean {
  return role in LEGACY_ROLES;
}

// Project files repeat the same few strings thousands of times; results are immutable, so a bounded memo
// is safe and keeps large files fast.
const MEMO_LIMIT = 50_000;
const roleMemo = new Map<string, ParseResult<Role>>();
const permissionMemo = new Map<string, ParseResult<Permission>>();

function memo<T>(cache: Map<string, T>, key: string, compute: (k: string) => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = compute(key);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(key, v);
  }
  return v;
}

export function parseRole(input: string): ParseResult<Role> {
  return memo(roleMemo, input, parseRoleUncached);
}

function parseRoleUncached(input: string): ParseResult<Role> {
  const raw = modernRole(input.trim());
  if (raw === 'any' || raw === 'guests') return { ok: true, value: { kind: raw, canonical: raw } };
  if (raw === 'users') return { ok: true, value: { kind: 'users', canonical: raw } };
  const [head, qualifier, ...extra] = raw.split('/');
  if (extra.length > 0) return { ok: false, reason: `role "${input}" has more than one "/"` };
  if (head === 'users') {
    if (qualifier === 'verified' || qualifier === 'unverified') return { ok: true, value: { kind: 'users', qualifier, canonical: raw } };
    return { ok: false, reason: `role "${input}": users may only be qualified as /verified or /unverified` };
  }
  const colon = head!.indexOf(':');
  if (colon === -1) return { ok: false, reason: `unknown role "${input}"; expected any, guests, users, user:<id>, team:<id>, member:<id> or label:<name>` };
  const kind = head!.slice(0, colon);
  const id = head!.slice(colon + 1);
  switch (kind) {
    case 'user':
      if (!ID.test(id)) return { ok: false, reason: `role "${input}": "${id}" is not a valid user id` };
      if (qualifier !== undefined && qualifier !== 'verified' && qualifier !== 'unverified') {
        return { ok: false, reason: `role "${input}": a user may only be qualified as /verified or /unverified` };
      }
      return { ok: true, value: { kind: 'user', id, ...(qualifier ? { qualifier } : {}), canonical: raw } };
    case 'team':
      if (!ID.test(id)) return { ok: false, reason: `role "${input}": "${id}" is not a valid team id` };
      if (qualifier !== undefined && !TEAM_ROLE.test(qualifier)) return { ok: false, reason: `role "${input}": "${qualifier}" is not a valid team role` };
      return { ok: true, value: { kind: 'team', id, ...(qualifier ? { qualifier } : {}), canonical: raw } };
    case 'member':
      if (!ID.test(id) || qualifier !== undefined) return { ok: false, reason: `role "${input}": expected member:<membershipId>` };
      return { ok: true, value: { kind: 'member', id, canonical: raw } };
    case 'label':
      if (!LABEL.test(id) || qualifier !== undefined) return { ok: false, reason: `role "${input}": a label is 1-36 letters or digits` };
      return { ok: true, value: { kind: 'label', id, canonical: raw } };
    default:
      return { ok: false, reason: `unknown role kind "${kind}" in "${input}"` };
  }
}

export interface Permission {
  verb: PermissionVerb;
  /** What the verb grants: `write` expands to create, update and delete. */
  actions: readonly DataAction[];
  role: Role;
}

const PERMISSION = /^\s*(read|create|update|delete|write)\s*\(\s*"([^"]*)"\s*\)\s*$/;

export function parsePermission(input: string): ParseResult<Permission> {
  return memo(permissionMemo, input, parsePermissionUncached);
}

function parsePermissionUncached(input: string): ParseResult<Permission> {
  const m = PERMISSION.exec(input);
  if (!m) {
    return { ok: false, reason: `"${input}" is not a permission; expected read|create|update|delete|write("<role>"), e.g. read("users")` };
  }
  const verb = m[1] as PermissionVerb;
  const role = parseRole(m[2]!);
  if (!role.ok) return role;
  return { ok: true, value: Object.freeze({ verb, actions: actionsOf(verb), role: role.value }) };
}

export function actionsOf(verb: PermissionVerb): readonly DataAction[] {
  return verb === 'write' ? WRITE_ACTIONS : [verb];
}

export function formatPermission(action: PermissionVerb, role: string): string {
  return `${action}("${role}")`;
}

export function principalClass(role: Role): PrincipalClass {
  if (role.kind === 'any') return 'public';
  if (role.kind === 'guests') return 'guests';
  if (role.kind === 'users') return 'users';
  return 'scoped';
}

/** True when the role reaches callers nobody vetted: anyone, guests, or every signed-in account. */
export function isBroadRole(role: Role): boolean {
  return principalClass(role) !== 'scoped';
}

/** True when the role reaches signed-out callers (no account needed at all). */
export function isUnauthenticatedRole(role: Role): boolean {
  const c = principalClass(role);
  return c === 'public' || c === 'guests';
}

/**
 * How many callers a role reaches, for ordering and for telling widening from narrowing: `any` 100,
 * `users` 80, `users/unverified` 70, `users/verified` 60, `guests` 50, `label` 30, `team` 20,
 * `team/<role>` 15, `member` 10, `user` 5.
 */
export function roleBreadth(role: Role): number {
  switch (role.kind) {
    case 'any':
      return 100;
    case 'users':
      return role.qualifier === 'verified' ? 60 : role.qualifier === 'unverified' ? 70 : 80;
    case 'guests':
      return 50;
    case 'label':
      return 30;
    case 'team':
      return role.qualifier ? 15 : 20;
    case 'member':
      return 10;
    case 'user':
      return 5;
  }
}

/** Display name of a principal for messages: `anyone`, `any signed-in user`, `team:abc/admin`. */
export function describeRole(role: Role): string {
  switch (role.kind) {
    case 'any':
      return 'anyone (signed in or not)';
    case 'guests':
      return 'any signed-out visitor';
    case 'users':
      return role.qualifier === 'verified' ? 'any verified user' : role.qualifier === 'unverified' ? 'any unverified user' : 'any signed-in user';
    default:
      return role.canonical;
  }
}

/** The one sentence every view of the matrix carries: keys are outside the permission model. */
export const API_KEY_NOTE =
  'API keys bypass every permission listed here: a request made with a project API key (or a function execution key) is limited only by the key\'s scopes.';
