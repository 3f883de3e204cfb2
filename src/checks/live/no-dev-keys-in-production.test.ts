import { testCheck } from '../../../test/support/check-tester.js';
import { failed, key, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { noDevKeysInProduction } from './no-dev-keys-in-production.js';

const devKey = (over: Parameters<typeof key>[0] = {}) => {
  const { scopes: _s, ...rest } = key({ id: 'dk', name: 'laptop', ...over });
  return rest;
};

testCheck(noDevKeysInProduction, {
  valid: [
    { name: 'no dev keys', facts: live(snapshot()) },
    { name: 'dev keys in a development project', facts: live(snapshot({ production: false, devKeys: ok([devKey()]) })) },
    { name: 'an expired dev key (reported by live/no-expired-keys)', facts: live(snapshot({ devKeys: ok([devKey({ expire: '2026-01-01T00:00:00.000+00:00' })]) })) },
    { name: 'unreadable dev keys of a development project are not judged', facts: live(snapshot({ production: false, devKeys: failed('console.getProject', 'needs-console') })) },
  ],
  invalid: [
    { name: 'a live dev key in production', facts: live(snapshot({ devKeys: ok([devKey()]) })), errors: [{ messageId: 'devKey', severity: 'high', resourceId: 'dk' }] },
    { name: 'dev keys unreadable in production', facts: live(snapshot({ devKeys: failed('console.getProject', 'needs-console') })), errors: [{ messageId: 'unreadable', status: 'error' }] },
  ],
});
