import { describe, expect, it } from 'vitest';
import { analyzeJsModule } from './js-module.js';

const CANARY = `standard_${'c0ffee00'.repeat(32)}`;

function calls(code: string, path = 'src/x.ts') {
  const m = analyzeJsModule(code, path, path.endsWith('.js') || path.endsWith('.jsx') ? 'js' : 'ts');
  return m.calls.map((c) => ({ method: c.method, line: c.line, target: c.target.kind === 'service' ? `${c.target.service}:${c.target.auth}` : c.target.kind === 'import' ? `import:${c.target.ref.source}#${c.target.ref.imported}/${c.target.ref.path.join('.')}` : `name:${c.target.hint}`, ...(c.serverExport ? { serverExport: c.serverExport } : {}) }));
}

describe('analyzeJsModule: call sites and the auth of their client', () => {
  const cases: { name: string; code: string; path?: string; expected: ReturnType<typeof calls> }[] = [
    {
      name: 'node-appwrite client with a chained setKey',
      code: `import { Client, Users } from 'node-appwrite';\nconst c = new Client().setEndpoint(e).setProject(p).setKey(process.env.KEY);\nconst users = new Users(c);\nawait users.list();`,
      expected: [{ method: 'list', line: 4, target: 'users:key' }],
    },
    {
      name: 'setKey as a later statement, and setJWT on another client',
      code: `import { Client, Databases } from 'node-appwrite';\nconst a = new Client();\na.setKey(k);\nconst b = new Client();\nb.setJWT(jwt);\nnew Databases(a).createDocument('d','c','i',{});\nnew Databases(b).createDocument('d','c','i',{});`,
      expected: [
        { method: 'createDocument', line: 6, target: 'databases:key' },
        { method: 'createDocument', line: 7, target: 'databases:jwt' },
      ],
    },
    {
      name: 'the web SDK authenticates with the session',
      code: `import { Client, Account, TablesDB } from 'appwrite';\nconst client = new Client().setProject('p');\nexport const account = new Account(client);\nawait new TablesDB(client).listRows({ databaseId: 'a', tableId: 'b' });\nawait account.get();`,
      expected: [
        { method: 'listRows', line: 4, target: 'tablesDB:session' },
        { method: 'get', line: 5, target: 'account:session' },
      ],
    },
    {
      name: 'a server client without credentials is a guest',
      code: `const sdk = require('node-appwrite');\nconst client = new sdk.Client();\nconst storage = new sdk.Storage(client);\nstorage.getFile('b', 'f');`,
      path: 'srv/x.js',
      expected: [{ method: 'getFile', line: 4, target: 'storage:guest' }],
    },
    {
      name: 'same local name in two functions stays apart (scopes)',
      code: `import { Client, Databases } from 'node-appwrite';\nfunction admin() { const client = new Client().setKey(k); return new Databases(client); }\nfunction user() { const client = new Client(); client.setSession(s); return new Databases(client); }\nadmin().deleteDocument('d','c','i');\nuser().deleteDocument('d','c','i');`,
      expected: [
        { method: 'deleteDocument', line: 4, target: 'databases:key' },
        { method: 'deleteDocument', line: 5, target: 'databases:session' },
      ],
    },
    {
      name: 'factory returning getters, destructured from an awaited call',
      code: `import { Client, Users, TablesDB } from 'node-appwrite';\nasync function createAdminClient() { const client = new Client().setKey(process.env.K!); return { get users() { return new Users(client); }, tablesDB: new TablesDB(client) }; }\nexport async function GET() { const { users, tablesDB: t } = await createAdminClient(); await users.delete('u'); await t.createRows({}); }`,
      expected: [
        { method: 'delete', line: 3, target: 'users:key' },
        { method: 'createRows', line: 3, target: 'tablesDB:key' },
      ],
    },
    {
      name: 'class fields and this.x',
      code: `import { Client, Storage } from 'node-appwrite';\nclass Files { private client = new Client().setKey(key); storage = new Storage(this.client); list() { return this.storage.listFiles('b'); } }`,
      expected: [{ method: 'listFiles', line: 2, target: 'storage:key' }],
    },
    {
      name: 'receivers imported from a local module stay imports (resolved across files later)',
      code: `import { databases } from '@/lib/appwrite';\nimport * as aw from './aw';\nawait databases.listDocuments('a','b');\nawait aw.make().storage.createFile('b','f', file);`,
      expected: [
        { method: 'listDocuments', line: 3, target: 'import:@/lib/appwrite#databases/' },
        { method: 'createFile', line: 4, target: 'import:./aw#*/make.().storage' },
      ],
    },
    {
      name: 'unknown receivers keep their last name as a hint',
      code: `export function f(ctx) { return ctx.appwrite.databases.createDocument('a','b','c',{}); }`,
      expected: [{ method: 'createDocument', line: 1, target: 'name:databases' }],
    },
    {
      name: 'calls inside server-only exports are marked',
      code: `import { Client, Databases } from 'node-appwrite';\nexport async function getServerSideProps() { const db = new Databases(new Client().setKey(k)); return { props: await db.listDocuments('a','b') }; }\nexport const loader = async () => new Databases(new Client()).getDocument('a','b','c');`,
      path: 'pages/index.jsx',
      expected: [
        { method: 'listDocuments', line: 2, target: 'databases:key', serverExport: 'getServerSideProps' },
        { method: 'getDocument', line: 3, target: 'databases:guest', serverExport: 'loader' },
      ],
    },
    {
      name: 'methods that are no catalog method are not call sites',
      code: `import { Client } from 'node-appwrite';\nconst m = new Map(); m.set('a', 1); m.has('a'); [1].forEach(() => {});`,
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(calls(c.code, c.path)).toEqual(c.expected);
    });
  }
});

