import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, project } from '../permissions/__fixtures__/project.js';
import { antivirusEnabled } from './antivirus-enabled.js';

const off = await project({ buckets: [bucket('uploads', ['create("users")'], { antivirus: false })] });

testCheck(antivirusEnabled, {
  valid: [
    { name: 'on', facts: (await project({ buckets: [bucket('a', [])] })).facts },
    { name: 'omitted: the server default (on) applies', facts: (await project({ buckets: [bucket('a', [], { antivirus: undefined })] })).facts },
  ],
  invalid: [
    { name: 'off with user uploads', facts: off.facts, errors: [{ messageId: 'off', line: off.line('"$id": "uploads"'), severity: 'high' }] },
    { name: 'off on an internal bucket', facts: (await project({ buckets: [bucket('int', ['create("team:ops")'], { antivirus: false })] })).facts, errors: [{ messageId: 'off', severity: 'medium' }] },
  ],
});
