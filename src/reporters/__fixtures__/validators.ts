import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';

// ajv-draft-04 and ajv-formats are CommonJS with `exports.default`; NodeNext types their default
// import as the module object, so load them through require with the types they really have.
const require = createRequire(import.meta.url);
const Ajv4 = (require('ajv-draft-04') as { default: new (opts?: Options) => Ajv }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: Ajv) => Ajv }).default;

function readJson(rel: string): object {
  return JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as object;
}

let sarif: ValidateFunction | undefined;
let report: ValidateFunction | undefined;

/** The vendored OASIS SARIF 2.1.0 schema (draft-04); see test/support/schemas/README.md for the options. */
export function sarifValidator(): ValidateFunction {
  if (!sarif) {
    const ajv = new Ajv4({ strict: false, unicodeRegExp: false, allErrors: true });
    addFormats(ajv);
    sarif = ajv.compile(readJson('../../../test/support/schemas/sarif-2.1.0-rtm.5.json'));
  }
  return sarif!;
}

/** schema/report.schema.json, the published shape of the JSON report. */
export function reportValidator(): ValidateFunction {
  if (!report) {
    // strictRequired is off because `then: { required: [...] }` names properties defined one level up.
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
    addFormats(ajv);
    report = ajv.compile(readJson('../../../schema/report.schema.json'));
  }
  return report!;
}

export function reportSchema(): Record<string, unknown> {
  return readJson('../../../schema/report.schema.json') as Record<string, unknown>;
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
