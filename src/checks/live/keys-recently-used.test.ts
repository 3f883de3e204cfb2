import { testCheck } from '../../../test/support/check-tester.js';
import { failed, key, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { keysRecentlyUsed } from './keys-recently-used.js';

// FIXED_NOW is 2026-11-29T12:00:00Z; the default policy is 90 days.
testCheck(keysRecentlyUsed, {
  valid: [
    { name: 'keys used yesterday', facts: live(snapshot()) },
    { name: 'last use 90.5 days ago is within the 24-hour granularity', facts: live(snapshot({ keys: ok([key({ accessedAt: '2026-08-31T00:00:00.000+00:00' })]) })) },
    { name: 'a new key not used yet', facts: live(snapshot({ keys: ok([key({ accessedAt: null, createdAt: '2026-11-20T00:00:00.000+00:00' })]) })) },
    { name: 'an expired unused key is another check\'s business', facts: live(snapshot({ keys: ok([key({ accessedAt: null, createdAt: '2025-01-01T00:00:00.000+00:00', expire: '2025-06-01T00:00:00.000+00:00' })]) })) },
  ],
  invalid: [
    { name: 'last used 120 days ago', facts: live(snapshot({ keys: ok([key({ id: 'k', accessedAt: '2026-08-01T00:00:00.000+00:00' })]) })), errors: [{ messageId: 'unused', resourceId: 'k' }] },
    { name: 'never used in 200 days', facts: live(snapshot({ keys: ok([key({ accessedAt: null, createdAt: '2026-05-13T00:00:00.000+00:00' })]) })), errors: [{ messageId: 'neverUsed' }] },
    { name: 'keys unreadable', facts: live(snapshot({ keys: failed('project.listKeys') })), errors: [{ messageId: 'unreadable', status: 'error' }] },
  ],
});
