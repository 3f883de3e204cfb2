/**
 * A source-independent model of one Appwrite project: what the permission analysis and the project checks
 * read. The CLI project file (appwrite.config.json / appwrite.json) fills it today; the live audit fills
 * the same shape from the API, so nothing here may assume where it came from.
 */

/** Where a value was found: a file position, or an API address for live sources. */
export interface SourceRef {
  path: string;
  line?: number;
  column?: number;
}

/** One permission string as written, with its own position when known. */
export interface PermissionRef {
  /** Modern form, `read("any")`; pre-1.0 `$read: ["role:all"]` arrives here as `read("any")`. */
  value: string;
  /** The original spelling when it differs (pre-1.0 files), e.g. `$read: role:all`. */
  original?: string;
  location?: SourceRef;
}

export interface FieldModel {
  key: string;
  type: string;
  format?: string;
  /** Encrypted at rest (1.7+ `encrypt`). */
  encrypt?: boolean;
}

/** A document, row or file with its own permissions (live sources only; project files hold none). */
export interface ItemModel {
  id: string;
  permissions: PermissionRef[];
}

interface ResourceBase {
  id: string;
  name?: string;
  location?: SourceRef;
}

export type DataResourceKind = 'collection' | 'table';

export interface DataResourceModel extends ResourceBase {
  kind: DataResourceKind;
  databaseId: string;
  enabled?: boolean;
  /**
   * documentSecurity (collections) or rowSecurity (tables). `undefined` = not stated: the TypeScript CLI
   * then pushes true, while the server (and the newer CLI, which sends only what is written) uses false.
   */
  security?: boolean;
  permissions: PermissionRef[];
  fields: FieldModel[];
  items?: ItemModel[];
  /** Pre-1.0 file: `$read`/`$write` and `permission: document|collection`. */
  legacy?: boolean;
}

export interface DatabaseModel extends ResourceBase {
  kind: 'databases' | 'tablesDB' | 'legacy';
  enabled?: boolean;
}

export interface BucketModel extends ResourceBase {
  enabled?: boolean;
  /** `undefined` = not stated; the server default is false. */
  fileSecurity?: boolean;
  permissions: PermissionRef[];
  /** Bytes; `undefined` = not stated (the server's _APP_STORAGE_LIMIT applies, 30 MB by default). */
  maximumFileSize?: number;
  /** Empty = every extension allowed. */
  allowedFileExtensions?: string[];
  compression?: string;
  /** `undefined` = not stated; the server default is true. */
  encryption?: boolean;
  /** `undefined` = not stated; the server default is true (effective only with _APP_STORAGE_ANTIVIRUS). */
  antivirus?: boolean;
  items?: ItemModel[];
}

export interface VariableModel {
  key: string;
  /** The raw value: collectors register it with the redactor; checks show it only through redactSecret. */
  value: string;
  location?: SourceRef;
}

export interface FunctionModel extends ResourceBase {
  runtime?: string;
  enabled?: boolean;
  /** Bare role strings (`any`, `users`, `team:abc`), modernised from pre-1.0 spellings. */
  execute: PermissionRef[];
  /** Scopes of the per-execution key. */
  scopes: string[];
  events: string[];
  schedule?: string;
  vars: VariableModel[];
  /** Position of the `execute` list, for findings about it. */
  executeLocation?: SourceRef;
  scopesLocation?: SourceRef;
}

export interface SiteModel extends ResourceBase {
  framework?: string;
  vars: VariableModel[];
}

export interface TeamModel extends ResourceBase {}

export interface TopicModel extends ResourceBase {
  /** Bare role strings allowed to subscribe. */
  subscribe: PermissionRef[];
}

export interface WebhookModel extends ResourceBase {
  url?: string;
  events: string[];
  enabled?: boolean;
  tls?: boolean;
}

export interface MockNumberModel {
  phone: string;
  otp: string;
}

export interface SecuritySettingsModel {
  /** Session length in seconds. */
  duration?: number;
  /** Max users; null or 0 = unlimited. */
  limit?: number | null;
  /** Max sessions per user; null or 0 = unlimited. */
  sessionsLimit?: number | null;
  /** Passwords remembered; null or 0 = off. */
  passwordHistory?: number | null;
  passwordDictionary?: boolean;
  personalDataCheck?: boolean;
  sessionAlerts?: boolean;
  mockNumbers?: MockNumberModel[];
}

