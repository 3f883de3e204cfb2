import { testCheck } from '../../../test/support/check-tester.js';
import { collection, fn, project } from './__fixtures__/project.js';
import { noHardcodedUser } from './no-hardcoded-user.js';

const users = await project({
  collections: [collection('admin-notes', ['read("user:64f0c2a1b2c3")', 'write("user:64f0c2a1b2c3/verified")'])],
  functions: [fn('ops', { execute: ['member:65aa00bb11cc'] })],
});

testCheck(noHardcodedUser, {
  valid: [{ name: 'roles, teams and labels only', facts: (await project({ collections: [collection('c', ['read("users")', 'write("team:t/admin")', 'update("label:editor")'])] })).facts }],
  invalid: [
    {
      name: 'user and member ids in the schema',
      facts: users.facts,
      errors: [
        { messageId: 'hardcoded', line: users.line('read(\\"user:64f0c2a1b2c3\\")'), severity: 'low' },
        { messageId: 'hardcoded', line: users.line('write(\\"user:64f0c2a1b2c3/verified\\")'), severity: 'medium' },
        { messageId: 'hardcoded', line: users.line('"member:65aa00bb11cc"'), severity: 'low', resourceId: 'ops' },
      ],
    },
  ],
});
