import { emptyProject, type ProjectModel } from '../../appwrite/project-model.js';
import { testCheck } from '../../../test/support/check-tester.js';
import { toProjectModel } from '../../live/to-project-model.js';
import type { LiveSnapshot } from '../../live/snapshot.js';
import { ok, snapshot } from './__fixtures__/snapshot.js';
import { projectMatchesConfig } from './project-matches-config.js';

const FILE = 'appwrite.config.json';

function declared(over: { perms?: string[]; rowSecurity?: boolean; bucket?: boolean; execute?: string[]; projectId?: string } = {}): ProjectModel {
  const p = emptyProject('config-file', FILE, '1.8+');
  p.projectId = over.projectId ?? 'shop';
  const loc = (line: number) => ({ path: FILE, line });
  p.dataResources.push({ kind: 'table', id: 'orders', databaseId: 'main', ...(over.rowSecurity !== undefined ? { security: over.rowSecurity } : {}), permissions: (over.perms ?? ['read("users")']).map((value) => ({ value, location: loc(12) })), fields: [], location: loc(10) });
  if (over.bucket !== false) p.buckets.push({ id: 'avatars', fileSecurity: true, permissions: [{ value: 'read("any")' }], location: loc(30) });
  p.functions.push({ id: 'checkout', execute: (over.execute ?? ['users']).map((value) => ({ value })), scopes: ['tables.read'], events: [], vars: [], location: loc(40) });
  return p;
}

const deployed = (over: Partial<LiveSnapshot> = {}) =>
  snapshot({
    databases: ok([{ id: 'main', name: 'main', enabled: true, type: 'tablesdb', collections: [{ id: 'orders', name: 'orders', kind: 'table', enabled: true, permissions: ['read("users")'], security: true, fields: [] }] }]),
    buckets: ok([{ id: 'avatars', name: 'avatars', enabled: true, permissions: ['read("any")'], fileSecurity: true, encryption: true, antivirus: true, maximumFileSize: 1, allowedFileExtensions: [] }]),
    functions: ok([{ id: 'checkout', name: 'checkout', enabled: true, runtime: 'node-22', execute: ['users'], scopes: ['tables.read'], events: [], schedule: '', logging: true, variableNames: [] }]),
    ...over,
  });

const facts = (file: ProjectModel, snap: LiveSnapshot) => ({
  'appwrite-project': { projects: [file, toProjectModel(snap).project], problems: [], failures: [] },
  'appwrite-live': { environments: [snap] },
});

testCheck(projectMatchesConfig, {
  valid: [
    { name: 'live equals the file', facts: facts(declared({ rowSecurity: true }), deployed()) },
    { name: 'security flag not stated in the file is not drift', facts: facts(declared(), deployed()) },
    { name: 'a file for another project is not compared', facts: facts(declared({ projectId: 'blog', perms: [] }), deployed()) },
  ],
  invalid: [
    {
      name: 'permission widened in the Console',
      facts: facts(declared(), deployed({ databases: ok([{ id: 'main', name: 'main', enabled: true, type: 'tablesdb', collections: [{ id: 'orders', name: 'orders', kind: 'table', enabled: true, permissions: ['read("users")', 'update("any")'], security: true, fields: [] }] }]) })),
      errors: [{ messageId: 'permissionsDiffer', severity: 'high', resourceId: 'main/orders', path: 'https://appwrite.example.com/v1/tablesdb/main/tables/orders' }],
    },
    { name: 'row security turned off live', facts: facts(declared({ rowSecurity: true }), deployed({ databases: ok([{ id: 'main', name: 'main', enabled: true, type: 'tablesdb', collections: [{ id: 'orders', name: 'orders', kind: 'table', enabled: true, permissions: ['read("users")'], security: false, fields: [] }] }]) })), errors: [{ messageId: 'securityDiffers' }] },
    { name: 'declared bucket missing, undeployed', facts: facts(declared(), deployed({ buckets: ok([]) })), errors: [{ messageId: 'notDeployed', path: FILE, line: 30 }] },
    { name: 'deployed bucket not declared', facts: facts(declared({ bucket: false }), deployed()), errors: [{ messageId: 'undeclared', resourceId: 'avatars' }] },
    { name: 'function execute opened to any', facts: facts(declared(), deployed({ functions: ok([{ id: 'checkout', name: 'checkout', enabled: true, runtime: 'node-22', execute: ['any'], scopes: ['tables.read'], events: [], schedule: '', logging: true, variableNames: [] }]) })), errors: [{ messageId: 'functionDiffers', severity: 'high' }] },
  ],
});
