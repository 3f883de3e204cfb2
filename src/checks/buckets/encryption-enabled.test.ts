import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, project } from '../permissions/__fixtures__/project.js';
import { encryptionEnabled } from './encryption-enabled.js';

const off = await project({ buckets: [bucket('scans', [], { encryption: false })] });

testCheck(encryptionEnabled, {
  valid: [
    { name: 'on', facts: (await project({ buckets: [bucket('a', [])] })).facts },
    { name: 'omitted: the server default (on) applies', facts: (await project({ buckets: [bucket('a', [], { encryption: undefined })] })).facts },
  ],
  invalid: [{ name: 'off', facts: off.facts, errors: [{ messageId: 'off', line: off.line('"$id": "scans"'), resourceId: 'scans', severity: 'medium' }] }],
});
