import { testCheck } from '../../../test/support/check-tester.js';
import { attr, bucket, collection, project, table } from './__fixtures__/project.js';
import { noCrossTenantAccess } from './no-cross-tenant-access.js';

const userUpdate = await project({ collections: [collection('orders', ['create("users")', 'update("users")'])] });
const moot = await project({ collections: [collection('notes', ['write("users/verified")'], { documentSecurity: true })] });
const personal = await project({ tables: [table('profiles', ['read("users")'], { columns: [attr('displayName'), attr('phoneNumber')] })] });
const personalMoot = await project({ tables: [table('accounts', ['read("users")'], { rowSecurity: true, columns: [attr('passwordHash')] })] });
const sharedBucket = await project({ buckets: [bucket('invoices', ['read("users")', 'delete("users")'])] });

testCheck(noCrossTenantAccess, {
  valid: [
    { name: 'users create and read non-personal data; owners per document', facts: (await project({ collections: [collection('posts', ['create("users")', 'read("users")'], { documentSecurity: true, attributes: [attr('title')] })] })).facts },
    { name: 'updates by a team role', facts: (await project({ collections: [collection('orders', ['update("team:staff/admin")', 'read("users")'])] })).facts },
    { name: 'personal data read only by a label', facts: (await project({ tables: [table('patients', ['read("label:doctor")'])] })).facts },
  ],
  invalid: [
    { name: 'update by every user, no document security', facts: userUpdate.facts, errors: [{ messageId: 'write', line: userUpdate.line('update(\\"users\\")'), severity: 'high', resourceId: 'main/orders' }] },
    {
      name: 'document security on but moot',
      facts: moot.facts,
      errors: [
        { messageId: 'writeMoot', line: moot.line('write(\\"users/verified\\")') },
        { messageId: 'writeMoot', line: moot.line('write(\\"users/verified\\")') },
      ],
    },
    { name: 'every user reads personal columns', facts: personal.facts, errors: [{ messageId: 'readPersonal', line: personal.line('read(\\"users\\")'), resourceId: 'main/profiles' }] },
    { name: 'row security on but moot for secret columns', facts: personalMoot.facts, errors: [{ messageId: 'readPersonalMoot', line: personalMoot.line('read(\\"users\\")') }] },
    {
      name: 'bucket of invoices readable and deletable by every user',
      facts: sharedBucket.facts,
      errors: [
        { messageId: 'writeMoot', line: sharedBucket.line('delete(\\"users\\")'), resourceId: 'invoices' },
        { messageId: 'readPersonalMoot', line: sharedBucket.line('read(\\"users\\")') },
      ],
    },
  ],
});
