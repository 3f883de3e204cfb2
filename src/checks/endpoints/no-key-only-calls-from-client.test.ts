import { testCheck } from '../../../test/support/check-tester.js';
import { inventory, site } from '../../code/fixtures.js';
import type { Config } from '../../core/config.js';
import { noKeyOnlyCallsFromClient } from './no-key-only-calls-from-client.js';

testCheck(noKeyOnlyCallsFromClient, {
  valid: [
    { name: 'client calls a session operation', facts: { 'source-inventory': inventory({ callSites: [site('tablesDB.createRow', { runtime: 'client', auth: 'session' })] }) } },
    { name: 'server calls a key-only operation', facts: { 'source-inventory': inventory({ callSites: [site('users.list')] }) } },
    { name: 'the console SDK in an admin UI calls console operations as an admin', facts: { 'source-inventory': inventory({ callSites: [site('projects.createKey', { runtime: 'client', sdk: '@appwrite.io/console', auth: 'session' })] }) } },
    { name: 'unmapped operation is not judged here', facts: { 'source-inventory': inventory({ callSites: [site('project.listKeys', { runtime: 'client' })] }) } },
    {
      name: 'threat model declares the file server-side',
      facts: { 'source-inventory': inventory({ callSites: [site('users.list', { path: 'srv/x.ts', runtime: 'unknown' })] }) },
      config: { threatModel: { boundaries: [], servicePaths: [{ id: 's', files: ['srv/**'], runtime: 'server', auth: 'key' }] } } as unknown as Partial<Config>,
    },
  ],
  invalid: [
    {
      name: 'key-only users.list and the bulk createDocuments from client code',
      facts: { 'source-inventory': inventory({ callSites: [site('users.list', { path: 'src/Admin.tsx', line: 15, runtime: 'client' }), site('databases.createDocuments', { path: 'src/Bulk.tsx', line: 4, runtime: 'client' })] }) },
      errors: [
        { messageId: 'keyOnly', path: 'src/Admin.tsx', line: 15, severity: 'high', resourceId: 'users.list' },
        { messageId: 'keyOnly', path: 'src/Bulk.tsx', line: 4, resourceId: 'databases.createDocuments' },
      ],
    },
    {
      name: 'a console-only operation from the client is medium (it cannot work at all)',
      facts: { 'source-inventory': inventory({ callSites: [site('projects.createKey', { runtime: 'client', line: 2 })] }) },
      errors: [{ messageId: 'keyOnly', line: 2, severity: 'medium' }],
    },
    {
      name: 'threat model declares the path client-side',
      facts: { 'source-inventory': inventory({ callSites: [site('users.delete', { path: 'web/x.ts', line: 8, runtime: 'unknown' })] }) },
      config: { threatModel: { boundaries: [], servicePaths: [{ id: 'w', files: ['web/**'], runtime: 'client', auth: 'session' }] } } as unknown as Partial<Config>,
      errors: [{ messageId: 'keyOnly', path: 'web/x.ts', line: 8 }],
    },
  ],
});
