/**
 * Renders canonical state as Appwrite response models. Format `1.8` is the legacy model (every 1.8.x
 * server, and a 1.9.5+ server answering a client that asks for an older response format, as the console
 * SDK does); `1.9.5` is the slim model of 1.9.5+ (policies, auth methods, services and protocols as
 * lists; platforms by kind; webhook `tls`/`auth*`/`secret`).
 */
import type { FakeBucket, FakeCollection, FakeDatabase, FakeDevKey, FakeFunction, FakeKey, FakePlatform, FakeProject, FakeTeam, FakeUser, FakeVariable, FakeWebhook } from './state.js';
import { AUTH_METHOD_IDS, PROTOCOL_IDS, SERVICE_IDS } from './state.js';

export type ModelFormat = '1.8' | '1.9.5';

type Obj = Record<string, unknown>;

const stampOf = (r: { $id: string; $createdAt: string; $updatedAt: string }) => ({ $id: r.$id, $createdAt: r.$createdAt, $updatedAt: r.$updatedAt });

export function key(k: FakeKey): Obj {
  return { ...stampOf(k), name: k.name, expire: k.expire, scopes: [...k.scopes], secret: k.secret, accessedAt: k.accessedAt, sdks: [...k.sdks] };
}

export function devKey(k: FakeDevKey): Obj {
  return { ...stampOf(k), name: k.name, expire: k.expire, secret: k.secret, accessedAt: k.accessedAt, sdks: [...k.sdks] };
}

/** 1.9.5 platform kinds, from the 1.8 types. */
export function platformKind(type: string): 'web' | 'apple' | 'android' | 'windows' | 'linux' {
  if (type === 'web' || type.endsWith('-web')) return 'web';
  if (type === 'apple' || type.startsWith('apple-') || type === 'flutter-ios' || type === 'flutter-macos' || type === 'react-native-ios') return 'apple';
  if (type === 'windows' || type === 'flutter-windows') return 'windows';
  if (type === 'linux' || type === 'flutter-linux') return 'linux';
  return 'android';
}

/** 1.8 type for a platform seeded with a 1.9.5 kind. */
function legacyType(type: string): string {
  return ({ apple: 'apple-ios', windows: 'flutter-windows', linux: 'flutter-linux' } as Record<string, string>)[type] ?? type;
}

export function platform(p: FakePlatform, f: ModelFormat): Obj {
  if (f === '1.8') return { ...stampOf(p), name: p.name, type: legacyType(p.type), key: p.key, store: p.store, hostname: p.hostname, httpUser: p.httpUser, httpPass: p.httpPass };
  const kind = platformKind(p.type);
  const field = { web: 'hostname', apple: 'bundleIdentifier', android: 'applicationId', windows: 'packageIdentifierName', linux: 'packageName' }[kind];
  return { ...stampOf(p), name: p.name, type: kind, [field]: kind === 'web' ? p.hostname : p.key };
}

export function webhook(w: FakeWebhook, f: ModelFormat): Obj {
  if (f === '1.8') {
    return { ...stampOf(w), name: w.name, url: w.url, events: [...w.events], security: w.tls, httpUser: w.authUsername, httpPass: w.authPassword, signatureKey: w.secret, enabled: w.enabled, logs: w.logs, attempts: w.attempts };
  }
  // 1.9.5 returns the signing secret only on create and on secret rotation.
  return { ...stampOf(w), name: w.name, url: w.url, events: [...w.events], tls: w.tls, authUsername: w.authUsername, authPassword: w.authPassword, secret: '', enabled: w.enabled, logs: w.logs, attempts: w.attempts };
}

const LEGACY_AUTH: Record<string, string> = {
  'email-password': 'authEmailPassword',
  'magic-url': 'authUsersAuthMagicURL',
  'email-otp': 'authEmailOtp',
  anonymous: 'authAnonymous',
  invites: 'authInvites',
  jwt: 'authJWT',
  phone: 'authPhone',
};

const LEGACY_SERVICES = ['account', 'avatars', 'databases', 'tablesdb', 'locale', 'health', 'storage', 'teams', 'users', 'sites', 'functions', 'graphql', 'messaging'] as const;

