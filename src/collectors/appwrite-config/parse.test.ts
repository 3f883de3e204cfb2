import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { parseProjectFile } from './parse.js';
import { findJsonErrorOffset } from './positions.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__');

async function fixture(rel: string) {
  const text = await readFile(path.join(FIXTURES, rel), 'utf8');
  const secrets: string[] = [];
  const parsed = await parseProjectFile(text, {
    path: rel,
    readInclude: (inc) => readFile(path.join(FIXTURES, path.dirname(rel), inc), 'utf8'),
    secret: (s) => secrets.push(s),
  });
  const lines = text.split('\n');
  const lineOf = (needle: string, nth = 1) => {
    let seen = 0;
    return lines.findIndex((l) => l.includes(needle) && ++seen === nth) + 1;
  };
  return { ...parsed, secrets, lineOf };
}

describe('pre-1.0 appwrite.json ($read/$write, role:all, permission)', async () => {
  const f = await fixture('pre-1.0/appwrite.json');
  it('detects the generation and modernises permissions', () => {
    expect(f.project.format).toBe('pre-1.0');
    const [users, messages] = f.project.dataResources;
    expect(users!.permissions.map((p) => [p.value, p.original])).toEqual([
      ['read("users")', '$read: role:member'],
      ['write("users")', '$write: role:member'],
    ]);
    expect(messages!.permissions.map((p) => p.value)).toEqual(['read("any")', 'write("guests")', 'write("user:62f1a9b8c7d6e5f4a3b2")']);
  });
  it('maps permission: document|collection to the security flag', () => {
    expect(f.project.dataResources.map((r) => [r.id, r.security, r.legacy, r.databaseId])).toEqual([
      ['users', true, true, 'default'],
      ['messages', false, true, 'default'],
    ]);
  });
  it('gives each permission its own line, even when $read and $write name the same role', () => {
    const users = f.project.dataResources[0]!;
    expect(users.permissions.map((p) => p.location?.line)).toEqual([f.lineOf('"role:member"', 1), f.lineOf('"role:member"', 2)]);
    expect(users.location?.line).toBe(f.lineOf('"$id": "users"'));
  });
  it('modernises function execute roles', () => {
    expect(f.project.functions[0]!.execute.map((e) => [e.value, e.original])).toEqual([['any', 'role:all']]);
    expect(f.project.functions[0]!.events).toEqual(['database.documents.create']);
    expect(f.problems).toEqual([]);
    expect(f.warnings).toEqual([]);
  });
});

describe('1.x appwrite.json (databases + collections, documentSecurity)', async () => {
  const f = await fixture('v1.x/appwrite.json');
  it('reads every section', () => {
    const p = f.project;
    expect(p.format).toBe('1.x');
    expect([p.projectId, p.databases.length, p.dataResources.length, p.buckets.length, p.functions.length, p.teams.length, p.topics.length]).toEqual(['shop-prod', 1, 3, 1, 1, 1, 1]);
    expect(p.dataResources.map((r) => [r.id, r.kind, r.databaseId, r.security])).toEqual([
      ['orders', 'collection', 'shop', true],
      ['products', 'collection', 'shop', false],
      ['reviews', 'collection', 'shop', undefined],
    ]);
    expect(p.dataResources[0]!.fields.map((x) => x.key)).toEqual(['total', 'shippingAddress']);
    expect(p.buckets[0]).toMatchObject({ id: 'invoices', fileSecurity: true, maximumFileSize: 10000000, allowedFileExtensions: ['pdf'], encryption: true, antivirus: true });
    expect(p.topics[0]!.subscribe.map((s) => s.value)).toEqual(['users']);
  });
  it('reads settings with positions', () => {
    const s = f.project.settings!;
    expect(s.authMethods).toMatchObject({ anonymous: true, 'magic-url': true, phone: false });
    expect(s.security).toMatchObject({ sessionsLimit: 10, passwordHistory: 0, passwordDictionary: false, mockNumbers: [{ phone: '+15555550100', otp: '246810' }] });
    expect(s.positions['auth.security.passwordHistory']?.line).toBe(f.lineOf('"passwordHistory"'));
    expect(s.positions['auth.methods.anonymous']?.line).toBe(f.lineOf('"anonymous"'));
    expect(s.positions['services.graphql']?.line).toBe(f.lineOf('"graphql"'));
  });
  it('registers secrets: variables in credential formats and mock OTPs', () => {
    expect(f.secrets).toEqual(['246810', 'sk_live_51HqLyjWDarjtT1zdp7dcXCANARY']);
    const fn = f.project.functions[0]!;
    expect(fn.vars[0]).toMatchObject({ key: 'STRIPE_SECRET_KEY', location: { line: f.lineOf('STRIPE_SECRET_KEY') } });
    expect(fn.executeLocation?.line).toBe(f.lineOf('"execute"'));
  });
});

