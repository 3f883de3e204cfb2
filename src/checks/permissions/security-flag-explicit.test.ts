import { testCheck } from '../../../test/support/check-tester.js';
import { bucket, collection, project, table } from './__fixtures__/project.js';
import { securityFlagExplicit } from './security-flag-explicit.js';

const omitted = await project({ collections: [collection('a', [], { documentSecurity: undefined }), collection('b', [])] });
const tableOmitted = await project({ tables: [table('t', [], { rowSecurity: undefined })] });
const bucketOmitted = await project({ buckets: [bucket('files', [], { fileSecurity: undefined })] });
const legacy = await project({ collections: [{ $id: 'old', $read: [], $write: [], name: 'Old', enabled: true, attributes: [], indexes: [] }] });

testCheck(securityFlagExplicit, {
  valid: [{ name: 'every flag written, true or false', facts: (await project({ collections: [collection('a', [], { documentSecurity: true })], tables: [table('t', [])], buckets: [bucket('b', [], { fileSecurity: false })] })).facts }],
  invalid: [
    { name: 'documentSecurity omitted', facts: omitted.facts, errors: [{ messageId: 'unset', line: omitted.line('"$id": "a"'), severity: 'medium', resourceId: 'main/a' }] },
    { name: 'rowSecurity omitted', facts: tableOmitted.facts, errors: [{ messageId: 'unset', line: tableOmitted.line('"$id": "t"') }] },
    { name: 'fileSecurity omitted', facts: bucketOmitted.facts, errors: [{ messageId: 'bucketUnset', severity: 'low', resourceId: 'files' }] },
    { name: 'pre-1.0 collection without "permission"', facts: legacy.facts, errors: [{ messageId: 'unset', resourceId: 'default/old' }] },
  ],
});
