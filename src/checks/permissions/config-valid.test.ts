import { testCheck } from '../../../test/support/check-tester.js';
import { collection, fn, project } from './__fixtures__/project.js';
import { configValid } from './config-valid.js';

const badPerm = await project({ collections: [collection('c', ['read(any)', 'write("everyone")', 'read("users")'])], functions: [fn('f', { execute: ['role:admin'] })] });
const badValue = await project({ collections: [collection('c', [], { documentSecurity: 'yes' })] });

testCheck(configValid, {
  valid: [{ name: 'well-formed file', facts: (await project({ collections: [collection('c', ['read("any")'])], functions: [fn('f', { execute: ['users'] })] })).facts }],
  invalid: [
    {
      name: 'malformed permission strings and roles',
      facts: badPerm.facts,
      errors: [
        { messageId: 'invalidPermission', line: badPerm.line('read(any)'), resourceId: 'main/c' },
        { messageId: 'invalidPermission', line: badPerm.line('everyone') },
        { messageId: 'invalidPermission', line: badPerm.line('role:admin'), resourceId: 'f' },
      ],
    },
    { name: 'a value of the wrong type', facts: badValue.facts, errors: [{ messageId: 'invalidValue', line: badValue.line('"documentSecurity"') }] },
    {
      name: 'an unreadable project file is an error, not a pass',
      facts: { 'appwrite-project': { projects: [], problems: [], failures: [{ path: 'apps/x/appwrite.json', line: 3, message: 'apps/x/appwrite.json:3:5: invalid JSON' }] } },
      errors: [{ messageId: 'unreadable', status: 'error', path: 'apps/x/appwrite.json', line: 3 }],
    },
    {
      name: 'an unreadable include is an error',
      facts: { 'appwrite-project': { projects: [], problems: [{ kind: 'invalid-include', path: 'appwrite.json', line: 4, message: 'includes.tables: cannot read t.json' }], failures: [] } },
      errors: [{ messageId: 'invalidValue', status: 'error', line: 4 }],
    },
  ],
});
