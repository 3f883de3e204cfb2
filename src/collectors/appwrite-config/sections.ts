import { formatPermission, modernRole } from '../../appwrite/permissions.js';
import {
  classifyVariable,
  type BucketModel,
  type DatabaseModel,
  type DataResourceModel,
  type FieldModel,
  type FunctionModel,
  type SiteModel,
  type TeamModel,
  type TopicModel,
  type VariableModel,
  type WebhookModel,
} from '../../appwrite/project-model.js';
import { isObject, ObjectReader, show, type Json, type ReadContext } from './reader.js';

// Keys the CLI generations write (sdk-for-cli config.ts and the Go rewrite's pull), including the
// server-provided fields a `pull` copies along ($createdAt, status, …). Anything else is reported.
const META = ['$id', '$createdAt', '$updatedAt', 'name', 'enabled'];
const KNOWN = {
  database: new Set([...META, 'type', 'policies', 'archives']),
  collection: new Set([...META, '$permissions', 'databaseId', 'documentSecurity', 'attributes', 'indexes', 'bytesMax', 'bytesUsed', '$read', '$write', 'permission']),
  table: new Set([...META, '$permissions', 'databaseId', 'rowSecurity', 'columns', 'indexes', 'bytesMax', 'bytesUsed']),
  bucket: new Set([...META, '$permissions', 'fileSecurity', 'maximumFileSize', 'allowedFileExtensions', 'compression', 'encryption', 'antivirus', 'transformations', 'totalSize']),
  function: new Set([
    ...META, 'path', 'execute', 'logging', 'runtime', 'specification', 'buildSpecification', 'runtimeSpecification', 'deploymentRetention', 'scopes', 'events', 'schedule',
    'timeout', 'entrypoint', 'commands', 'vars', 'ignore', 'installationId', 'providerRepositoryId', 'providerBranch', 'providerRootDirectory', 'providerSilentMode', 'deployment',
  ]),
  site: new Set([
    ...META, 'path', 'logging', 'timeout', 'framework', 'buildRuntime', 'adapter', 'installCommand', 'buildCommand', 'outputDirectory', 'fallbackFile', 'specification',
    'buildSpecification', 'runtimeSpecification', 'deploymentRetention', 'startCommand', 'vars', 'ignore', 'installationId', 'providerRepositoryId', 'providerBranch',
    'providerRootDirectory', 'providerSilentMode',
  ]),
  team: new Set([...META]),
  topic: new Set([...META, 'subscribe', 'emailTotal', 'smsTotal', 'pushTotal']),
  webhook: new Set([...META, 'url', 'events', 'tls', 'security', 'httpUser', 'httpPass', 'authUsername', 'authPassword', 'signatureKey', 'logs', 'attempts']),
} as const;

export type SectionKind = keyof typeof KNOWN;

export function readerFor(ctx: ReadContext, item: Json, kind: SectionKind, index: number, section: string): ObjectReader | undefined {
  if (!isObject(item)) {
    ctx.problems.push({ kind: 'invalid-value', path: ctx.path, message: `${section}[${index}] must be an object, got ${show(item)}. Fix: remove it or write it as { "$id": … }` });
    return undefined;
  }
  const id = typeof item.$id === 'string' ? item.$id : undefined;
  const span = id === undefined ? undefined : ctx.pos.takeId(id);
  const r = new ObjectReader(ctx, item, span, `${kind} ${JSON.stringify(id ?? `#${index}`)}`, id === undefined ? undefined : { type: kind, id });
  if (id === undefined) {
    ctx.problems.push({ kind: 'invalid-value', path: ctx.path, message: `${section}[${index}] has no "$id". Fix: give every ${kind} an "$id" string` });
    return undefined;
  }
  r.unknownKeys(KNOWN[kind]);
  return r;
}

export function readDatabase(r: ObjectReader, kind: DatabaseModel['kind']): DatabaseModel {
  return { id: r.obj.$id as string, name: r.str('name'), kind, enabled: r.bool('enabled'), location: r.loc() };
}

function readFields(r: ObjectReader, key: 'attributes' | 'columns'): FieldModel[] {
  const raw = r.obj[key];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    r.invalid(key, 'a list', `write it as [{ "key": "name", "type": "string" }]`);
    return [];
  }
  const out: FieldModel[] = [];
  for (const a of raw) {
    if (!isObject(a) || typeof a.key !== 'string') continue;
    const f: FieldModel = { key: a.key, type: typeof a.type === 'string' ? a.type : 'unknown' };
    if (typeof a.format === 'string' && a.format) f.format = a.format;
    if (typeof a.encrypt === 'boolean') f.encrypt = a.encrypt;
    out.push(f);
  }
  return out;
}