export interface SettingsModel {
  location?: SourceRef;
  services?: Record<string, boolean>;
  protocols?: Record<string, boolean>;
  /** Auth methods keyed as in the file: `email-password`, `magic-url`, `anonymous`, `phone`, `jwt`, … */
  authMethods?: Record<string, boolean>;
  security?: SecuritySettingsModel;
  /** Positions of individual settings, keyed `auth.security.sessionsLimit`, `protocols.graphql`, … */
  positions: Record<string, SourceRef>;
}

export type ProjectFormat = 'pre-1.0' | '1.x' | '1.8+';

export interface ProjectModel {
  /** `config-file` or `live-api`. */
  origin: 'config-file' | 'live-api';
  /** The file (or API endpoint) the project was read from. */
  source: string;
  format: ProjectFormat;
  projectId?: string;
  projectName?: string;
  endpoint?: string;
  databases: DatabaseModel[];
  /** Collections and tables together; `kind` tells them apart. */
  dataResources: DataResourceModel[];
  buckets: BucketModel[];
  functions: FunctionModel[];
  sites: SiteModel[];
  teams: TeamModel[];
  topics: TopicModel[];
  webhooks: WebhookModel[];
  settings?: SettingsModel;
}

export function emptyProject(origin: ProjectModel['origin'], source: string, format: ProjectFormat): ProjectModel {
  return { origin, source, format, databases: [], dataResources: [], buckets: [], functions: [], sites: [], teams: [], topics: [], webhooks: [] };
}

/** Display label of a data resource: `collection main/profiles`. */
export function resourceLabel(r: DataResourceModel): string {
  return `${r.kind} ${r.databaseId}/${r.id}`;
}

/** The security flag's name for a data resource kind, as the file spells it. */
export function securityFlagName(kind: DataResourceKind | 'bucket'): 'documentSecurity' | 'rowSecurity' | 'fileSecurity' {
  return kind === 'collection' ? 'documentSecurity' : kind === 'table' ? 'rowSecurity' : 'fileSecurity';
}

const SECRET_KEY = /(secret|token|passw|pwd|private|credential|api[_-]?key|_key$|^key$|auth[_-]?(token|key|secret)|dsn|signing|webhook_?url|access[_-]?key|connection[_-]?string|database_url|smtp_pass)/i;
const SECRET_VALUE = [
  /^standard_[0-9a-f]{64,}$/, // Appwrite project API key
  /^[0-9a-f]{256}$/, // pre-1.6 Appwrite key or dev key
  /^(sk|rk)_(live|test)_[0-9A-Za-z]{10,}$/, // Stripe
  /^gh[pousr]_[0-9A-Za-z]{30,}$/, // GitHub
  /^xox[abpr]-[0-9A-Za-z-]{10,}$/, // Slack
  /^AKIA[0-9A-Z]{16}$/, // AWS access key id
  /^-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, // URL with user:password
  /^eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}\./, // JWT
  /^AIza[0-9A-Za-z_-]{35}$/, // Google API key
  /^SG\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}$/, // SendGrid
];
const PLACEHOLDER = /^(\$\{?[A-Z0-9_]+\}?|<[^>]*>|\{\{.*\}\}|x{3,}|\*{3,}|changeme|change-me|todo|tbd|placeholder|your[-_ ].*|example|none|null|undefined|true|false)$/i;

/**
 * Whether a function or site variable holds a real secret committed to the file: a secret-looking name
 * with a non-placeholder value, or a value in a known credential format whatever its name.
 */
export function classifyVariable(key: string, value: string): 'secret-format' | 'secret-name' | undefined {
  const v = value.trim();
  if (SECRET_VALUE.some((re) => re.test(v))) return 'secret-format';
  if (v.length >= 8 && !PLACEHOLDER.test(v) && SECRET_KEY.test(key) && !/^https?:\/\/[^@]*$/i.test(v)) return 'secret-name';
  return undefined;
}
