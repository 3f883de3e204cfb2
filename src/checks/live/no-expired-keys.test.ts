import { testCheck } from '../../../test/support/check-tester.js';
import { failed, key, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { noExpiredKeys } from './no-expired-keys.js';

testCheck(noExpiredKeys, {
  valid: [
    { name: 'no expired keys', facts: live(snapshot()) },
    { name: 'a key that never expires is not expired', facts: live(snapshot({ keys: ok([key({ expire: null })]) })) },
  ],
  invalid: [
    { name: 'an expired key', facts: live(snapshot({ keys: ok([key({ id: 'old', expire: '2026-10-01T00:00:00.000+00:00' })]) })), errors: [{ messageId: 'expired', resourceId: 'old' }] },
    { name: 'an expired dev key', facts: live(snapshot({ devKeys: ok([{ ...key({ id: 'dk', expire: '2026-11-01T00:00:00.000+00:00' }), scopes: undefined }]) })), errors: [{ messageId: 'expired', resourceId: 'dk', path: 'https://appwrite.example.com/v1/projects/shop/dev-keys/dk' }] },
    { name: 'dev keys unreadable (1.8 without a console session)', facts: live(snapshot({ devKeys: failed('console.getProject', 'needs-console') })), errors: [{ messageId: 'unreadable', status: 'error' }] },
  ],
});
