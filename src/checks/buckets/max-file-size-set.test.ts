import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, project } from '../permissions/__fixtures__/project.js';
import { maxFileSizeSet } from './max-file-size-set.js';

const unset = await project({ buckets: [bucket('docs', ['read("team:t")'], { maximumFileSize: undefined })] });
const huge = await project({ buckets: [bucket('videos', ['create("users")'], { maximumFileSize: 5_000_000_000 })] });

testCheck(maxFileSizeSet, {
  valid: [{ name: '10 MB limit', facts: (await project({ buckets: [bucket('img', ['create("users")'])] })).facts }],
  invalid: [
    { name: 'no limit on a team bucket', facts: unset.facts, errors: [{ messageId: 'unset', line: unset.line('"$id": "docs"'), severity: 'low' }] },
    { name: '5 GB on a user-upload bucket', facts: huge.facts, errors: [{ messageId: 'tooLarge', severity: 'medium', resourceId: 'videos' }] },
    { name: 'a stricter baseline', facts: (await project({ buckets: [bucket('img', [])] })).facts, config: { appwriteProject: { maxBucketFileSize: 1_000_000 } } as never, errors: [{ messageId: 'tooLarge', severity: 'low' }] },
  ],
});
