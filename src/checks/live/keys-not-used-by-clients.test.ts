import { testCheck } from '../../../test/support/check-tester.js';
import { failed, key, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { keysNotUsedByClients } from './keys-not-used-by-clients.js';

testCheck(keysNotUsedByClients, {
  valid: [
    { name: 'server SDKs only', facts: live(snapshot({ keys: ok([key({ sdks: ['Node.js', 'Python', 'Dart'] })]) })) },
    { name: 'never used', facts: live(snapshot({ keys: ok([key({ sdks: [] })]) })) },
  ],
  invalid: [
    { name: 'used by the web SDK', facts: live(snapshot({ keys: ok([key({ id: 'k', sdks: ['Node.js', 'Web'] })]) })), errors: [{ messageId: 'client', severity: 'critical', resourceId: 'k' }] },
    { name: 'used by Flutter and React Native', facts: live(snapshot({ keys: ok([key({ sdks: ['flutter', 'React Native'] })]) })), errors: [{ messageId: 'client' }] },
    { name: 'keys unreadable', facts: live(snapshot({ keys: failed('project.listKeys') })), errors: [{ messageId: 'unreadable', status: 'error' }] },
  ],
});