export function project(p: FakeProject, f: ModelFormat): Obj {
  const pol = p.policies;
  if (f === '1.8') {
    const out: Obj = {
      ...stampOf(p),
      name: p.name,
      description: '',
      teamId: p.teamId,
      logo: '',
      url: '',
      legalName: '',
      legalCountry: '',
      legalState: '',
      legalCity: '',
      legalAddress: '',
      legalTaxId: '',
      authDuration: pol.sessionDuration,
      authLimit: pol.userLimit,
      authSessionsLimit: pol.sessionLimit,
      authPasswordHistory: pol.passwordHistory,
      authPasswordDictionary: pol.passwordDictionary,
      authPersonalDataCheck: pol.passwordPersonalData,
      authMockNumbers: p.mockNumbers.map((m) => ({ phone: m.phone, otp: m.otp })),
      authSessionAlerts: pol.sessionAlert,
      authMembershipsUserName: pol.membershipPrivacy.userName,
      authMembershipsUserEmail: pol.membershipPrivacy.userEmail,
      authMembershipsMfa: pol.membershipPrivacy.userMFA,
      authInvalidateSessions: pol.sessionInvalidation,
      oAuthProviders: p.oauthProviders.map((o) => ({ key: o.key, name: o.name, appId: o.appId, secret: o.secret, enabled: o.enabled })),
      platforms: p.platforms.map((x) => platform(x, f)),
      webhooks: p.webhooks.map((x) => webhook(x, f)),
      keys: p.keys.map(key),
      devKeys: p.devKeys.map(devKey),
      smtpEnabled: p.smtp.enabled,
      smtpSenderName: p.smtp.senderName,
      smtpSenderEmail: p.smtp.senderEmail,
      smtpReplyTo: p.smtp.replyToEmail,
      smtpHost: p.smtp.host,
      smtpPort: p.smtp.port,
      smtpUsername: p.smtp.username,
      smtpPassword: p.smtp.password,
      smtpSecure: p.smtp.secure,
      pingCount: 0,
      pingedAt: '',
      labels: [],
    };
    for (const m of AUTH_METHOD_IDS) out[LEGACY_AUTH[m]!] = p.authMethods[m];
    for (const s of LEGACY_SERVICES) out[`serviceStatusFor${s[0]!.toUpperCase()}${s.slice(1)}`] = p.services[s];
    return out;
  }
  return {
    ...stampOf(p),
    name: p.name,
    teamId: p.teamId,
    region: p.region,
    devKeys: p.devKeys.map(devKey),
    smtpEnabled: p.smtp.enabled,
    smtpSenderName: p.smtp.senderName,
    smtpSenderEmail: p.smtp.senderEmail,
    smtpReplyToName: p.smtp.replyToName,
    smtpReplyToEmail: p.smtp.replyToEmail,
    smtpHost: p.smtp.host,
    smtpPort: p.smtp.port,
    smtpUsername: p.smtp.username,
    // Write-only since 1.9.5: returned empty.
    smtpPassword: '',
    smtpSecure: p.smtp.secure,
    pingCount: 0,
    pingedAt: '',
    labels: [],
    status: 'active',
    onboarding: {},
    authMethods: AUTH_METHOD_IDS.map((m) => ({ $id: m, enabled: p.authMethods[m] })),
    services: SERVICE_IDS.map((s) => ({ $id: s, enabled: p.services[s] })),
    protocols: PROTOCOL_IDS.map((s) => ({ $id: s, enabled: p.protocols[s] })),
    blocks: [],
    consoleAccessedAt: '',
    wafEnabled: false,
  };
}

/** `/v1/project/policies` items; the deny-* e-mail policies exist on Cloud (2.x) only. */
export function policies(p: FakeProject, cloud: boolean): Obj[] {
  const pol = p.policies;
  const list: Obj[] = [
    { $id: 'password-dictionary', enabled: pol.passwordDictionary },
    { $id: 'password-history', total: pol.passwordHistory },
    { $id: 'password-strength', ...pol.passwordStrength },
    { $id: 'password-personal-data', enabled: pol.passwordPersonalData },
    { $id: 'session-alert', enabled: pol.sessionAlert },
    { $id: 'session-duration', duration: pol.sessionDuration },
    { $id: 'session-invalidation', enabled: pol.sessionInvalidation },
    { $id: 'session-limit', total: pol.sessionLimit },
    { $id: 'user-limit', total: pol.userLimit },
    { $id: 'membership-privacy', ...pol.membershipPrivacy },
  ];
  if (cloud) {
    list.push(
      { $id: 'deny-aliased-email', enabled: pol.denyAliasedEmail },
      { $id: 'deny-disposable-email', enabled: pol.denyDisposableEmail },
      { $id: 'deny-free-email', enabled: pol.denyFreeEmail },
      { $id: 'deny-corporate-email', enabled: pol.denyCorporateEmail },
    );
  }
  return list;
}

