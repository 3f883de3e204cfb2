import { CLOUD_ONLY_SCOPES, LEGACY_ONLY_SCOPES, PROJECT_SCOPES } from './scopes.generated.js';

export { PROJECT_SCOPES, SCOPES_SERVER_VERSION } from './scopes.generated.js';

export type ProjectScope = (typeof PROJECT_SCOPES)[number]['scope'];

const SELF_HOSTED = new Set<string>(PROJECT_SCOPES.map((s) => s.scope));
const ALL_KNOWN = new Set<string>([...SELF_HOSTED, ...LEGACY_ONLY_SCOPES, ...CLOUD_ONLY_SCOPES]);

/** True for a scope name any supported server (1.8, 1.9, Cloud) accepts. */
export function isKnownScope(scope: string): boolean {
  return ALL_KNOWN.has(scope);
}

export function scopeDescription(scope: string): string | undefined {
  return PROJECT_SCOPES.find((s) => s.scope === scope)?.description;
}

/** Scopes that change data or configuration (everything but `.read`). */
export function isWriteScope(scope: string): boolean {
  return !scope.endsWith('.read');
}

/**
 * Scopes that administer the project rather than serve app data: with one of them a function (or a key)
 * can change who may do what, mint credentials, or act as any user. A leaked execution key or a function
 * reachable by anyone with one of these is a project takeover, not a data leak.
 */
export const ADMIN_SCOPES: ReadonlySet<string> = new Set([
  'project.write',
  'keys.read',
  'keys.write',
  'platforms.write',
  'policies.write',
  'project.policies.write',
  'mocks.write',
  'templates.write',
  'oauth2.write',
  'project.oauth2.write',
  'users.write',
  'sessions.write',
  'teams.write',
  'tokens.write',
  'functions.write',
  'sites.write',
  'webhooks.write',
  'rules.write',
  'vcs.write',
  'migrations.write',
  'providers.write',
  // Schema and container writes: they can drop or re-permission whole collections and buckets.
  'databases.write',
  'collections.write',
  'tables.write',
  'attributes.write',
  'columns.write',
  'indexes.write',
  'buckets.write',
]);

export function isAdminScope(scope: string): boolean {
  return ADMIN_SCOPES.has(scope);
}

/** Every scope of the current self-hosted release: a function holding them all is an admin key. */
export const ALL_PROJECT_SCOPE_COUNT = SELF_HOSTED.size;
