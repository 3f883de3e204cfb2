import type { SourceLanguage } from './parse.js';

/**
 * How a call site authenticates, as far as the code shows: the client it goes through was given an API
 * key (`setKey`), a user JWT (`setJWT`), a user session (`setSession`, or a browser/mobile SDK whose
 * session is a cookie), nothing at all (guest), or it could not be told.
 */
export const SITE_AUTHS = ['key', 'jwt', 'session', 'guest', 'unknown'] as const;
export type SiteAuth = (typeof SITE_AUTHS)[number];

/** Where code runs: a browser or mobile app (client), a trusted server, an Appwrite function, or unknown. */
export const RUNTIMES = ['client', 'server', 'function', 'unknown'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** Appwrite SDK packages and what they are for. */
export const SDK_PACKAGES = {
  'node-appwrite': 'server',
  appwrite: 'client',
  'react-native-appwrite': 'client',
  '@appwrite.io/console': 'console',
  dart_appwrite: 'server',
  'flutter:appwrite': 'client',
  'python:appwrite': 'server',
  'kotlin:io.appwrite': 'unknown',
  'swift:Appwrite': 'unknown',
} as const satisfies Record<string, 'server' | 'client' | 'console' | 'unknown'>;
export type SdkPackage = keyof typeof SDK_PACKAGES;

/** One step after an imported binding: a property read, or `()` for a call. */
export type AccessPath = string[];

/** The value an exported name holds, as far as cross-module resolution needs it. */
export type ExportValue =
  | { kind: 'service'; service: string; pkg: string; auth: SiteAuth; authFrom?: ImportedRef }
  | { kind: 'client'; pkg: string; auth: SiteAuth; authFrom?: ImportedRef }
  | { kind: 'object'; props: Record<string, ExportValue> }
  | { kind: 'factory'; returns: ExportValue }
  | { kind: 'sdk-class'; pkg: string; name: string }
  | { kind: 'import'; ref: ImportedRef };

export interface ImportedRef {
  source: string;
  imported: string;
  path: AccessPath;
}

/** What a call's receiver is. */
export type CallTarget =
  | { kind: 'service'; service: string; pkg: string; auth: SiteAuth; authFrom?: ImportedRef }
  | { kind: 'import'; ref: ImportedRef }
  /** Unresolved: `hint` is the receiver's last name (`databases` in `admin.databases.x()`). */
  | { kind: 'name'; hint: string };

export interface RawCall {
  method: string;
  line: number;
  column: number;
  target: CallTarget;
  /** The server-only export (getServerSideProps, loader, action, ...) this call sits in, if any. */
  serverExport?: string;
}

export type KeySource =
  | { kind: 'env'; name: string }
  /** A literal in the code: only its redacted form and shape are kept. */
  | { kind: 'literal'; redacted: string; keyShaped: boolean }
  /** Read from an incoming request header (an Appwrite function's per-execution key). */
  | { kind: 'request-header'; name: string }
  | { kind: 'expression'; text: string };

export const KEY_USE_KINDS = ['setKey', 'setDevKey', 'header', 'dev-header'] as const;
export type KeyUseKind = (typeof KEY_USE_KINDS)[number];

export interface RawKeyUse {
  kind: KeyUseKind;
  line: number;
  column: number;
  source: KeySource;
  /** The receiver is an Appwrite client, or named like one (not just anything with a `setKey` method). */
  onAppwriteClient: boolean;
  serverExport?: string;
}

export interface ImportRef {
  source: string;
  line: number;
  kind: 'static' | 'require' | 'dynamic' | 'reexport';
  typeOnly: boolean;
  /**
   * The import is used outside server-only exports (or imported for side effects), so it reaches the
   * bundle this module is in. Next.js and Remix drop imports used only by getServerSideProps/loader/action.
   */
  clientReachable: boolean;
}

export interface EnvRead {
  name: string;
  line: number;
  column: number;
  via: 'process.env' | 'import.meta.env' | '$env/static/public' | '$env/dynamic/public' | '$env/static/private' | '$env/dynamic/private' | 'Deno.env' | 'other';
  serverExport?: string;
}

/** What one file says, before anything is resolved across files. */
export interface ModuleSummary {
  path: string;
  language: SourceLanguage;
  directives: ('use client' | 'use server')[];
  imports: ImportRef[];
  /** Appwrite SDK imports used as values; `clientReachable` as for ImportRef. */
  sdkImports: { pkg: string; line: number; clientReachable: boolean }[];
  /** Exported names (`default` included) and, where known, what they hold. */
  exports: Record<string, ExportValue | null>;
  /** `export * from` sources. */
  starExports: string[];
  calls: RawCall[];
  keyUses: RawKeyUse[];
  envReads: EnvRead[];
  /** `import 'server-only'` (Next.js): the module refuses to be bundled for the client. */
  serverOnlyGuard: boolean;
  /** `import 'client-only'`. */
  clientOnlyGuard: boolean;
  problems: { line: number; column: number; message: string }[];
  /** The file was parsed with a real parser (JS/TS) rather than line patterns. */
  parsed: boolean;
  /** Raw secret literals seen, only to register with the redactor; never stored in facts. */
  secrets: string[];
}

/** One Appwrite SDK call site, mapped to its operation. */
export interface CallSite {
  path: string;
  line: number;
  column: number;
  service: string;
  method: string;
  /** `service.method` when the catalog has it; null when the SDK method is newer than the catalog. */
  operationId: string | null;
  http?: string;
  apiPath?: string;
  /** Scopes of which any one suffices. */
  scopes: string[];
  /** The grantable key scopes the call needs when made with a key (alternatives; empty = none needed). */
  keyScopes: string[];
  /** Auth modes the operation accepts. */
  authModes: string[];
  rateLimit?: { limit: number; seconds: number; keys: string[] };
  deprecated?: { since: string; replaceWith: string };
  /** Changes state (not a GET). */
  write: boolean;
  /** How this call authenticates, as the code shows. */
  auth: SiteAuth;
  /**
   * How sure the mapping is: `bound` (the receiver is an SDK instance built here), `import` (built in an
   * imported module), `name` (receiver named like the service), `method` (a method name only the catalog's
   * one service has).
   */
  resolution: 'bound' | 'import' | 'name' | 'method';
  sdk: string | null;
  runtime: Runtime;
  runtimeReason: string;
  functionId?: string;
  serverExport?: string;
}

export interface KeyUse {
  path: string;
  line: number;
  column: number;
  kind: KeyUseKind;
  source: KeySource;
  runtime: Runtime;
  runtimeReason: string;
  language: SourceLanguage;
  functionId?: string;
}

export interface SdkImportSite {
  path: string;
  line: number;
  pkg: string;
  flavor: 'server' | 'client' | 'console' | 'unknown';
  /** False when used only by server-only exports (stripped from the client bundle). */
  clientReachable: boolean;
  runtime: Runtime;
  runtimeReason: string;
}

export interface EnvVarEntry {
  path: string;
  line: number;
  name: string;
  publicPrefix?: string;
  /** Why it looks like an Appwrite key: its value's shape, or only its name. */
  keyLike: 'value' | 'name' | null;
  /** A template (.env.example): placeholders, but the variable is declared. */
  template: boolean;
  hasValue: boolean;
  /** Redacted value when key-like. */
  redacted?: string;
}

export interface EnvReadSite extends EnvRead {
  path: string;
  publicPrefix?: string;
  runtime: Runtime;
  runtimeReason: string;
}

export interface SourceFileInfo {
  path: string;
  language: SourceLanguage;
  runtime: Runtime;
  runtimeReason: string;
  framework: string;
  functionId?: string;
  sdks: string[];
  parsed: boolean;
  callSites: number;
}

/** An Appwrite function: from appwrite.json (with its key scopes) or a `functions/<name>/` folder. */
export interface FunctionInfo {
  id: string;
  name?: string;
  /** Folder relative to the workspace root. */
  root: string;
  /** The scopes of its per-execution key; null when not declared anywhere the tool can read. */
  scopes: string[] | null;
  declaredIn?: { path: string; line?: number };
  /** Where `scopes` is (or would be) declared. */
  scopesLine?: number;
}

export interface SourceInventory {
  catalog: { appwrite: string; specs: string };
  files: SourceFileInfo[];
  callSites: CallSite[];
  keyUses: KeyUse[];
  sdkImports: SdkImportSite[];
  envVars: EnvVarEntry[];
  envReads: EnvReadSite[];
  functions: FunctionInfo[];
  /** Local import graph: file -> files it imports (resolved inside the workspace). */
  imports: Record<string, string[]>;
  /** Appwrite-related files that could not be analysed: what the inventory may be missing. */
  incomplete: { path: string; reason: string }[];
}

/** An empty summary of one source file, for the analysers to fill. */
export function emptyModuleSummary(path: string, language: ModuleSummary['language'], parsed: boolean): ModuleSummary {
  return { path, language, directives: [], imports: [], sdkImports: [], exports: {}, starExports: [], calls: [], keyUses: [], envReads: [], serverOnlyGuard: false, clientOnlyGuard: false, problems: [], parsed, secrets: [] };
}
