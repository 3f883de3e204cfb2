/**
 * Generates the response-model schemas the Appwrite stand-in (test/support/fake-appwrite) is validated
 * against, so that it cannot drift from the real API:
 *
 * - appwrite-1.8.x.schema.json: every model of Appwrite's official OpenAPI 3 specs 1.8.x (server and
 *   console, which agree on every shared model), converted to JSON Schema (draft-07).
 * - appwrite-1.9.5.schema.json: the 1.9.5 response format (slim project model, policies, new webhook and
 *   platform models). No 1.9.x spec is vendored here, so these come from the model types node-appwrite
 *   27.1.0 ships (dist/models.d.mts), which Appwrite generates from its 1.9.x spec.
 * - operations-1.8.x.json: method, path, scopes and auth of every operation, so that the live collectors'
 *   operation table and the stand-in's routes can be checked against the spec.
 *
 * Objects are closed (`additionalProperties: false`) unless the spec leaves them open, so a field the
 * stand-in invents fails validation just like a missing one.
 *
 * Usage: node --import tsx scripts/generate-spec-schemas.ts [specDir]   (default ../shared/appwrite/specs)
 * The output is committed; tests never read the specs themselves.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'test/support/spec-schemas');

/** Places where the spec and the server disagree; each is a deliberate, documented deviation. */
const OVERRIDES: Record<string, (schema: JsonObject) => void> = {
  // The Error model declares `code` a string, but the error handler writes the HTTP status as an integer
  // (`"code":401`); accept both so that either a faithful server or the model's letter validates.
  error: (s) => {
    (s.properties as JsonObject).code = { type: ['integer', 'string'] };
  },
};

export function convertOpenApiSchema(schema: Json, name?: string): Json {
  if (Array.isArray(schema)) return schema.map((s) => convertOpenApiSchema(s));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'description' || k === 'x-example' || k === 'example' || k === 'nullable') continue;
    // Formats such as int32, datetime, enum or url are OpenAPI annotations, not JSON Schema assertions.
    if (k === 'format') continue;
    if (k === '$ref' && typeof v === 'string') {
      out.$ref = v.replace('#/components/schemas/', '#/definitions/');
      continue;
    }
    if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      out.properties = Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, convertOpenApiSchema(ps)]));
      continue;
    }
    out[k] = convertOpenApiSchema(v);
  }
  const obj = schema as JsonObject;
  if (obj.nullable === true && typeof obj.type === 'string') out.type = [obj.type, 'null'];
  // `prefs` is declared `type: object` with `items`: an OpenAPI quirk that means "an object of anything".
  if (out.type === 'object' && out.items) delete out.items;
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (name && OVERRIDES[name]) OVERRIDES[name](out);
  return out;
}

interface Operation {
  operationId: string;
  method: string;
  path: string;
  scopes: string[];
  auth: string[];
  specs: string[];
  response?: string;
  deprecated?: boolean;
}

function operationsOf(spec: JsonObject, which: string, into: Map<string, Operation>): void {
  for (const [p, ops] of Object.entries(spec.paths as JsonObject)) {
    for (const [method, raw] of Object.entries(ops as JsonObject)) {
      const op = raw as JsonObject;
      const x = (op['x-appwrite'] ?? {}) as JsonObject;
      const scope = x.scope;
      const scopes = Array.isArray(scope) ? (scope as string[]) : typeof scope === 'string' ? [scope] : [];
      const key = `${method.toUpperCase()} ${p}`;
      const existing = into.get(key);
      if (existing) {
        existing.specs.push(which);
        continue;
      }
      const responses = (op.responses ?? {}) as JsonObject;
      const first = Object.values(responses)[0] as JsonObject | undefined;
      const ref = ((first?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema as JsonObject | undefined;
      into.set(key, {
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        path: `/v1${p}`,
        scopes,
        auth: Object.keys((x.auth ?? {}) as JsonObject),
        specs: [which],
        ...(typeof ref?.$ref === 'string' ? { response: ref.$ref.replace('#/components/schemas/', '') } : {}),
        ...(x.deprecated ? { deprecated: true } : {}),
      });
    }
  }
}

/**
 * Reads node-appwrite's generated `export type Name = { field: T; ... };` declarations. The file is
 * machine-written with one field per line, so a line reader is exact here; anything it does not
 * recognise stops the generator rather than being guessed.
 */
export function parseModelsDts(text: string, enums: Record<string, string[]>): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^\s{4}export type (\w+)(<[^>]*>)? = \{\s*$/.exec(lines[i]!);
    if (!head) continue;
    const name = head[1]!;
    const generic = !!head[2];
    const properties: JsonObject = {};
    const required: string[] = [];
    for (i++; i < lines.length && !/^\s{4}\};?\s*$/.test(lines[i]!); i++) {
      const line = lines[i]!.trim();
      if (line === '' || line.startsWith('/**') || line.startsWith('*')) continue;
      const m = /^("?[$\w]+"?)(\?)?: (.+);$/.exec(line);
      if (!m) throw new Error(`models.d.mts: cannot read line ${i + 1} of ${name}: ${line}`);
      const field = m[1]!.replace(/"/g, '');
      const schema = tsTypeToSchema(m[3]!, enums, `${name}.${field}`);
      // The SDK generator renders the spec's nullable fields as optional ones; the server sends null.
      properties[field] = m[2] ? { anyOf: [schema, { type: 'null' }] } : schema;
      if (!m[2]) required.push(field);
    }
    out[name] = { type: 'object', properties, required, additionalProperties: generic };
  }
  const unresolved = [...JSON.stringify(out).matchAll(/"#\/definitions\/(\w+)"/g)].map((m) => m[1]!).filter((n) => !(n in out));
  if (unresolved.length) throw new Error(`models.d.mts: unresolved type(s) ${[...new Set(unresolved)].join(', ')}`);
  return out;
}

function tsTypeToSchema(t: string, enums: Record<string, string[]>, where: string): JsonObject {
  t = t.trim();
  if (t.endsWith('[]')) {
    let inner = t.slice(0, -2);
    if (inner.startsWith('(') && inner.endsWith(')')) inner = inner.slice(1, -1);
    return { type: 'array', items: tsTypeToSchema(inner, enums, where) };
  }
  if (t.includes(' | ')) return { anyOf: t.split(' | ').map((p) => tsTypeToSchema(p, enums, where)) };
  if (t === 'string') return { type: 'string' };
  if (t === 'number') return { type: 'number' };
  // An int64 the SDK revives as BigInt: on the wire it is a JSON integer.
  if (t === 'bigint') return { type: 'integer' };
  if (t === 'null') return { type: 'null' };
  if (t === 'boolean') return { type: 'boolean' };
  if (t === 'object' || t === 'Preferences' || t === 'Record<string, any>' || t === 'any') return { type: 'object' };
  if (/^(Models\.)?[A-Z]\w*(<[^>]*>)?$/.test(t)) {
    const n = t.replace(/^Models\./, '').replace(/<.*$/, '');
    if (enums[n]) return { type: 'string', enum: enums[n] };
    return { $ref: `#/definitions/${n}` };
  }
  throw new Error(`models.d.mts: unsupported type "${t}" at ${where}`);
}

export async function readEnums(dir: string): Promise<Record<string, string[]>> {
  const { readdir } = await import('node:fs/promises');
  const out: Record<string, string[]> = {};
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.mjs'))) {
    const text = await readFile(path.join(dir, f), 'utf8');
    const name = /var (\w+) = /.exec(text)?.[1];
    if (!name) continue;
    out[name] = [...text.matchAll(/\["\w+"\] = "([^"]*)"/g)].map((m) => m[1]!);
  }
  return out;
}

