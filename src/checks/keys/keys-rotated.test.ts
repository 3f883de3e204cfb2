import { testCheck } from '../../../test/support/check-tester.js';
import { env, facts, ORDERS, policy, serviceKey } from './__fixtures__/policy.js';
import { keysRotated } from './keys-rotated.js';

// FIXED_NOW is 2026-11-29.
testCheck(keysRotated, {
  valid: [
    { name: 'a 30-day-old key', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod')])) },
    { name: 'exactly the maximum age', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { createdAt: '2026-08-31T12:00:00.000+00:00' })])) },
    { name: 'a per-service maximum', facts: facts(policy({ services: { 'orders-api': { scopes: ['rows.read'], maxAgeDays: 365 } } }), env('prod', [serviceKey('orders-api-prod', { createdAt: '2026-01-01T00:00:00.000+00:00' })])) },
    { name: 'an old leftover next to a fresh key is no-unmanaged-keys\' business', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { id: 'old', createdAt: '2025-01-01T00:00:00.000+00:00' }), serviceKey('orders-api-prod')])) },
  ],
  invalid: [
    { name: 'older than the maximum age', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { createdAt: '2026-08-01T00:00:00.000+00:00' })])), errors: [{ messageId: 'due', severity: 'medium', resourceId: 'id-orders-api-prod' }] },
    { name: 'more than twice the maximum age is high', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { createdAt: '2026-01-01T00:00:00.000+00:00' })])), errors: [{ messageId: 'due', severity: 'high' }] },
  ],
});
