import { describe, expect, it } from 'vitest';
import { parseRole } from '../appwrite/permissions.js';
import { emptyProject, type DataResourceModel, type ProjectModel } from '../appwrite/project-model.js';
import { UsageError } from '../core/errors.js';
import { diffMatrices, diffWidens, renderDiff } from './diff.js';
import { filterMatrix } from './filter.js';
import { buildMatrix, grantSeverity, roleReaches, type MatrixEntry } from './matrix.js';
import { renderMatrix } from './render.js';

const perms = (...values: string[]) => values.map((value) => ({ value }));

function collection(id: string, security: boolean | undefined, permissions: string[], items?: { id: string; permissions: string[] }[]): DataResourceModel {
  return {
    kind: 'collection',
    id,
    name: id,
    databaseId: 'db',
    security,
    permissions: perms(...permissions),
    fields: [],
    ...(items ? { items: items.map((i) => ({ id: i.id, permissions: perms(...i.permissions) })) } : {}),
  };
}

function project(mut: (p: ProjectModel) => void): ProjectModel {
  const p = emptyProject('live-api', 'https://appwrite.example/v1', '1.8+');
  p.projectId = 'p1';
  mut(p);
  return p;
}

/** Compact form of an entry for hand-written expectations: `resource action role level[ item]`. */
const row = (e: MatrixEntry) => `${e.resourceId} ${e.action} ${e.role} ${e.level}${e.itemId ? ` ${e.itemId}` : ''}${e.conditional ? ' ?' : ''}`;

describe('buildMatrix: hand-computed expectations', () => {
  it('expands write to create+update+delete (not read) and dedupes overlapping grants', () => {
    const m = buildMatrix([project((p) => p.dataResources.push(collection('posts', false, ['write("users")', 'update("users")', 'read("any")'])))]);
    expect(m.entries.map(row)).toEqual(['posts create users resource', 'posts update users resource', 'posts delete users resource', 'posts read any resource']);
  });

  it('document security ON: item grants count too, at document level (either level suffices)', () => {
    const m = buildMatrix([
      project((p) =>
        p.dataResources.push(
          collection('notes', true, ['create("users")'], [
            { id: 'n1', permissions: ['read("user:alice")', 'update("user:alice")'] },
            { id: 'n2', permissions: ['read("team:t/admin")'] },
          ]),
        ),
      ),
    ]);
    expect(m.entries.map(row)).toEqual([
      'notes create users resource',
      'notes read user:alice document n1',
      'notes update user:alice document n1',
      'notes read team:t/admin document n2',
    ]);
    expect(m.resources[0]!.security).toBe('on');
  });

  it('document security OFF: item grants are ignored, only resource grants apply', () => {
    const m = buildMatrix([project((p) => p.dataResources.push(collection('notes', false, ['read("users")'], [{ id: 'n1', permissions: ['update("any")'] }])))]);
    expect(m.entries.map(row)).toEqual(['notes read users resource']);
    expect(m.resources[0]!.security).toBe('off');
  });

  it('document security NOT SET: item grants are listed as conditional', () => {
    const m = buildMatrix([project((p) => p.dataResources.push(collection('notes', undefined, [], [{ id: 'n1', permissions: ['delete("users")'] }])))]);
    expect(m.entries.map(row)).toEqual(['notes delete users document n1 ?']);
    expect(m.resources[0]!.security).toBe('unset');
  });

  it('tables use row level, buckets file level; functions execute and topics subscribe with bare roles', () => {
    const m = buildMatrix([
      project((p) => {
        p.dataResources.push({ ...collection('t', true, ['read("users")'], [{ id: 'r1', permissions: ['update("user:bob")'] }]), kind: 'table' });
        p.buckets.push({ id: 'b', fileSecurity: true, permissions: perms('create("users")'), items: [{ id: 'f1', permissions: perms('read("any")') }] });
        p.functions.push({ id: 'fn', execute: perms('any', 'team:ops'), scopes: [], events: [], vars: [] });
        p.topics.push({ id: 'news', subscribe: perms('users') });
      }),
    ]);
    expect(m.entries.map((e) => `${e.resourceType} ${row(e)}`)).toEqual([
      'table t read users resource',
      'table t update user:bob row r1',
      'bucket b create users resource',
      'bucket b read any file f1',
      'function fn execute any resource',
      'function fn execute team:ops resource',
      'topic news subscribe users resource',
    ]);
    expect(m.notes.join(' ')).toMatch(/API keys bypass every permission/);
  });

  it('collects invalid permissions and roles instead of guessing', () => {
    const m = buildMatrix([
      project((p) => {
        p.dataResources.push(collection('c', false, ['read(any)', 'read("users")']));
        p.functions.push({ id: 'fn', execute: perms('everyone'), scopes: [], events: [], vars: [] });
      }),
    ]);
    expect(m.entries.map(row)).toEqual(['c read users resource']);
    expect(m.invalid.map((i) => [i.resourceId, i.value])).toEqual([
      ['c', 'read(any)'],
      ['fn', 'everyone'],
    ]);
  });
});

