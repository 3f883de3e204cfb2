/**
 * The JSON form of the endpoint inventory (`appwrite-secops endpoints --format json`), as a zod schema:
 * consumers can validate against it, and the tests hold the output to it.
 */
import * as z from 'zod';
import { RUNTIMES, SITE_AUTHS, KEY_USE_KINDS } from './types.js';

const runtime = z.enum(RUNTIMES);
const position = { path: z.string().min(1), line: z.number().int().positive(), column: z.number().int().positive() };

export const callSiteJsonSchema = z.strictObject({
  ...position,
  service: z.string().min(1),
  method: z.string().min(1),
  operationId: z.string().nullable(),
  http: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  apiPath: z.string().startsWith('/').optional(),
  scopes: z.array(z.string()),
  keyScopes: z.array(z.string()),
  authModes: z.array(z.enum(['session', 'jwt', 'key', 'admin'])),
  rateLimit: z.strictObject({ limit: z.number().int().nonnegative(), seconds: z.number().int().positive(), keys: z.array(z.string()) }).optional(),
  deprecated: z.strictObject({ since: z.string(), replaceWith: z.string() }).optional(),
  write: z.boolean(),
  auth: z.enum(SITE_AUTHS),
  resolution: z.enum(['bound', 'import', 'name', 'method']),
  sdk: z.string().nullable(),
  runtime,
  runtimeReason: z.string().min(1),
  functionId: z.string().optional(),
  serverExport: z.string().optional(),
});

const keySource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('env'), name: z.string() }),
  // A literal only ever appears redacted: prefix plus hash.
  z.strictObject({ kind: z.literal('literal'), redacted: z.string().regex(/…#[0-9a-f]{8}$/), keyShaped: z.boolean() }),
  z.strictObject({ kind: z.literal('request-header'), name: z.string() }),
  z.strictObject({ kind: z.literal('expression'), text: z.string() }),
]);

export const inventoryJsonSchema = z.looseObject({
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.literal('appwrite-secops'), version: z.string() }),
  root: z.string().optional(),
  catalog: z.strictObject({ appwrite: z.string(), specs: z.string() }),
  summary: z.strictObject({
    callSites: z.number().int().nonnegative(),
    files: z.number().int().nonnegative(),
    byRuntime: z.record(runtime, z.number().int().nonnegative()),
    clientKeyUses: z.number().int().nonnegative(),
    incomplete: z.number().int().nonnegative(),
  }),
  callSites: z.array(callSiteJsonSchema),
  keyUses: z.array(z.strictObject({ ...position, kind: z.enum(KEY_USE_KINDS), source: keySource, runtime, runtimeReason: z.string(), language: z.string(), functionId: z.string().optional() })),
  functions: z.array(z.looseObject({ id: z.string(), root: z.string(), scopes: z.array(z.string()).nullable() })),
  keyScopes: z.array(z.strictObject({ component: z.string(), kind: z.enum(['function', 'server-file']), needed: z.array(z.string()), declared: z.array(z.string()).nullable() })),
  incomplete: z.array(z.strictObject({ path: z.string(), reason: z.string() })),
});
