/**
 * Seeding the stand-in: partial, friendly descriptions of projects, completed with Appwrite's defaults
 * for a new project (1.9.6 Projects/Create.php).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  AUTH_METHOD_IDS,
  SERVICE_IDS,
  type AuthMethodId,
  type FakeBucket,
  type FakeCollection,
  type FakeConsoleSession,
  type FakeDatabase,
  type FakeDevKey,
  type FakeFunction,
  type FakeKey,
  type FakePlatform,
  type FakePolicies,
  type FakeProject,
  type FakeSmtp,
  type FakeState,
  type FakeTeam,
  type FakeUser,
  type FakeVariable,
  type FakeWebhook,
  type ProtocolId,
  type ServiceId,
  type Stamped,
} from './state.js';

type Seed<T> = Partial<T>;

export interface ProjectSeed extends Partial<Omit<FakeProject, 'keys' | 'devKeys' | 'platforms' | 'webhooks' | 'policies' | 'authMethods' | 'services' | 'protocols' | 'smtp' | 'databases' | 'buckets' | 'functions' | 'users' | 'teams'>> {
  keys?: (Seed<FakeKey> & { name: string })[];
  devKeys?: (Seed<FakeDevKey> & { name: string })[];
  platforms?: (Seed<FakePlatform> & { type: string })[];
  webhooks?: (Seed<FakeWebhook> & { url: string })[];
  policies?: Partial<FakePolicies>;
  authMethods?: Partial<Record<AuthMethodId, boolean>>;
  services?: Partial<Record<ServiceId, boolean>>;
  protocols?: Partial<Record<ProtocolId, boolean>>;
  smtp?: Partial<FakeSmtp>;
  databases?: (Seed<Omit<FakeDatabase, 'collections'>> & { $id: string; collections?: (Seed<FakeCollection> & { $id: string })[] })[];
  buckets?: (Seed<FakeBucket> & { $id: string })[];
  functions?: (Seed<Omit<FakeFunction, 'vars'>> & { $id: string; vars?: (Seed<FakeVariable> & { key: string; value: string })[] })[];
  /** A number creates that many synthetic users (user<n>@example.test). */
  users?: number | (Seed<FakeUser> & { email: string })[];
  teams?: number | (Seed<FakeTeam> & { name: string })[];
}

export interface FakeSeed {
  projects?: ProjectSeed[];
  consoleSessions?: FakeConsoleSession[];
}

export const SEED_TIME = '2026-01-05T10:00:00.000+00:00';

let counter = 0;
/** Appwrite-style 20-character hex id (`unique()`), deterministic enough for readable test output. */
export function uniqueId(): string {
  counter += 1;
  return `${(0x65f0a000 + counter).toString(16)}${createHash('sha1').update(String(counter)).digest('hex').slice(0, 12)}`;
}

/** `standard_` + 256 hex characters, the project key format since 1.6.0. */
export function newKeySecret(): string {
  return `standard_${randomBytes(128).toString('hex')}`;
}

function stamp<T extends Seed<Stamped>>(s: T, id?: string): Stamped {
  return { $id: s.$id ?? id ?? uniqueId(), $createdAt: s.$createdAt ?? SEED_TIME, $updatedAt: s.$updatedAt ?? s.$createdAt ?? SEED_TIME };
}

export function defaultPolicies(): FakePolicies {
  return {
    passwordDictionary: false,
    passwordHistory: 0,
    passwordStrength: { min: 8, uppercase: false, lowercase: false, number: false, symbols: false },
    passwordPersonalData: false,
    sessionAlert: false,
    sessionDuration: 31536000,
    sessionInvalidation: true,
    sessionLimit: 0,
    userLimit: 0,
    membershipPrivacy: { userId: true, userEmail: true, userPhone: true, userName: true, userMFA: true, userAccessedAt: true },
    denyAliasedEmail: false,
    denyDisposableEmail: false,
    denyFreeEmail: false,
    denyCorporateEmail: false,
  };
}

