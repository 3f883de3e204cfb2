import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, project } from '../permissions/__fixtures__/project.js';
import { fileSecurityWithUserUploads } from './file-security-with-user-uploads.js';

testCheck(fileSecurityWithUserUploads, {
  valid: [
    { name: 'file security on', facts: (await project({ buckets: [bucket('avatars', ['create("users")', 'read("users")'])] })).facts },
    { name: 'team-only uploads without file security', facts: (await project({ buckets: [bucket('reports', ['create("team:ops")', 'read("team:ops")'], { fileSecurity: false })] })).facts },
  ],
  invalid: [
    { name: 'off, users upload and read all', facts: (await project({ buckets: [bucket('scans', ['create("users")', 'read("users")'], { fileSecurity: false })] })).facts, errors: [{ messageId: 'sharedUploads', severity: 'high', resourceId: 'scans' }] },
    { name: 'not set, users upload, team reads', facts: (await project({ buckets: [bucket('inbox', ['create("users")', 'read("team:support")'], { fileSecurity: undefined })] })).facts, errors: [{ messageId: 'noOwnerControl', severity: 'medium' }] },
  ],
});
