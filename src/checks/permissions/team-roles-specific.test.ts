import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, collection, fn, project } from './__fixtures__/project.js';
import { teamRolesSpecific } from './team-roles-specific.js';

const mixed = await project({
  collections: [collection('orders', ['read("team:staff")', 'update("team:staff")', 'delete("team:staff/admin")'])],
  functions: [fn('refund', { execute: ['team:staff'] })],
});

testCheck(teamRolesSpecific, {
  valid: [
    { name: 'bare team grants where the project never uses roles', facts: (await project({ collections: [collection('docs', ['read("team:staff")', 'write("team:staff")'])] })).facts },
    { name: 'roles of another team do not count', facts: (await project({ collections: [collection('a', ['read("team:one")', 'write("team:two/admin")'])] })).facts },
    { name: 'every grant names a role', facts: (await project({ buckets: [bucket('b', ['read("team:staff/viewer")', 'create("team:staff/editor")'])] })).facts },
  ],
  invalid: [
    {
      name: 'team:staff without a role while team:staff/admin is used',
      facts: mixed.facts,
      errors: [
        { messageId: 'wholeTeam', line: mixed.line('read(\\"team:staff\\")'), severity: 'low', resourceId: 'main/orders' },
        { messageId: 'wholeTeam', line: mixed.line('update(\\"team:staff\\")'), severity: 'medium' },
        { messageId: 'wholeTeam', line: mixed.line('"team:staff"'), severity: 'low', resourceId: 'refund' },
      ],
    },
  ],
});
