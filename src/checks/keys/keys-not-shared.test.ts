import { testCheck } from '../../../test/support/check-tester.js';
import { AUDIT_SECRET } from '../live/__fixtures__/snapshot.js';
import { env, facts, ORDERS, policy, serviceKey } from './__fixtures__/policy.js';
import { keysNotShared } from './keys-not-shared.js';

const two = policy({ services: { 'orders-api': { scopes: ['rows.read'] }, 'billing-fn': { scopes: ['users.read'], keyName: 'backend-{env}' }, 'mailer-fn': { scopes: ['users.read'], keyName: 'backend-{env}' } } });

testCheck(keysNotShared, {
  valid: [
    { name: 'one key per service, one project per environment', facts: facts(policy({ services: { 'orders-api': { scopes: ['rows.read'] } } }), env('prod', [serviceKey('orders-api-prod')]), env('stage', [serviceKey('orders-api-stage')])) },
    {
      name: 'two environments in one project where no service runs in both',
      facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod')], { projectId: 'shop' }), env('demo', [], { projectId: 'shop' })),
    },
  ],
  invalid: [
    { name: 'two services resolve to one key name', facts: facts(two, env('prod', [serviceKey('orders-api-prod'), serviceKey('backend-prod')])), errors: [{ messageId: 'sharedName', resourceId: 'prod:backend-prod' }] },
    { name: 'a service runs on the audit credential', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { secret: AUDIT_SECRET })])), errors: [{ messageId: 'sharedWithAudit', resourceId: 'id-orders-api-prod' }] },
    {
      name: 'two environments are one project',
      facts: facts(policy({ services: { 'orders-api': { scopes: ['rows.read'] } } }), env('prod', [serviceKey('orders-api-prod')], { projectId: 'shop' }), env('stage', [serviceKey('orders-api-stage')], { projectId: 'shop', production: false })),
      errors: [{ messageId: 'sharedProject', severity: 'high', resourceId: 'prod+stage:shop' }],
    },
  ],
});
