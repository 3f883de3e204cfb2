import { testCheck } from '../../../test/support/check-tester.js';
import { AUDIT_SECRET } from '../live/__fixtures__/snapshot.js';
import { env, facts, failed, ORDERS, policy, serviceKey } from './__fixtures__/policy.js';
import { noUnmanagedKeys } from './no-unmanaged-keys.js';

const audit = serviceKey('audit', { id: 'key-audit', secret: AUDIT_SECRET });

testCheck(noUnmanagedKeys, {
  valid: [
    { name: 'only service keys and the audit credential', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod'), audit])) },
    { name: 'keys listed as unmanaged', facts: facts(policy({ ...ORDERS, unmanaged: ['break-glass-*'] }), env('prod', [serviceKey('orders-api-prod'), serviceKey('break-glass-ops')])) },
  ],
  invalid: [
    { name: 'a key of no service', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod'), serviceKey('legacy-backend')])), errors: [{ messageId: 'extra', resourceId: 'id-legacy-backend', path: 'https://appwrite.example.com/v1/project/keys/id-legacy-backend' }] },
    {
      name: 'a service key of an environment the service does not run in is extra there',
      facts: facts(policy(ORDERS), env('stage', [serviceKey('orders-api-prod')])),
      errors: [{ messageId: 'extra', resourceId: 'id-orders-api-prod' }],
    },
    {
      name: 'an older key of the same name is a rotation leftover',
      facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { id: 'old', createdAt: '2026-01-01T00:00:00.000+00:00' }), serviceKey('orders-api-prod', { id: 'new' })])),
      errors: [{ messageId: 'leftover', resourceId: 'old', severity: 'low' }],
    },
    { name: 'unreadable keys', facts: facts(policy(ORDERS), env('prod', [], { keys: failed('console.getProject', 'needs-console') })), errors: [{ messageId: 'unreadable', status: 'error' }] },
  ],
});