describe('1.8+ appwrite.config.json (tablesDB + tables, rowSecurity, columns, includes, sites, protocols)', async () => {
  const f = await fixture('v1.8/appwrite.config.json');
  const included = (await readFile(path.join(FIXTURES, 'v1.8/appwrite/tables.json'), 'utf8')).split('\n');
  it('merges included tables with positions in the included file', () => {
    const p = f.project;
    expect(p.format).toBe('1.8+');
    expect(p.databases).toMatchObject([{ id: 'clinic', kind: 'tablesDB' }]);
    expect(p.dataResources.map((r) => [r.id, r.kind, r.security, r.location?.path])).toEqual([
      ['patients', 'table', true, 'v1.8/appwrite/tables.json'],
      ['appointments', 'table', undefined, 'v1.8/appwrite/tables.json'],
    ]);
    expect(p.dataResources[0]!.fields.map((c) => c.key)).toEqual(['fullName', 'birthDate']);
    expect(p.dataResources[0]!.permissions[1]!.location?.line).toBe(included.findIndex((l) => l.includes('update(')) + 1);
  });
  it('reads sites, protocols and nullable limits, with no warnings for CLI-written server fields', () => {
    expect(f.project.sites).toMatchObject([{ id: 'portal', framework: 'nextjs' }]);
    expect(f.project.settings?.protocols).toEqual({ rest: true, graphql: true, websocket: true });
    expect(f.project.settings?.security).toMatchObject({ sessionsLimit: null, limit: null, passwordHistory: 5 });
    expect(f.project.functions[0]!.schedule).toBe('0 3 * * *');
    expect(f.warnings).toEqual([]);
    expect(f.problems).toEqual([]);
  });
});

const parse = (text: string, readInclude?: (rel: string) => Promise<string>) => parseProjectFile(text, { path: 'appwrite.json', ...(readInclude ? { readInclude } : {}) });

