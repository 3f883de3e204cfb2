import { testCheck } from '../../../test/support/check-tester.js';
import { failed, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { serverVersionCurrent } from './server-version-current.js';

testCheck(serverVersionCurrent, {
  valid: [
    { name: 'latest self-hosted release', facts: live(snapshot()) },
    { name: 'Cloud on API 2.x is not compared with self-hosted releases', facts: live(snapshot({ version: ok({ version: '2.4.0', cloud: true }) })) },
  ],
  invalid: [
    { name: 'one patch behind', facts: live(snapshot({ version: ok({ version: '1.9.5', cloud: false }) })), errors: [{ messageId: 'behind', severity: 'low', path: 'https://appwrite.example.com/v1/health/version' }] },
    { name: 'a minor behind', facts: live(snapshot({ version: ok({ version: '1.8.1', cloud: false }) })), errors: [{ messageId: 'behind', severity: 'medium' }] },
    {
      name: 'inside advisory ranges',
      facts: live(snapshot({ version: ok({ version: '0.12.1', cloud: false }) })),
      errors: [{ messageId: 'advisory', severity: 'critical' }, { messageId: 'advisory', severity: 'high' }, { messageId: 'advisory', severity: 'medium' }, { messageId: 'advisory' }, { messageId: 'behind', severity: 'medium' }],
    },
    { name: 'a version that is not a release', facts: live(snapshot({ version: ok({ version: 'dev', cloud: false }) })), errors: [{ messageId: 'unparsable', status: 'error' }] },
    { name: 'version unreadable', facts: live(snapshot({ version: failed('health.version', 'network') })), errors: [{ messageId: 'unreadable', status: 'error', path: 'https://appwrite.example.com/v1/health/version' }] },
  ],
});
