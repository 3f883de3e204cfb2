import { describe, expect, it } from 'vitest';
import { runCheck, testCheck } from '../../../test/support/check-tester.js';
import { fn, inventory, site } from '../../code/fixtures.js';
import { compareScopes } from '../../code/least-privilege.js';
import type { Config } from '../../core/config.js';
import { leastPrivilege } from './least-privilege.js';

const fnSites = (id: string, ops: string[], over = {}) => ops.map((o, i) => site(o, { path: `functions/${id}/src/main.js`, line: 10 + i, runtime: 'function', functionId: id, ...over }));
const tm = (servicePaths: unknown[]) => ({ threatModel: { boundaries: [], servicePaths } }) as unknown as Partial<Config>;

testCheck(leastPrivilege, {
  valid: [
    {
      name: 'function scopes exactly what its calls need (either alternative of rows/documents)',
      facts: { 'source-inventory': inventory({ functions: [fn({ id: 'f', scopes: ['users.read', 'documents.write'] })], callSites: fnSites('f', ['users.list', 'tablesDB.createRow']) }) },
    },
    {
      name: 'implicit scopes (health.read) are never excess; JWT calls need no key scope',
      facts: { 'source-inventory': inventory({ functions: [fn({ id: 'f', scopes: ['health.read', 'users.read'] })], callSites: [...fnSites('f', ['users.get']), ...fnSites('f', ['tablesDB.createRow'], { auth: 'jwt' })] }) },
    },
    { name: 'function without declared scopes is not judged', facts: { 'source-inventory': inventory({ functions: [fn({ id: 'f', scopes: null })], callSites: fnSites('f', ['users.list']) }) } },
    {
      name: 'key service path scoped to its calls and the helpers it imports',
      facts: {
        'source-inventory': inventory({
          callSites: [site('users.list', { path: 'app/api/u/route.ts' }), site('storage.createFile', { path: 'lib/files.ts' }), site('users.delete', { path: 'other/x.ts' })],
          imports: { 'app/api/u/route.ts': ['lib/files.ts'] },
        }),
      },
      config: tm([{ id: 'api', files: ['app/api/**'], runtime: 'server', auth: 'key', permissionBoundary: { scopes: ['users.read', 'files.write'] } }]),
    },
  ],
  invalid: [
    {
      name: 'excess function scopes, with the minimal set',
      facts: { 'source-inventory': inventory({ functions: [fn({ id: 'cleanup', scopes: ['users.read', 'users.write', 'rows.read', 'files.write'] })], callSites: fnSites('cleanup', ['users.list', 'tablesDB.listRows']) }) },
      errors: [{ messageId: 'excess', path: 'appwrite.json', line: 9, resourceId: 'cleanup', severity: 'medium' }],
    },
    {
      name: 'missing scope: the calls fail',
      facts: { 'source-inventory': inventory({ functions: [fn({ id: 'f', scopes: ['users.read'] })], callSites: fnSites('f', ['users.list', 'messaging.createEmail']) }) },
      errors: [{ messageId: 'missing', severity: 'low', resourceId: 'f' }],
    },
    {
      name: 'no analysable code, or calls the catalog does not know: could not tell',
      facts: {
        'source-inventory': inventory({
          functions: [fn({ id: 'go-fn', scopes: ['users.read'] }), fn({ id: 'new', scopes: ['keys.read'] })],
          callSites: fnSites('new', ['project.listKeys']),
        }),
      },
      errors: [
        { messageId: 'noCode', resourceId: 'go-fn', status: 'error' },
        { messageId: 'unknownOps', resourceId: 'new', status: 'error' },
      ],
    },
    {
      name: 'key service path with unused scopes',
      facts: { 'source-inventory': inventory({ callSites: [site('users.list', { path: 'app/api/u/route.ts', line: 4 })] }) },
      config: tm([{ id: 'api', files: ['app/api/**'], runtime: 'server', auth: 'key', permissionBoundary: { scopes: ['users.read', 'users.write', 'databases.write'] } }]),
      errors: [{ messageId: 'excess', path: 'app/api/u/route.ts', line: 4, resourceId: 'api' }],
    },
  ],
});

describe('compareScopes', () => {
  it('prefers a held alternative, suggests the first when none is held, and reports the rest as excess', () => {
    const r = compareScopes(['documents.write', 'rows.write', 'buckets.read'], [site('tablesDB.createRow'), site('users.get')]);
    expect(r.minimal).toEqual(['rows.write', 'users.read']);
    expect(r.missing).toEqual([['users.read']]);
    expect(r.excess).toEqual(['buckets.read', 'documents.write']);
  });
  it('reuses a scope another call needs for an alternative group', () => {
    const r = compareScopes(['documents.read', 'rows.read'], [site('databases.listDocuments'), site('tablesDB.listRows')]);
    expect(r.minimal).toEqual(['documents.read']);
    expect(r.excess).toEqual(['rows.read']);
  });
  it('the finding\'s remediation names the minimal set', async () => {
    const inv = inventory({ functions: [fn({ id: 'f', scopes: ['users.read', 'users.write'] })], callSites: fnSites('f', ['users.list']) });
    const [f] = await runCheck(leastPrivilege, { name: 'x', facts: { 'source-inventory': inv } });
    expect(f!.remediation).toBe('Set the scopes of function f to: users.read.');
    expect(f!.evidence).toMatchObject({ excess: 'users.write', needed: 'users.read' });
  });
});
