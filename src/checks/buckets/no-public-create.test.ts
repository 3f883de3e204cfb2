import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, project } from '../permissions/__fixtures__/project.js';
import { noPublicCreate } from './no-public-create.js';

const anyCreate = await project({ buckets: [bucket('uploads', ['read("any")', 'create("any")'])] });
const guestWrite = await project({ buckets: [bucket('drop', ['write("guests")'])] });

testCheck(noPublicCreate, {
  valid: [
    { name: 'signed-in uploads', facts: (await project({ buckets: [bucket('avatars', ['create("users")', 'read("any")'])] })).facts },
    { name: 'public read only', facts: (await project({ buckets: [bucket('assets', ['read("any")'])] })).facts },
  ],
  invalid: [
    { name: 'create("any")', facts: anyCreate.facts, errors: [{ messageId: 'publicCreate', line: anyCreate.line('create(\\"any\\")'), resourceId: 'uploads', severity: 'high' }] },
    { name: 'write("guests") includes create', facts: guestWrite.facts, errors: [{ messageId: 'publicCreate', line: guestWrite.line('write(\\"guests\\")') }] },
  ],
});
