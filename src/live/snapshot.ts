/**
 * What the live audit knows about one environment's project, independent of the server version and
 * response format it came from. Each part is read separately, so a missing scope fails only the checks
 * that need that part. No raw secret is ever stored here: key secrets become a SHA-256 (to compare
 * across environments) and a redacted preview.
 */
import type { LiveErrorInfo } from './errors.js';

export type Section<T> =
  | { state: 'ok'; value: T }
  /** The server has no such thing (e.g. protocols before 1.9.5): checks skip it. */
  | { state: 'unavailable'; reason: string }
  /** Could not be read: checks report `error`, naming the scope or credential that would fix it. */
  | { state: 'error'; error: LiveErrorInfo };

export interface LiveKey {
  id: string;
  name: string;
  scopes: string[];
  /** ISO date, or null for a key that never expires. */
  expire: string | null;
  createdAt: string;
  /** ISO date of the last use (Appwrite updates it at most once per 24 hours), or null if never used. */
  accessedAt: string | null;
  sdks: string[];
  secretHash: string;
  secretPreview: string;
}

export type LiveDevKey = Omit<LiveKey, 'scopes'>;

export type PlatformKind = 'web' | 'apple' | 'android' | 'windows' | 'linux' | 'other';

export interface LivePlatform {
  id: string;
  name: string;
  kind: PlatformKind;
  /** Type as the server reported it (1.8: flutter-web, apple-ios, …). */
  type: string;
  /** Web: the allowed hostname (may contain `*`). */
  hostname?: string;
  /** Native: bundle id, application id or package name. */
  identifier?: string;
}

export interface LiveWebhook {
  id: string;
  name: string;
  url: string;
  events: string[];
  /** Certificate verification on delivery (`tls`, 1.8 `security`). */
  tls: boolean;
  hasBasicAuth: boolean;
  /** Whether a signing key exists; null when the format does not return it (1.9.5 shows it only once). */
  hasSignatureKey: boolean | null;
  enabled: boolean;
  attempts: number;
}

export interface LivePolicies {
  /** null where the server has no such policy (password strength before 1.9.5). */
  passwordMinLength: number | null;
  passwordHistory: number;
  passwordDictionary: boolean;
  personalDataCheck: boolean;
  sessionAlerts: boolean;
  /** Seconds. */
  sessionDuration: number;
  /** 0 = unlimited. */
  sessionsLimit: number;
  /** 0 = unlimited. */
  userLimit: number;
  invalidateSessions: boolean;
}

export interface LiveSmtp {
  enabled: boolean;
  host: string;
  port: number;
  secure: string;
  senderEmail: string;
  username: string;
}

export interface LiveCollection {
  id: string;
  name: string;
  kind: 'table' | 'collection';
  enabled: boolean;
  permissions: string[];
  /** rowSecurity / documentSecurity. */
  security: boolean;
  /** Columns / attributes: names and types only. */
  fields: { key: string; type: string; format?: string; encrypt?: boolean }[];
}

export interface LiveDatabase {
  id: string;
  name: string;
  enabled: boolean;
  type: string;
  collections: LiveCollection[];
}

export interface LiveBucket {
  id: string;
  name: string;
  enabled: boolean;
  permissions: string[];
  fileSecurity: boolean;
  encryption: boolean;
  antivirus: boolean;
  maximumFileSize: number;
  allowedFileExtensions: string[];
}

export interface LiveFunction {
  id: string;
  name: string;
  enabled: boolean;
  runtime: string;
  execute: string[];
  scopes: string[];
  events: string[];
  schedule: string;
  logging: boolean;
  /** Names only: values are never kept. */
  variableNames: string[];
}

export interface LiveSnapshot {
  environment: string;
  endpoint: string;
  projectId: string;
  production: boolean;
  approvedPlatforms?: string[];
  readAt: string;
  /** The audit credential itself, as a hash: to spot one key used by two environments. */
  credential: { envVar: string; secretHash: string; secretPreview: string; consoleSession: boolean };
  version: Section<{ version: string; cloud: boolean }>;
  project: Section<{ name: string; teamId: string }>;
  policies: Section<LivePolicies>;
  authMethods: Section<Record<string, boolean>>;
  oauthProviders: Section<{ key: string; enabled: boolean }[]>;
  mockNumbers: Section<{ phone: string }[]>;
  services: Section<Record<string, boolean>>;
  protocols: Section<Record<string, boolean>>;
  smtp: Section<LiveSmtp>;
  platforms: Section<LivePlatform[]>;
  webhooks: Section<LiveWebhook[]>;
  keys: Section<LiveKey[]>;
  devKeys: Section<LiveDevKey[]>;
  databases: Section<LiveDatabase[]>;
  buckets: Section<LiveBucket[]>;
  functions: Section<LiveFunction[]>;
  users: Section<{ total: number }>;
  teams: Section<{ total: number }>;
}

export interface LiveFacts {
  environments: LiveSnapshot[];
}

export type SectionName = Exclude<keyof LiveSnapshot, 'environment' | 'endpoint' | 'projectId' | 'production' | 'approvedPlatforms' | 'readAt' | 'credential'>;
