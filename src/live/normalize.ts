/**
 * SDK models -> snapshot parts, for both response formats (1.8 legacy from the console SDK or old
 * servers, 1.9.5 slim from node-appwrite). Every secret seen is registered with the redactor and
 * reduced to a hash and preview; values that the audit does not need (variable values, OTPs, OAuth
 * secrets) are dropped here.
 */
import { redactSecret, sha256Hex, type Redactor } from '../core/redact.js';
import type { LiveBucket, LiveCollection, LiveDevKey, LiveFunction, LiveKey, LivePlatform, LivePolicies, LiveSmtp, LiveWebhook, PlatformKind } from './snapshot.js';

type Raw = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const bool = (v: unknown): boolean => v === true;
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

/** int64 fields may arrive as BigInt (node-appwrite's JSON reviver); the snapshot stays plain JSON. */
export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
}

/** Heuristic for values that may be credentials (function variables): long, no spaces, mixed classes. */
export function looksSecret(v: string): boolean {
  if (v.length < 12 || /\s/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  return classes >= 2;
}

export function keyFrom(k: Raw, redactor: Redactor): LiveKey {
  const secret = str(k.secret);
  redactor.add(secret);
  return {
    id: str(k.$id),
    name: str(k.name),
    scopes: strs(k.scopes),
    expire: str(k.expire) || null,
    createdAt: str(k.$createdAt),
    accessedAt: str(k.accessedAt) || null,
    sdks: strs(k.sdks),
    secretHash: secret ? sha256Hex(secret) : '',
    secretPreview: secret ? redactSecret(secret) : '',
  };
}

export function devKeyFrom(k: Raw, redactor: Redactor): LiveDevKey {
  const { scopes: _scopes, ...rest } = keyFrom({ ...k, scopes: [] }, redactor);
  return rest;
}

export function platformKindOf(type: string): PlatformKind {
  if (type === 'web' || type.endsWith('-web')) return 'web';
  if (type === 'apple' || type.startsWith('apple-') || type === 'flutter-ios' || type === 'flutter-macos' || type === 'react-native-ios') return 'apple';
  if (type === 'android' || type === 'flutter-android' || type === 'react-native-android') return 'android';
  if (type === 'windows' || type === 'flutter-windows') return 'windows';
  if (type === 'linux' || type === 'flutter-linux') return 'linux';
  return 'other';
}

export function platformFrom(p: Raw, redactor: Redactor): LivePlatform {
  const type = str(p.type);
  const kind = platformKindOf(type);
  redactor.add(str(p.httpPass));
  const identifier = str(p.bundleIdentifier ?? p.applicationId ?? p.packageIdentifierName ?? p.packageName ?? p.key);
  return {
    id: str(p.$id),
    name: str(p.name),
    kind,
    type,
    ...(kind === 'web' || str(p.hostname) ? { hostname: str(p.hostname) } : {}),
    ...(kind !== 'web' && identifier ? { identifier } : {}),
  };
}

export function webhookFrom(w: Raw, redactor: Redactor): LiveWebhook {
  const legacy = 'security' in w || 'signatureKey' in w;
  const password = str(legacy ? w.httpPass : w.authPassword);
  const user = str(legacy ? w.httpUser : w.authUsername);
  const signature = str(legacy ? w.signatureKey : w.secret);
  redactor.add(password);
  redactor.add(signature);
  return {
    id: str(w.$id),
    name: str(w.name),
    url: str(w.url),
    events: strs(w.events),
    tls: bool(legacy ? w.security : w.tls),
    // Appwrite sends basic auth only when both halves are set.
    hasBasicAuth: user !== '' && password !== '',
    // 1.9.5 returns the secret only on creation and rotation, so an empty value tells nothing there.
    hasSignatureKey: legacy ? signature !== '' : signature !== '' ? true : null,
    enabled: bool(w.enabled),
    attempts: num(w.attempts),
  };
}

export function smtpFrom(p: Raw, redactor: Redactor): LiveSmtp {
  redactor.add(str(p.smtpPassword));
  return { enabled: bool(p.smtpEnabled), host: str(p.smtpHost), port: num(p.smtpPort), secure: str(p.smtpSecure), senderEmail: str(p.smtpSenderEmail), username: str(p.smtpUsername) };
}

const LEGACY_AUTH: Record<string, string> = {
  authEmailPassword: 'email-password',
  authUsersAuthMagicURL: 'magic-url',
  authEmailOtp: 'email-otp',
  authAnonymous: 'anonymous',
  authInvites: 'invites',
  authJWT: 'jwt',
  authPhone: 'phone',
};

/** 1.8 project model: auth settings are flat fields. */
export function legacyPolicies(p: Raw): LivePolicies {
  return {
    passwordMinLength: null,
    passwordHistory: num(p.authPasswordHistory),
    passwordDictionary: bool(p.authPasswordDictionary),
    personalDataCheck: bool(p.authPersonalDataCheck),
    sessionAlerts: bool(p.authSessionAlerts),
    sessionDuration: num(p.authDuration),
    sessionsLimit: num(p.authSessionsLimit),
    userLimit: num(p.authLimit),
    invalidateSessions: bool(p.authInvalidateSessions),
  };
}

export function legacyAuthMethods(p: Raw): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [field, id] of Object.entries(LEGACY_AUTH)) if (field in p) out[id] = bool(p[field]);
  return out;
}

