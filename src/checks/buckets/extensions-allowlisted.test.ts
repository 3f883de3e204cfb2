import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, project } from '../permissions/__fixtures__/project.js';
import { extensionsAllowlisted } from './extensions-allowlisted.js';

testCheck(extensionsAllowlisted, {
  valid: [{ name: 'images only', facts: (await project({ buckets: [bucket('img', ['create("users")'], { allowedFileExtensions: ['jpg', 'png', 'webp'] })] })).facts }],
  invalid: [
    { name: 'empty list on a user-upload bucket', facts: (await project({ buckets: [bucket('any', ['create("users")'], { allowedFileExtensions: [] })] })).facts, errors: [{ messageId: 'noAllowlist', severity: 'medium' }] },
    { name: 'omitted on an internal bucket', facts: (await project({ buckets: [bucket('int', ['create("team:ops")'], { allowedFileExtensions: undefined })] })).facts, errors: [{ messageId: 'noAllowlist', severity: 'low' }] },
    { name: 'html and svg on a user-upload bucket', facts: (await project({ buckets: [bucket('pages', ['create("users")'], { allowedFileExtensions: ['png', 'HTML', '.svg'] })] })).facts, errors: [{ messageId: 'activeType', severity: 'high' }] },
  ],
});