/** The 1.9.5 response models, from the node-appwrite this project installs. */
export async function schemaFromSdk(): Promise<{ $schema: string; $id: string; description: string; definitions: Record<string, JsonObject> }> {
  const require = createRequire(import.meta.url);
  const sdkDir = path.dirname(require.resolve('node-appwrite'));
  const sdkVersion = (JSON.parse(await readFile(path.join(sdkDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const enums = await readEnums(path.join(sdkDir, 'enums'));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'appwrite-1.9.5',
    description: `Response models of response format 1.9.5, from node-appwrite ${sdkVersion} dist/models.d.mts (generated by Appwrite from its 1.9.x spec), by scripts/generate-spec-schemas.ts`,
    definitions: parseModelsDts(await readFile(path.join(sdkDir, 'models.d.mts'), 'utf8'), enums),
  };
}

async function main(): Promise<void> {
  const specDir = path.resolve(root, process.argv[2] ?? '../shared/appwrite/specs');
  const server = JSON.parse(await readFile(path.join(specDir, 'open-api3-1.8.x-server.json'), 'utf8')) as JsonObject;
  const consoleSpec = JSON.parse(await readFile(path.join(specDir, 'open-api3-1.8.x-console.json'), 'utf8')) as JsonObject;

  const definitions: JsonObject = {};
  for (const spec of [consoleSpec, server]) {
    for (const [name, s] of Object.entries((spec.components as JsonObject).schemas as JsonObject)) {
      const converted = convertOpenApiSchema(s, name);
      if (definitions[name] && JSON.stringify(definitions[name]) !== JSON.stringify(converted)) {
        throw new Error(`model ${name} differs between the server and console specs; decide which one the stand-in serves`);
      }
      definitions[name] = converted;
    }
  }
  const info = consoleSpec.info as JsonObject;
  const schema18 = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'appwrite-1.8.x',
    description: `Response models of Appwrite ${String(info.version)} (open-api3-1.8.x-server.json + console.json), generated by scripts/generate-spec-schemas.ts`,
    definitions,
  };

  const ops = new Map<string, Operation>();
  operationsOf(server, 'server', ops);
  operationsOf(consoleSpec, 'console', ops);

  const schema195 = await schemaFromSdk();
  const models = schema195.definitions;

  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'appwrite-1.8.x.schema.json'), `${JSON.stringify(schema18, null, 1)}\n`);
  await writeFile(path.join(outDir, 'appwrite-1.9.5.schema.json'), `${JSON.stringify(schema195, null, 1)}\n`);
  const opList = [...ops.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  await writeFile(path.join(outDir, 'operations-1.8.x.json'), `${JSON.stringify({ source: `Appwrite ${String(info.version)} specs`, operations: opList }, null, 1)}\n`);
  process.stdout.write(`wrote ${Object.keys(definitions).length} 1.8.x models, ${Object.keys(models).length} 1.9.5 models, ${opList.length} operations to ${path.relative(root, outDir)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
