/**
 * Validates JSON bodies against the spec-derived response models (see scripts/generate-spec-schemas.ts).
 * `1.8` is Appwrite's own 1.8.x OpenAPI spec; `1.9.5` is the 1.9.5 response format as node-appwrite's
 * generated models describe it.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

export type SchemaFormat = '1.8' | '1.9.5';

const FILES: Record<SchemaFormat, string> = {
  '1.8': 'appwrite-1.8.x.schema.json',
  '1.9.5': 'appwrite-1.9.5.schema.json',
};

interface SchemaFile {
  $id: string;
  definitions: Record<string, unknown>;
}

const loaded = new Map<SchemaFormat, { ajv: Ajv; file: SchemaFile; compiled: Map<string, ValidateFunction> }>();

function load(format: SchemaFormat) {
  let entry = loaded.get(format);
  if (!entry) {
    const file = JSON.parse(readFileSync(new URL(FILES[format], import.meta.url), 'utf8')) as SchemaFile;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema(file, file.$id);
    entry = { ajv, file, compiled: new Map() };
    loaded.set(format, entry);
  }
  return entry;
}

export function hasModel(format: SchemaFormat, model: string): boolean {
  return model in load(format).file.definitions;
}

/** Returns the validation errors of `body` against `model` (empty when valid). */
export function validateModel(format: SchemaFormat, model: string, body: unknown): string[] {
  const entry = load(format);
  if (!(model in entry.file.definitions)) return [`no model "${model}" in the ${format} schemas`];
  let validate = entry.compiled.get(model);
  if (!validate) {
    validate = entry.ajv.getSchema(`${entry.file.$id}#/definitions/${model}`);
    if (!validate) return [`cannot compile model "${model}"`];
    entry.compiled.set(model, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${model}${e.instancePath || ''} ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  scopes: string[];
  auth: string[];
  specs: string[];
  response?: string;
  deprecated?: boolean;
}

let ops: SpecOperation[] | undefined;

/** Operations of the 1.8.x specs (method, /v1 path with `{param}` placeholders, scopes). */
export function specOperations(): SpecOperation[] {
  ops ??= (JSON.parse(readFileSync(new URL('operations-1.8.x.json', import.meta.url), 'utf8')) as { operations: SpecOperation[] }).operations;
  return ops;
}

export function findSpecOperation(method: string, path: string): SpecOperation | undefined {
  return specOperations().find((o) => o.method === method.toUpperCase() && o.path === path);
}