export function buildProject(seed: ProjectSeed = {}): FakeProject {
  const id = seed.$id ?? 'proj-1';
  const users: FakeUser[] =
    typeof seed.users === 'number'
      ? Array.from({ length: seed.users }, (_, i) => ({ ...stamp({}, `user${i + 1}`), name: `User ${i + 1}`, email: `user${i + 1}@example.test`, phone: '' }))
      : (seed.users ?? []).map((u) => ({ ...stamp(u), name: u.name ?? '', email: u.email, phone: u.phone ?? '' }));
  const teams: FakeTeam[] =
    typeof seed.teams === 'number'
      ? Array.from({ length: seed.teams }, (_, i) => ({ ...stamp({}, `team${i + 1}`), name: `Team ${i + 1}`, total: 1 }))
      : (seed.teams ?? []).map((t) => ({ ...stamp(t), name: t.name, total: t.total ?? 0 }));
  return {
    ...stamp(seed, id),
    name: seed.name ?? 'Project',
    teamId: seed.teamId ?? 'team-console-1',
    region: seed.region ?? 'default',
    keys: (seed.keys ?? []).map((k) => ({ ...stamp(k), name: k.name, expire: k.expire ?? '', scopes: k.scopes ?? [], secret: k.secret ?? newKeySecret(), accessedAt: k.accessedAt ?? '', sdks: k.sdks ?? [] })),
    devKeys: (seed.devKeys ?? []).map((k) => ({ ...stamp(k), name: k.name, expire: k.expire ?? '2027-01-01T00:00:00.000+00:00', secret: k.secret ?? randomBytes(128).toString('hex'), accessedAt: k.accessedAt ?? '', sdks: k.sdks ?? [] })),
    platforms: (seed.platforms ?? []).map((p) => ({ ...stamp(p), name: p.name ?? p.type, type: p.type, key: p.key ?? '', store: p.store ?? '', hostname: p.hostname ?? '', httpUser: p.httpUser ?? '', httpPass: p.httpPass ?? '' })),
    webhooks: (seed.webhooks ?? []).map((w) => ({
      ...stamp(w),
      name: w.name ?? 'webhook',
      url: w.url,
      events: w.events ?? ['users.*.create'],
      tls: w.tls ?? true,
      authUsername: w.authUsername ?? '',
      authPassword: w.authPassword ?? '',
      secret: w.secret ?? randomBytes(64).toString('hex'),
      enabled: w.enabled ?? true,
      logs: w.logs ?? '',
      attempts: w.attempts ?? 0,
    })),
    policies: { ...defaultPolicies(), ...seed.policies },
    authMethods: { ...Object.fromEntries(AUTH_METHOD_IDS.map((m) => [m, true])), ...seed.authMethods } as Record<AuthMethodId, boolean>,
    services: { ...Object.fromEntries(SERVICE_IDS.map((s) => [s, true])), ...seed.services } as Record<ServiceId, boolean>,
    protocols: { rest: true, graphql: true, websocket: true, ...seed.protocols },
    smtp: { enabled: false, senderName: '', senderEmail: '', replyToName: '', replyToEmail: '', host: '', port: 587, username: '', password: '', secure: '', ...seed.smtp },
    mockNumbers: seed.mockNumbers ?? [],
    oauthProviders: seed.oauthProviders ?? [],
    databases: (seed.databases ?? []).map((d) => ({
      ...stamp(d),
      name: d.name ?? d.$id,
      enabled: d.enabled ?? true,
      type: d.type ?? 'tablesdb',
      collections: (d.collections ?? []).map((c) => ({ ...stamp(c), $permissions: c.$permissions ?? [], name: c.name ?? c.$id, enabled: c.enabled ?? true, security: c.security ?? false, attributes: c.attributes ?? [] })),
    })),
    buckets: (seed.buckets ?? []).map((b) => ({
      ...stamp(b),
      $permissions: b.$permissions ?? [],
      fileSecurity: b.fileSecurity ?? false,
      name: b.name ?? b.$id,
      enabled: b.enabled ?? true,
      maximumFileSize: b.maximumFileSize ?? 30000000,
      allowedFileExtensions: b.allowedFileExtensions ?? [],
      compression: b.compression ?? 'none',
      encryption: b.encryption ?? true,
      antivirus: b.antivirus ?? true,
      transformations: b.transformations ?? true,
      totalSize: b.totalSize ?? 0,
    })),
    functions: (seed.functions ?? []).map((f) => ({
      ...stamp(f),
      name: f.name ?? f.$id,
      execute: f.execute ?? [],
      enabled: f.enabled ?? true,
      logging: f.logging ?? true,
      runtime: f.runtime ?? 'node-22',
      scopes: f.scopes ?? [],
      vars: (f.vars ?? []).map((v) => ({ ...stamp(v), key: v.key, value: v.value, secret: v.secret ?? false })),
      events: f.events ?? [],
      schedule: f.schedule ?? '',
      timeout: f.timeout ?? 15,
      entrypoint: f.entrypoint ?? 'src/main.js',
    })),
    users,
    teams,
  };
}

export function buildState(seed: FakeSeed = {}): FakeState {
  const projects = new Map<string, FakeProject>();
  for (const p of seed.projects ?? [{}]) {
    const built = buildProject(p);
    projects.set(built.$id, built);
  }
  return { projects, consoleSessions: seed.consoleSessions ?? [], jwts: new Map() };
}
