import { testCheck } from '../../../test/support/check-tester.js';
import { env, facts, ORDERS, policy, serviceKey } from './__fixtures__/policy.js';
import { expirySet } from './expiry-set.js';

testCheck(expirySet, {
  valid: [
    { name: 'expires 90 days after creation', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod')])) },
    { name: 'no expiry required', facts: facts(policy({ ...ORDERS, requireExpiry: false }), env('prod', [serviceKey('orders-api-prod', { expire: null })])) },
    { name: 'a longer per-service expiry', facts: facts(policy({ services: { 'orders-api': { scopes: ['rows.read'], expiryDays: 400 } } }), env('prod', [serviceKey('orders-api-prod', { expire: '2027-10-01T00:00:00.000+00:00' })])) },
  ],
  invalid: [
    { name: 'never expires', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { expire: null })])), errors: [{ messageId: 'noExpiry', resourceId: 'id-orders-api-prod' }] },
    { name: 'expires too far away', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { expire: '2027-10-01T00:00:00.000+00:00' })])), errors: [{ messageId: 'tooLong', severity: 'low' }] },
  ],
});