export function database(d: FakeDatabase): Obj {
  return { $id: d.$id, name: d.name, $createdAt: d.$createdAt, $updatedAt: d.$updatedAt, enabled: d.enabled, type: d.type };
}

function attribute(a: FakeCollection['attributes'][number], at: string): Obj {
  const base = { key: a.key, type: a.type, status: 'available', error: '', required: a.required, array: false, $createdAt: at, $updatedAt: at };
  if (a.type === 'string') return { ...base, size: a.size ?? 255, default: null, encrypt: false };
  if (a.type === 'integer') return { ...base, min: -9223372036854775807n, max: 9223372036854775807n, default: null };
  return { ...base, default: null };
}

export function collection(c: FakeCollection, db: FakeDatabase, kind: 'collection' | 'table'): Obj {
  const attrs = c.attributes.map((a) => attribute(a, c.$createdAt));
  return {
    ...stampOf(c),
    $permissions: [...c.$permissions],
    databaseId: db.$id,
    name: c.name,
    enabled: c.enabled,
    ...(kind === 'collection' ? { documentSecurity: c.security, attributes: attrs } : { rowSecurity: c.security, columns: attrs }),
    indexes: [],
    bytesMax: 0,
    bytesUsed: 0,
  };
}

export function bucket(b: FakeBucket): Obj {
  return {
    ...stampOf(b),
    $permissions: [...b.$permissions],
    fileSecurity: b.fileSecurity,
    name: b.name,
    enabled: b.enabled,
    maximumFileSize: b.maximumFileSize,
    allowedFileExtensions: [...b.allowedFileExtensions],
    compression: b.compression,
    encryption: b.encryption,
    antivirus: b.antivirus,
    transformations: b.transformations,
    totalSize: b.totalSize,
  };
}

export function variable(v: FakeVariable, fn: FakeFunction): Obj {
  // Secret variables never return their value.
  return { ...stampOf(v), key: v.key, value: v.secret ? '' : v.value, secret: v.secret, resourceType: 'function', resourceId: fn.$id };
}

export function fn(x: FakeFunction, f: ModelFormat): Obj {
  const base: Obj = {
    ...stampOf(x),
    execute: [...x.execute],
    name: x.name,
    enabled: x.enabled,
    live: true,
    logging: x.logging,
    runtime: x.runtime,
    ...(f === '1.9.5' ? { deploymentRetention: 0 } : {}),
    deploymentId: '',
    deploymentCreatedAt: '',
    latestDeploymentId: '',
    latestDeploymentCreatedAt: '',
    latestDeploymentStatus: '',
    scopes: [...x.scopes],
    vars: x.vars.map((v) => variable(v, x)),
    events: [...x.events],
    schedule: x.schedule,
    timeout: x.timeout,
    entrypoint: x.entrypoint,
    commands: '',
    version: 'v5',
    installationId: '',
    providerRepositoryId: '',
    providerBranch: '',
    providerRootDirectory: '',
    providerSilentMode: false,
  };
  if (f === '1.8') return { ...base, specification: 's-1vcpu-512mb' };
  return { ...base, providerBranches: [], providerPaths: [], buildSpecification: 's-1vcpu-512mb', runtimeSpecification: 's-1vcpu-512mb' };
}

export function user(u: FakeUser): Obj {
  return {
    ...stampOf(u),
    name: u.name,
    registration: u.$createdAt,
    status: true,
    labels: [],
    passwordUpdate: u.$createdAt,
    email: u.email,
    phone: u.phone,
    emailVerification: false,
    phoneVerification: false,
    mfa: false,
    prefs: {},
    targets: [],
    accessedAt: u.$updatedAt,
  };
}

export function team(t: FakeTeam): Obj {
  return { ...stampOf(t), name: t.name, total: t.total, prefs: {} };
}

export function mockNumber(m: { phone: string; otp: string }, at: string): Obj {
  return { number: m.phone, otp: m.otp, $createdAt: at, $updatedAt: at };
}
