import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertOpenApiSchema, parseModelsDts, schemaFromSdk } from './generate-spec-schemas.js';

describe('generate-spec-schemas', () => {
  it('converts OpenAPI 3 models to closed JSON Schema', () => {
    const out = convertOpenApiSchema({
      description: 'Key',
      type: 'object',
      properties: {
        name: { type: 'string', description: 'n', 'x-example': 'k' },
        min: { type: 'integer', format: 'int64', nullable: true },
        prefs: { type: 'object', items: { $ref: '#/components/schemas/preferences' } },
        keys: { type: 'array', items: { $ref: '#/components/schemas/key' } },
      },
      required: ['name'],
    });
    expect(out).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, min: { type: ['integer', 'null'] }, prefs: { type: 'object' }, keys: { type: 'array', items: { $ref: '#/definitions/key' } } },
      required: ['name'],
      additionalProperties: false,
    });
  });

  it('applies the documented override for error.code', () => {
    const out = convertOpenApiSchema({ type: 'object', properties: { code: { type: 'string' } } }, 'error') as { properties: { code: unknown } };
    expect(out.properties.code).toEqual({ type: ['integer', 'string'] });
  });

  it('reads node-appwrite model declarations, optional fields nullable, enums as values', () => {
    const dts = ['    export type Key = {', '        /**', '         * Key ID.', '         */', '        $id: string;', '        expire?: string;', '        scopes: string[];', '        type: PlatformType;', '        list: (Models.A | Models.B)[];', '    };'].join('\n');
    const out = parseModelsDts(`${dts}\n    export type A = {\n    };\n    export type B = {\n    };`, { PlatformType: ['web', 'apple'] });
    expect(out.Key).toEqual({
      type: 'object',
      properties: {
        $id: { type: 'string' },
        expire: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        scopes: { type: 'array', items: { type: 'string' } },
        type: { type: 'string', enum: ['web', 'apple'] },
        list: { type: 'array', items: { anyOf: [{ $ref: '#/definitions/A' }, { $ref: '#/definitions/B' }] } },
      },
      required: ['$id', 'scopes', 'type', 'list'],
      additionalProperties: false,
    });
    expect(() => parseModelsDts('    export type X = {\n        a: Map<string, number>;\n    };', {})).toThrow(/unresolved type\(s\) Map/);
    expect(() => parseModelsDts('    export type X = {\n        a: string & number;\n    };', {})).toThrow(/unsupported type/);
  });

  it('the committed 1.9.5 schemas match the installed node-appwrite', async () => {
    const committed = JSON.parse(readFileSync(new URL('../test/support/spec-schemas/appwrite-1.9.5.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(await schemaFromSdk())));
  });
});