/** A 1.x collection, a 1.8+ table, or a pre-1.0 collection (`$read` / `$write`, `permission`). */
export function readDataResource(r: ObjectReader, kind: 'collection' | 'table'): DataResourceModel {
  const legacy = kind === 'collection' && (r.has('$read') || r.has('$write') || r.has('permission'));
  const base = { id: r.obj.$id as string, name: r.str('name'), kind, enabled: r.bool('enabled'), location: r.loc() };
  if (legacy) {
    // 0.x: $write covered create, update and delete; role:all / role:member / role:guest became any / users / guests.
    const toModern = (verb: 'read' | 'write') => (role: string) => formatPermission(verb, modernRole(role));
    const permissions = [
      ...r.permissions('$read', toModern('read'), (s) => `$read: ${s}`),
      ...r.permissions('$write', toModern('write'), (s) => `$write: ${s}`),
      ...r.permissions('$permissions'),
    ];
    const level = r.str('permission');
    if (level !== undefined && level !== 'document' && level !== 'collection') r.invalid('permission', '"document" or "collection"', 'use "document" or "collection"');
    return { ...base, databaseId: r.str('databaseId') ?? 'default', legacy: true, security: level === undefined ? undefined : level === 'document', permissions, fields: readFields(r, 'attributes') };
  }
  const databaseId = r.str('databaseId');
  if (databaseId === undefined) r.invalid('databaseId', `the id of a database in "${kind === 'table' ? 'tablesDB' : 'databases'}"`, 'add "databaseId"');
  return {
    ...base,
    databaseId: databaseId ?? '(none)',
    security: r.bool(kind === 'table' ? 'rowSecurity' : 'documentSecurity'),
    permissions: r.permissions('$permissions'),
    fields: readFields(r, kind === 'table' ? 'columns' : 'attributes'),
  };
}

export function readBucket(r: ObjectReader): BucketModel {
  const size = r.num('maximumFileSize');
  return {
    id: r.obj.$id as string,
    name: r.str('name'),
    location: r.loc(),
    enabled: r.bool('enabled'),
    fileSecurity: r.bool('fileSecurity'),
    permissions: r.permissions('$permissions'),
    ...(size !== undefined && size !== null ? { maximumFileSize: size } : {}),
    ...(r.has('allowedFileExtensions') ? { allowedFileExtensions: r.strArray('allowedFileExtensions') ?? [] } : {}),
    compression: r.str('compression'),
    encryption: r.bool('encryption'),
    antivirus: r.bool('antivirus'),
  };
}

function readVars(r: ObjectReader): VariableModel[] {
  const vars = r.object('vars');
  if (!vars) return [];
  const out: VariableModel[] = [];
  for (const [key, value] of Object.entries(vars)) {
    if (typeof value !== 'string') {
      r.ctx.problems.push({ kind: 'invalid-value', path: r.ctx.path, line: r.line('vars'), message: `${r.what}: variable "${key}" must be a string. Fix: quote the value` });
      continue;
    }
    if (classifyVariable(key, value)) r.ctx.secret(value);
    out.push({ key, value, location: r.loc(key) });
  }
  return out;
}

export function readFunction(r: ObjectReader): FunctionModel {
  return {
    id: r.obj.$id as string,
    name: r.str('name'),
    location: r.loc(),
    runtime: r.str('runtime'),
    enabled: r.bool('enabled'),
    // Bare role strings; pre-1.0 files used role:all and friends here too.
    execute: r.permissions('execute', modernRole, (s) => s),
    executeLocation: r.has('execute') ? r.loc('execute') : r.loc(),
    scopes: r.strArray('scopes') ?? [],
    scopesLocation: r.has('scopes') ? r.loc('scopes') : r.loc(),
    events: r.strArray('events') ?? [],
    schedule: r.str('schedule') || undefined,
    vars: readVars(r),
  };
}

export function readSite(r: ObjectReader): SiteModel {
  return { id: r.obj.$id as string, name: r.str('name'), location: r.loc(), framework: r.str('framework'), vars: readVars(r) };
}

export function readTeam(r: ObjectReader): TeamModel {
  return { id: r.obj.$id as string, name: r.str('name'), location: r.loc() };
}

export function readTopic(r: ObjectReader): TopicModel {
  return { id: r.obj.$id as string, name: r.str('name'), location: r.loc(), subscribe: r.permissions('subscribe', modernRole, (s) => s) };
}

export function readWebhook(r: ObjectReader): WebhookModel {
  for (const k of ['httpPass', 'authPassword', 'signatureKey']) {
    const v = r.obj[k];
    if (typeof v === 'string') r.ctx.secret(v);
  }
  return { id: r.obj.$id as string, name: r.str('name'), location: r.loc(), url: r.str('url'), events: r.strArray('events') ?? [], enabled: r.bool('enabled'), tls: r.bool('tls') };
}
