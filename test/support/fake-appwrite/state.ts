/**
 * The stand-in's in-memory state: one canonical record per resource, from which the routes render the
 * model of whichever response format the caller asked for (1.8 legacy or 1.9.5 slim). Seeds are partial
 * and friendly; everything else gets Appwrite's defaults for a new project (1.9.6 Projects/Create.php).
 */
export const AUTH_METHOD_IDS = ['email-password', 'magic-url', 'email-otp', 'anonymous', 'invites', 'jwt', 'phone'] as const;
export type AuthMethodId = (typeof AUTH_METHOD_IDS)[number];

export const SERVICE_IDS = ['account', 'avatars', 'databases', 'tablesdb', 'locale', 'health', 'project', 'storage', 'teams', 'users', 'vcs', 'sites', 'functions', 'proxy', 'graphql', 'migrations', 'messaging', 'advisor', 'oauth2'] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export const PROTOCOL_IDS = ['rest', 'graphql', 'websocket'] as const;
export type ProtocolId = (typeof PROTOCOL_IDS)[number];

export interface Stamped {
  $id: string;
  $createdAt: string;
  $updatedAt: string;
}

export interface FakeKey extends Stamped {
  name: string;
  /** ISO date, or '' for a key that never expires. */
  expire: string;
  scopes: string[];
  secret: string;
  /** ISO date of the last use (24-hour granularity), or '' when never used. */
  accessedAt: string;
  sdks: string[];
}

export type FakeDevKey = Omit<FakeKey, 'scopes'>;

export interface FakePlatform extends Stamped {
  name: string;
  /** 1.8 platform type (web, flutter-web, apple-ios, android, …); 1.9.5 maps it to web/apple/android/windows/linux. */
  type: string;
  /** Bundle id / application id / package name for native platforms. */
  key: string;
  store: string;
  hostname: string;
  httpUser: string;
  httpPass: string;
}

export interface FakeWebhook extends Stamped {
  name: string;
  url: string;
  events: string[];
  tls: boolean;
  authUsername: string;
  authPassword: string;
  secret: string;
  enabled: boolean;
  logs: string;
  attempts: number;
}

export interface FakePolicies {
  passwordDictionary: boolean;
  passwordHistory: number;
  passwordStrength: { min: number; uppercase: boolean; lowercase: boolean; number: boolean; symbols: boolean };
  passwordPersonalData: boolean;
  sessionAlert: boolean;
  sessionDuration: number;
  sessionInvalidation: boolean;
  sessionLimit: number;
  userLimit: number;
  membershipPrivacy: { userId: boolean; userEmail: boolean; userPhone: boolean; userName: boolean; userMFA: boolean; userAccessedAt: boolean };
  /** Cloud (2.x) only. */
  denyAliasedEmail: boolean;
  denyDisposableEmail: boolean;
  denyFreeEmail: boolean;
  denyCorporateEmail: boolean;
}

export interface FakeSmtp {
  enabled: boolean;
  senderName: string;
  senderEmail: string;
  replyToName: string;
  replyToEmail: string;
  host: string;
  port: number;
  username: string;
  password: string;
  secure: string;
}

export interface FakeAttribute {
  key: string;
  type: 'string' | 'integer' | 'boolean';
  required: boolean;
  size?: number;
}

export interface FakeCollection extends Stamped {
  $permissions: string[];
  name: string;
  enabled: boolean;
  /** documentSecurity for a collection, rowSecurity for a table. */
  security: boolean;
  attributes: FakeAttribute[];
}

export interface FakeDatabase extends Stamped {
  name: string;
  enabled: boolean;
  type: 'legacy' | 'tablesdb';
  collections: FakeCollection[];
}

export interface FakeBucket extends Stamped {
  $permissions: string[];
  fileSecurity: boolean;
  name: string;
  enabled: boolean;
  maximumFileSize: number | bigint;
  allowedFileExtensions: string[];
  compression: string;
  encryption: boolean;
  antivirus: boolean;
  transformations: boolean;
  totalSize: number | bigint;
}

export interface FakeVariable extends Stamped {
  key: string;
  value: string;
  secret: boolean;
}

export interface FakeFunction extends Stamped {
  name: string;
  execute: string[];
  enabled: boolean;
  logging: boolean;
  runtime: string;
  scopes: string[];
  vars: FakeVariable[];
  events: string[];
  schedule: string;
  timeout: number;
  entrypoint: string;
}

export interface FakeUser extends Stamped {
  name: string;
  email: string;
  phone: string;
}

export interface FakeTeam extends Stamped {
  name: string;
  total: number;
}

export interface FakeProject extends Stamped {
  name: string;
  teamId: string;
  region: string;
  keys: FakeKey[];
  devKeys: FakeDevKey[];
  platforms: FakePlatform[];
  webhooks: FakeWebhook[];
  policies: FakePolicies;
  authMethods: Record<AuthMethodId, boolean>;
  services: Record<ServiceId, boolean>;
  protocols: Record<ProtocolId, boolean>;
  smtp: FakeSmtp;
  mockNumbers: { phone: string; otp: string }[];
  oauthProviders: { key: string; name: string; appId: string; secret: string; enabled: boolean }[];
  databases: FakeDatabase[];
  buckets: FakeBucket[];
  functions: FakeFunction[];
  users: FakeUser[];
  teams: FakeTeam[];
}

export interface FakeConsoleSession {
  /** Value of the `a_session_console` cookie. */
  secret: string;
  userId: string;
  /** Scopes of the member's role on the project team; owner (every scope) when omitted. */
  scopes?: string[];
  expire?: string;
}

export interface FakeState {
  projects: Map<string, FakeProject>;
  consoleSessions: FakeConsoleSession[];
  /** JWTs issued to project users: token -> user id (and project). */
  jwts: Map<string, { projectId: string; userId: string; expire: string }>;
}
