import { testCheck } from '../../../test/support/check-tester.js';
import { failed, key, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { keysExpire } from './keys-expire.js';

testCheck(keysExpire, {
  valid: [{ name: 'every key expires within a year of creation', facts: live(snapshot()) }],
  invalid: [
    { name: 'a key that never expires', facts: live(snapshot({ keys: ok([key({ name: 'legacy', id: 'k1', expire: null })]) })), errors: [{ messageId: 'noExpiry', severity: 'medium', resourceId: 'k1', path: 'https://appwrite.example.com/v1/project/keys/k1' }] },
    { name: 'an expiry beyond the lifetime policy', facts: live(snapshot({ keys: ok([key({ createdAt: '2026-01-01T00:00:00.000+00:00', expire: '2028-01-01T00:00:00.000+00:00' })]) })), errors: [{ messageId: 'tooLong', severity: 'low' }] },
    {
      name: 'a stricter policy from the config',
      config: { live: { keys: { maxUnusedDays: 90, maxLifetimeDays: 30, clientSdks: [] }, requestTimeoutMs: 1, maxRetries: 0, maxRateLimitWaitSeconds: 0, pageSize: 10 } } as never,
      facts: live(snapshot({ keys: ok([key({ createdAt: '2026-09-01T00:00:00.000+00:00', expire: '2026-12-15T00:00:00.000+00:00' })]) })),
      errors: [{ messageId: 'tooLong' }],
    },
    { name: 'keys unreadable: the scope is named', facts: live(snapshot({ keys: failed('project.listKeys') })), errors: [{ messageId: 'unreadable', status: 'error', path: 'https://appwrite.example.com/v1/project/keys' }] },
  ],
});