describe('roleReaches', () => {
  const r = (s: string) => {
    const x = parseRole(s);
    if (!x.ok) throw new Error(x.reason);
    return x.value;
  };
  const table: [string, string, boolean][] = [
    ['any', 'guests', true],
    ['any', 'team:t/admin', true],
    ['users', 'user:u', true],
    ['users', 'team:t', true],
    ['users', 'guests', false],
    ['users', 'any', false],
    ['users/verified', 'user:u/verified', true],
    ['users/verified', 'user:u', false],
    ['guests', 'users', false],
    ['team:t', 'team:t/admin', true],
    ['team:t/admin', 'team:t', false],
    ['team:t/admin', 'team:t/admin', true],
    ['user:u', 'user:u/verified', true],
    ['user:u/verified', 'user:u', false],
    ['label:vip', 'label:vip', true],
    ['member:m', 'member:x', false],
  ];
  for (const [grant, who, expected] of table) it(`${grant} ${expected ? 'reaches' : 'does not reach'} ${who}`, () => expect(roleReaches(r(grant), r(who))).toBe(expected));
});

describe('filters', () => {
  const m = buildMatrix([
    project((p) => {
      p.dataResources.push(collection('posts', false, ['read("any")', 'write("users")']), collection('audit', false, ['read("team:ops/admin")']));
      p.functions.push({ id: 'fn', execute: perms('users'), scopes: [], events: [], vars: [] });
    }),
  ]);
  it('--principal shows grants reaching that role, broader ones included', () => {
    expect(filterMatrix(m, { principal: 'team:ops/admin' }).entries.map(row)).toEqual([
      'posts read any resource',
      'posts create users resource',
      'posts update users resource',
      'posts delete users resource',
      'audit read team:ops/admin resource',
      'fn execute users resource',
    ]);
    expect(filterMatrix(m, { principal: 'guests' }).entries.map(row)).toEqual(['posts read any resource']);
  });
  it('--action write and --resource glob', () => {
    expect(filterMatrix(m, { action: 'write', resource: 'db/*' }).entries.map(row)).toEqual(['posts create users resource', 'posts update users resource', 'posts delete users resource']);
    expect(filterMatrix(m, { resource: 'audit' }).resources.map((r) => r.resourceId)).toEqual(['audit']);
  });
  it('rejects an unknown role or action as a usage error', () => {
    expect(() => filterMatrix(m, { principal: 'everybody' })).toThrow(UsageError);
    expect(() => filterMatrix(m, { action: 'list' })).toThrow(UsageError);
  });
});

describe('renderers', () => {
  const m = buildMatrix([project((p) => p.dataResources.push({ ...collection('c', undefined, ['read("any")']), name: '=HYPERLINK("x"), | `y`' }))]);
  it('JSON has the documented entry fields and the API-key note', () => {
    const json = JSON.parse(renderMatrix(m, 'json')) as { entries: Record<string, unknown>[]; notes: string[] };
    expect(json.entries[0]).toMatchObject({ resourceType: 'collection', resourceId: 'c', resourceName: '=HYPERLINK("x"), | `y`', action: 'read', role: 'any', level: 'resource' });
    expect(json.notes[0]).toMatch(/API keys bypass/);
  });
  it('CSV quotes and defuses formulas', () => {
    const csv = renderMatrix(m, 'csv').split('\r\n');
    expect(csv[0]).toBe('resourceType,resourceId,resourceName,action,role,level,databaseId,itemId,principal,permission,path,line');
    expect(csv[1]).toBe(`collection,c,"'=HYPERLINK(""x""), | \`y\`",read,any,resource,db,,public,"read(""any"")",,`);
  });
  it('text and Markdown carry the API-key note and the security ambiguity', () => {
    for (const f of ['text', 'markdown'] as const) {
      const out = renderMatrix(m, f);
      expect(out).toMatch(/API keys bypass every permission/);
      expect(out).toMatch(/documentSecurity not set: the Appwrite CLI pushes true, the server defaults to false/);
    }
    expect(renderMatrix(m, 'markdown')).toContain('\\| \\`y\\`');
  });
});

describe('diff', () => {
  const before = buildMatrix([project((p) => p.dataResources.push(collection('posts', false, ['read("users")', 'update("team:t/admin")'])))]);
  const after = buildMatrix([project((p) => p.dataResources.push(collection('posts', true, ['read("any")', 'update("team:t/admin")', 'delete("guests")'])))]);
  it('lists widened and narrowed grants by severity, and security turned on as a widening', () => {
    const d = diffMatrices(before, after);
    expect(d.widened.map((c) => `${c.severity} ${row(c.entry)}`)).toEqual(['critical posts delete guests resource', 'medium posts read any resource']);
    expect(d.narrowed.map((c) => row(c.entry))).toEqual(['posts read users resource']);
    expect(d.security.map((s) => `${s.change} ${s.from}->${s.to}`)).toEqual(['widened off->on']);
    expect(diffWidens(d)).toBe(true);
    expect(diffWidens(diffMatrices(after, after))).toBe(false);
    const text = renderDiff(d, 'text', { before: 'a', after: 'b' });
    expect(text).toMatch(/Access widened \(3\):\n {2}\+ collection db\/posts: delete for guests/);
    expect(JSON.parse(renderDiff(d, 'json', { before: 'a', after: 'b' })).widens).toBe(true);
  });
  it('severity by action and principal', () => {
    expect([grantSeverity('delete', 'public'), grantSeverity('create', 'guests'), grantSeverity('read', 'public'), grantSeverity('update', 'users'), grantSeverity('read', 'users'), grantSeverity('update', 'scoped')]).toEqual([
      'critical',
      'high',
      'medium',
      'high',
      'low',
      'info',
    ]);
  });
});
