import { describe, expect, it } from 'vitest';
import { site } from '../code/fixtures.js';
import { threatModelSchema } from './config.js';
import { threatModelOf } from './settings.js';
import { authAgrees, effectiveRuntime, operationAllowed, pathForFile, sitesOfPath } from './match.js';

describe('threatModel config section', () => {
  it('defaults to an empty model', () => {
    expect(threatModelSchema.parse(undefined)).toEqual({ boundaries: [], servicePaths: [] });
    expect(threatModelOf({})).toEqual({ boundaries: [], servicePaths: [] });
  });

  it('fills defaults and accepts one or several auth modes', () => {
    const tm = threatModelSchema.parse({ servicePaths: [{ id: 'api', files: ['app/api/**'], runtime: 'server', auth: ['key', 'session'] }] });
    expect(tm.servicePaths[0]).toEqual({ id: 'api', files: ['app/api/**'], runtime: 'server', auth: ['key', 'session'], permissionBoundary: {} });
  });

  it.each([
    [{ servicePaths: [{ id: 'a', files: [], runtime: 'server', auth: 'key' }] }, ['servicePaths', 0, 'files']],
    [{ servicePaths: [{ id: 'a', files: ['x'], runtime: 'edge', auth: 'key' }] }, ['servicePaths', 0, 'runtime']],
    [{ servicePaths: [{ id: 'a', files: ['x'], runtime: 'server', auth: 'key', boundary: 'nope' }] }, ['servicePaths', 0, 'boundary']],
    [{ servicePaths: [{ id: 'a', files: ['x'], runtime: 'server', auth: 'key' }, { id: 'a', files: ['y'], runtime: 'server', auth: 'key' }] }, ['servicePaths', 1, 'id']],
    [{ boundaries: [{ id: 'web', trusted: false }], servicePaths: [{ id: 'a', files: ['x'], runtime: 'client', auth: 'key', boundary: 'web' }] }, ['servicePaths', 0, 'auth']],
    [{ servicePaths: [{ id: 'a', files: ['x'], runtime: 'server', auth: 'key', extra: 1 }] }, ['servicePaths', 0]],
  ])('rejects %j at the right path', (raw, at) => {
    const r = threatModelSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(at);
  });
});

describe('matching files and sites to service paths', () => {
  const tm = threatModelSchema.parse({
    servicePaths: [
      { id: 'api', files: ['app/api/**'], runtime: 'server', auth: 'key', operations: ['users.*', 'tablesDB.createRow'] },
      { id: 'all', files: ['**'], runtime: 'client', auth: 'session' },
    ],
  });
  it('takes the first matching path', () => {
    expect(pathForFile(tm, 'app/api/x/route.ts')?.id).toBe('api');
    expect(pathForFile(tm, 'src/a.tsx')?.id).toBe('all');
    expect(effectiveRuntime(tm, { path: 'app/api/x.ts', runtime: 'unknown' })).toBe('server');
  });
  it('checks operations and auth', () => {
    const api = tm.servicePaths[0]!;
    expect(operationAllowed(api, 'users.delete')).toBe(true);
    expect(operationAllowed(api, 'databases.createDocument')).toBe(false);
    expect(authAgrees(api, 'key')).toBe(true);
    expect(authAgrees(api, 'session')).toBe(false);
    expect(authAgrees(api, 'unknown')).toBe(true);
  });
  it('counts server-side helpers a path imports, transitively, but not client code', () => {
    const sites = [site('users.list', { path: 'app/api/a.ts' }), site('users.get', { path: 'lib/u.ts' }), site('users.delete', { path: 'lib/deep.ts' }), site('account.get', { path: 'lib/ui.ts', runtime: 'client' }), site('users.create', { path: 'other.ts' })];
    const got = sitesOfPath(tm.servicePaths[0]!, sites, { 'app/api/a.ts': ['lib/u.ts', 'lib/ui.ts'], 'lib/u.ts': ['lib/deep.ts'] });
    expect(got.map((s) => s.operationId)).toEqual(['users.list', 'users.get', 'users.delete']);
  });
});
