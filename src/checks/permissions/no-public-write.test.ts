import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, collection, project, table } from './__fixtures__/project.js';
import { noPublicWrite } from './no-public-write.js';

const anyWrite = await project({ collections: [collection('posts', ['read("any")', 'write("any")'])] });
const guestUpdate = await project({ tablesDB: [{ $id: 'main', name: 'Main' }], tables: [table('comments', ['update("guests")', 'create("guests")'])] });
const bucketDelete = await project({ buckets: [bucket('media', ['create("any")', 'delete("any")'])] });
const legacy = await project({ collections: [{ $id: 'guestbook', $read: ['role:all'], $write: ['role:guest'], name: 'Guestbook', enabled: true, permission: 'collection', attributes: [], indexes: [] }] });

testCheck(noPublicWrite, {
  valid: [
    { name: 'public read, user create, team writes', facts: (await project({ collections: [collection('posts', ['read("any")', 'create("users")', 'write("team:staff/editor")'])] })).facts },
    { name: 'bucket create by any is left to buckets/no-public-create', facts: (await project({ buckets: [bucket('drop', ['create("any")'])] })).facts },
    { name: 'no resources', facts: (await project({})).facts },
  ],
  invalid: [
    {
      name: 'write("any") on a collection: create high, update/delete critical',
      facts: anyWrite.facts,
      errors: [
        { messageId: 'publicWrite', line: anyWrite.line('write(\\"any\\")'), severity: 'high', resourceId: 'main/posts' },
        { messageId: 'publicWrite', line: anyWrite.line('write(\\"any\\")'), severity: 'critical' },
        { messageId: 'publicWrite', line: anyWrite.line('write(\\"any\\")'), severity: 'critical' },
      ],
    },
    {
      name: 'guests on a 1.8 table',
      facts: guestUpdate.facts,
      errors: [
        { messageId: 'publicWrite', line: guestUpdate.line('update(\\"guests\\")'), severity: 'critical', resourceId: 'main/comments' },
        { messageId: 'publicWrite', line: guestUpdate.line('create(\\"guests\\")'), severity: 'high' },
      ],
    },
    { name: 'bucket delete by any', facts: bucketDelete.facts, errors: [{ messageId: 'publicWrite', line: bucketDelete.line('delete(\\"any\\")'), severity: 'critical', resourceId: 'media' }] },
    {
      name: 'pre-1.0 $write: role:guest',
      facts: legacy.facts,
      errors: [
        { messageId: 'publicWrite', line: legacy.line('"role:guest"'), severity: 'high', resourceId: 'default/guestbook' },
        { messageId: 'publicWrite', line: legacy.line('"role:guest"'), severity: 'critical' },
        { messageId: 'publicWrite', line: legacy.line('"role:guest"'), severity: 'critical' },
      ],
    },
  ],
});