export function legacyServices(p: Raw): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [field, v] of Object.entries(p)) {
    const m = /^serviceStatusFor(\w+)$/.exec(field);
    if (m) out[m[1]!.toLowerCase()] = bool(v);
  }
  return out;
}

/** 1.9.5 `{ $id, enabled }[]` lists (auth methods, services, protocols). */
export function toggles(list: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (Array.isArray(list)) for (const t of list as Raw[]) out[str(t.$id)] = bool(t.enabled);
  return out;
}

/** 1.9.5 /v1/project/policies items, by id. */
export function policiesFrom(items: Raw[]): LivePolicies {
  const by = new Map(items.map((i) => [str(i.$id), i]));
  const get = (id: string) => by.get(id) ?? {};
  return {
    passwordMinLength: by.has('password-strength') ? num(get('password-strength').min) : null,
    passwordHistory: num(get('password-history').total),
    passwordDictionary: bool(get('password-dictionary').enabled),
    personalDataCheck: bool(get('password-personal-data').enabled),
    sessionAlerts: bool(get('session-alert').enabled),
    sessionDuration: num(get('session-duration').duration),
    sessionsLimit: num(get('session-limit').total),
    userLimit: num(get('user-limit').total),
    invalidateSessions: bool(get('session-invalidation').enabled),
  };
}

export function collectionFrom(c: Raw, kind: 'table' | 'collection'): LiveCollection {
  return {
    id: str(c.$id),
    name: str(c.name),
    kind,
    enabled: c.enabled !== false,
    permissions: strs(c.$permissions),
    security: bool(kind === 'table' ? c.rowSecurity : c.documentSecurity),
    fields: (Array.isArray(kind === 'table' ? c.columns : c.attributes) ? ((kind === 'table' ? c.columns : c.attributes) as Raw[]) : []).map((f) => ({
      key: str(f.key),
      type: str(f.type),
      ...(typeof f.format === 'string' && f.format ? { format: f.format } : {}),
      ...(f.encrypt === true ? { encrypt: true } : {}),
    })),
  };
}

export function bucketFrom(b: Raw): LiveBucket {
  return {
    id: str(b.$id),
    name: str(b.name),
    enabled: b.enabled !== false,
    permissions: strs(b.$permissions),
    fileSecurity: bool(b.fileSecurity),
    encryption: bool(b.encryption),
    antivirus: bool(b.antivirus),
    maximumFileSize: num(b.maximumFileSize),
    allowedFileExtensions: strs(b.allowedFileExtensions),
  };
}

export function functionFrom(f: Raw, redactor: Redactor): LiveFunction {
  const vars = Array.isArray(f.vars) ? (f.vars as Raw[]) : [];
  for (const v of vars) {
    const value = str(v.value);
    if (v.secret === true || looksSecret(value)) redactor.add(value);
  }
  return {
    id: str(f.$id),
    name: str(f.name),
    enabled: f.enabled !== false,
    runtime: str(f.runtime),
    execute: strs(f.execute),
    scopes: strs(f.scopes),
    events: strs(f.events),
    schedule: str(f.schedule),
    logging: f.logging !== false,
    variableNames: vars.map((v) => str(v.key)).sort(),
  };
}

/** JSON.stringify that writes BigInt (int64 from the SDK) as a number when exact, else as a string. */
export function stringifyJson(value: unknown, space?: number): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString()) : v), space);
}
