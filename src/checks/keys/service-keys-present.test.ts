import { testCheck } from '../../../test/support/check-tester.js';
import { env, facts, failed, ORDERS, policy, serviceKey } from './__fixtures__/policy.js';
import { serviceKeysPresent } from './service-keys-present.js';

const both = policy({ services: { 'orders-api': { scopes: ['rows.read'] }, 'billing-fn': { scopes: ['users.read'], environments: ['prod'] } } });

testCheck(serviceKeysPresent, {
  valid: [
    { name: 'the service key exists', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod')])) },
    { name: 'a service is not expected where it does not run', facts: facts(policy(ORDERS), env('stage', [])) },
    { name: 'a custom naming template', facts: facts(policy({ naming: '{env}.{service}', ...ORDERS }), env('prod', [serviceKey('prod.orders-api')])) },
  ],
  invalid: [
    { name: 'no key of that name', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-stage'), serviceKey('orders')])), errors: [{ messageId: 'missing', resourceId: 'prod:orders-api', path: 'https://appwrite.example.com/v1/project/keys' }] },
    {
      name: 'every service in every environment it runs in',
      facts: facts(both, env('prod', [serviceKey('orders-api-prod')]), env('stage', [])),
      errors: [
        { messageId: 'missing', resourceId: 'prod:billing-fn' },
        { messageId: 'missing', resourceId: 'stage:orders-api' },
      ],
    },
    { name: 'keys that could not be read are an error, not a pass', facts: facts(policy(ORDERS), env('prod', [], { keys: failed('project.listKeys') })), errors: [{ messageId: 'unreadable', status: 'error' }] },
  ],
});