describe('robustness', () => {
  it('accepts a byte-order mark and keeps lines right', async () => {
    const r = await parse('\uFEFF{\n  "projectId": "p",\n  "collections": [\n    { "$id": "c", "databaseId": "d", "name": "c", "$permissions": ["read(\\"any\\")"] }\n  ]\n}\n');
    expect(r.project.dataResources[0]!.location?.line).toBe(4);
  });

  it('reports unknown keys as warnings with lines, and keeps reading', async () => {
    const r = await parse('{\n  "projectId": "p",\n  "futureThing": 1,\n  "collections": [\n    {\n      "$id": "c",\n      "databaseId": "d",\n      "name": "c",\n      "shinyNewFlag": true\n    }\n  ]\n}');
    expect(r.warnings.map((w) => [w.line, /futureThing|shinyNewFlag/.exec(w.message)?.[0]])).toEqual([
      [3, 'futureThing'],
      [9, 'shinyNewFlag'],
    ]);
    expect(r.project.dataResources).toHaveLength(1);
  });

  it('turns wrong types into problems with file:line and a fix, reading them as not stated', async () => {
    const r = await parse('{\n  "projectId": "p",\n  "collections": [\n    {\n      "$id": "c",\n      "databaseId": "d",\n      "name": "c",\n      "documentSecurity": "yes"\n    }\n  ],\n  "buckets": "none"\n}');
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [8, 'collection "c": "documentSecurity" must be a boolean, got "yes". Fix: use true or false, without quotes'],
      [11, '"buckets" must be a list. Fix: write it as [ { "$id": … } ]'],
    ]);
    expect(r.project.dataResources[0]!.security).toBeUndefined();
  });

  it('describes long wrong values instead of echoing them (they may be secrets)', async () => {
    const r = await parse('{"projectId": "p", "functions": [{"$id": "f", "name": "f", "vars": "sk_live_CANARYvarsAsString0001"}]}');
    expect(r.problems.map((p) => p.message)).toEqual(['function "f": "vars" must be an object, got a string of 30 characters. Fix: write it as { "key": value }']);
  });

  const broken: [string, string, number, RegExp][] = [
    ['missing comma', '{\n  "projectId": "p"\n  "functions": []\n}', 3, /Expected ',' or '}'/],
    ['trailing comma', '{\n  "projectId": "p",\n  "functions": [],\n}', 4, /double-quoted property name/],
    ['unexpected token without a position from V8', '{\n  "projectId": "p",\n  "x": }\n}', 3, /Unexpected token/],
    ['truncated', '{\n  "projectId": "p",\n  "functions": [\n', 3, /end of JSON input|Expected/],
    ['comment', '{\n  // my project\n  "projectId": "p"\n}', 2, /property name/],
    ['empty', '', 1, /end of JSON input/],
  ];
  for (const [name, text, line, message] of broken) {
    it(`broken JSON (${name}) is an InputError at file:line`, async () => {
      const err = await parse(text).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).position).toMatchObject({ path: 'appwrite.json', line });
      expect((err as InputError).message).toMatch(message);
      expect((err as InputError).describe()).toMatch(new RegExp(`^appwrite\\.json:${line}:\\d+: invalid JSON`));
    });
  }

  it('never echoes file content (which could hold a secret) in a JSON error', async () => {
    const err = (await parse('{"vars": {"KEY": "sk_live_CANARY000000000000"}, "x": }').catch((e: unknown) => e)) as InputError;
    expect(err.describe()).not.toContain('CANARY');
  });

  it('rejects a JSON value that is not an object', async () => {
    await expect(parse('[1, 2]')).rejects.toThrow(/must be a JSON object/);
  });

  it('finds the first syntax error offset itself', () => {
    expect(findJsonErrorOffset('{"a": 1}')).toBeUndefined();
    expect(findJsonErrorOffset('{"a": tru}')).toBe(6);
    expect(findJsonErrorOffset('{"a": "\\x"}')).toBe(8);
    expect(findJsonErrorOffset('[1, 2] 3')).toBe(7);
  });

  it('refuses includes that leave the project folder, and reports unreadable ones', async () => {
    const text = '{\n  "projectId": "p",\n  "includes": {\n    "collections": "../../etc/passwd",\n    "buckets": "missing.json"\n  }\n}';
    const reads: string[] = [];
    const r = await parse(text, async (rel) => {
      reads.push(rel);
      throw new InputError(`cannot read ${rel}: no such file`);
    });
    expect(reads).toEqual(['missing.json']);
    expect(r.problems.map((p) => p.kind)).toEqual(['invalid-include', 'invalid-include']);
    expect(r.problems[0]!.message).toMatch(/outside the project folder/);
    expect(r.problems[1]!.message).toMatch(/missing\.json.*not judged/);
  });

  it('an included file with broken JSON is a problem at its own file:line', async () => {
    const r = await parse('{"projectId": "p", "includes": {"tables": "t.json"}}', async () => '[\n  { "$id": "a" }\n  { "$id": "b" }\n]');
    expect(r.problems).toMatchObject([{ kind: 'invalid-include', path: 't.json', line: 3 }]);
  });
});

describe('large generated configs', () => {
  it('parses 2,000 collections with exact positions', async () => {
    const collections = Array.from({ length: 2000 }, (_, i) => ({
      $id: `c${i}`,
      $permissions: [`read("users")`, `update("user:u${i}")`, i % 2 ? 'write("team:t/admin")' : 'read("any")'],
      databaseId: 'main',
      name: `Collection ${i}`,
      enabled: true,
      documentSecurity: i % 3 === 0,
      attributes: Array.from({ length: 8 }, (_, j) => ({ key: `f${j}`, type: 'string', required: false, array: false, size: 64, default: null })),
      indexes: [],
    }));
    const text = JSON.stringify({ projectId: 'big', databases: [{ $id: 'main', name: 'Main' }], collections }, null, 4);
    const lines = text.split('\n');
    const r = await parse(text);
    expect(r.project.dataResources).toHaveLength(2000);
    for (const i of [0, 1, 999, 1999]) {
      const c = r.project.dataResources[i]!;
      expect(c.location?.line).toBe(lines.findIndex((l) => l.includes(`"$id": "c${i}"`)) + 1);
      expect(c.permissions[1]!.location?.line).toBe(lines.findIndex((l) => l.includes(`user:u${i}\\"`)) + 1);
    }
    expect(r.problems).toEqual([]);
  });

  it('keeps positions right when a resource id repeats across sections and ids are not first', async () => {
    const text = '{\n"projectId": "p",\n"buckets": [{"name": "x", "$id": "users", "$permissions": ["read(\\"any\\")"]}],\n"collections": [\n{"$id": "users", "databaseId": "d", "name": "u", "$permissions": ["read(\\"any\\")"]}\n]\n}';
    const r = await parse(text);
    expect(r.project.buckets[0]!.location?.line).toBe(3);
    expect(r.project.dataResources[0]!.location?.line).toBe(5);
    expect(r.project.dataResources[0]!.permissions[0]!.location?.line).toBe(5);
  });
});