describe('analyzeJsModule: keys, headers, env, imports, exports', () => {
  it('records setKey sources without keeping literal secrets', () => {
    const m = analyzeJsModule(`import { Client } from 'node-appwrite';\nnew Client().setKey('${CANARY}');\nnew Client().setKey(import.meta.env.VITE_KEY);\nnew Client().setKey(req.headers['x-appwrite-key']);\nnew Client().setDevKey(devKey);\ncache.setKey('x');\nadminClient.setKey(process.env.K);`, 'a.ts', 'ts');
    expect(m.keyUses.map((k) => [k.kind, k.line, k.source.kind, k.onAppwriteClient])).toEqual([
      ['setKey', 2, 'literal', true],
      ['setKey', 3, 'env', true],
      ['setKey', 4, 'request-header', true],
      ['setDevKey', 5, 'expression', true],
      ['setKey', 6, 'literal', false],
      ['setKey', 7, 'env', true],
    ]);
    const lit = m.keyUses[0]!.source;
    expect(lit).toMatchObject({ kind: 'literal', keyShaped: true });
    expect(JSON.stringify(m.keyUses)).not.toContain(CANARY);
    expect(m.secrets).toContain(CANARY);
  });

  it('finds X-Appwrite-Key headers being sent, not request headers being read', () => {
    const m = analyzeJsModule(
      `fetch(u, { headers: { 'X-Appwrite-Key': process.env.NEXT_PUBLIC_K } });\nconst h = new Headers(); h.set('x-appwrite-dev-key', d);\nconst incoming = req.headers['x-appwrite-key'];\naxios.post(u, b, { headers: { ['X-Appwrite-Key']: k } });\nconst { 'x-appwrite-key': fromReq } = req.headers;\nlet k2; ({ 'x-appwrite-key': k2 } = req.headers);`,
      'a.ts',
      'ts',
    );
    expect(m.keyUses.map((k) => [k.kind, k.line, k.source.kind === 'env' ? k.source.name : k.source.kind])).toEqual([
      ['header', 1, 'NEXT_PUBLIC_K'],
      ['dev-header', 2, 'expression'],
      ['header', 4, 'expression'],
    ]);
  });

  it('reads env variables in every form, including SvelteKit $env modules', () => {
    const m = analyzeJsModule(
      `import { PUBLIC_A } from '$env/static/public';\nimport { env } from '$env/dynamic/public';\nconst x = process.env.NEXT_PUBLIC_B ?? process.env['C'];\nconst y = import.meta.env.VITE_D + env.PUBLIC_E;`,
      'a.ts',
      'ts',
    );
    expect(m.envReads.map((e) => [e.name, e.line, e.via])).toEqual([
      ['PUBLIC_A', 1, '$env/static/public'],
      ['NEXT_PUBLIC_B', 3, 'process.env'],
      ['C', 3, 'process.env'],
      ['VITE_D', 4, 'import.meta.env'],
      ['PUBLIC_E', 4, '$env/dynamic/public'],
    ]);
  });

  it('tells SDK imports used as values from type-only ones, and server-only uses from bundled ones', () => {
    const m = analyzeJsModule(
      `import type { Models } from 'node-appwrite';\nimport { type Query, Users } from 'node-appwrite';\nimport { Databases, Client } from 'node-appwrite';\nimport { ID } from 'appwrite';\nlet x: Models.User;\nexport async function getServerSideProps() { return new Databases(new Client()); }\nexport default function Page() { return ID.unique(); }`,
      'pages/a.tsx',
      'ts',
    );
    expect(m.sdkImports).toEqual([
      { pkg: 'node-appwrite', line: 3, clientReachable: false },
      { pkg: 'appwrite', line: 4, clientReachable: true },
    ]);
  });

  it('summarises exports (services, factories, CommonJS) and directives', () => {
    const m = analyzeJsModule(
      `'use server';\nimport { Client, Users } from 'node-appwrite';\nconst admin = new Client().setKey(k);\nexport const users = new Users(admin);\nexport function make() { return { users: new Users(new Client()) }; }\nmodule.exports.other = new Users(admin);`,
      'a.js',
      'js',
    );
    expect(m.directives).toEqual(['use server']);
    expect(m.exports.users).toEqual({ kind: 'service', service: 'users', pkg: 'node-appwrite', auth: 'key' });
    expect(m.exports.make).toEqual({ kind: 'factory', returns: { kind: 'object', props: { users: { kind: 'service', service: 'users', pkg: 'node-appwrite', auth: 'guest' } } } });
    expect(m.exports.other).toMatchObject({ kind: 'service', auth: 'key' });
  });

  it('keeps going on syntax errors it can recover from, and reports what it cannot parse', () => {
    const ok = analyzeJsModule(`import { Client, Users } from 'node-appwrite';\nconst u = new Users(new Client().setKey(k));\nu.list();\nconst u = 2;`, 'a.ts', 'ts');
    expect(ok.parsed).toBe(true);
    expect(ok.calls).toHaveLength(1);
    expect(ok.problems[0]).toMatchObject({ line: 4 });
    const bad = analyzeJsModule('import { Client } from "node-appwrite";\nconst x = {', 'b.ts', 'ts');
    expect(bad.problems[0]).toMatchObject({ line: 2 });
  });

  it('parses Svelte and Vue scripts with original line numbers', () => {
    const svelte = analyzeJsModule(`<h1>hi</h1>\n<script lang="ts">\n  import { Client, Account } from 'appwrite';\n  const a = new Account(new Client());\n  a.get();\n</script>\n<p>{x}</p>`, 'src/routes/+page.svelte', 'svelte');
    expect(svelte.calls.map((c) => [c.method, c.line])).toEqual([['get', 5]]);
    const vue = analyzeJsModule(`<template><div/></template>\n<script setup>\nimport { Client, Databases } from 'appwrite';\nnew Databases(new Client()).listDocuments('a', 'b');\n</script>`, 'a.vue', 'vue');
    expect(vue.calls.map((c) => [c.method, c.line])).toEqual([['listDocuments', 4]]);
  });
});

describe('analyzeJsModule: SDK methods newer than the catalog', () => {
  it('keeps any method called on a service instance, and only there', () => {
    const m = analyzeJsModule(`import { Client, Project } from 'node-appwrite';\nconst project = new Project(new Client().setKey(k));\nawait project.createEphemeralKey({ scopes: ['users.read'], duration: 60 });\nconst thing = makeThing();\nthing.createEphemeralKey();`, 'a.ts', 'ts');
    expect(m.calls.map((c) => [c.method, c.line, c.target.kind])).toEqual([['createEphemeralKey', 3, 'service']]);
  });
});
