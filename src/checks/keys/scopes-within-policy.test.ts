import { testCheck } from '../../../test/support/check-tester.js';
import type { CallSite, SourceInventory } from '../../code/types.js';
import { env, facts, ORDERS, policy, serviceKey } from './__fixtures__/policy.js';
import { scopesWithinPolicy } from './scopes-within-policy.js';

function site(path: string, operationId: string | null, keyScopes: string[]): CallSite {
  return { path, line: 3, column: 1, service: 'tablesDB', method: 'listRows', operationId, scopes: keyScopes, keyScopes, authModes: ['key'], write: false, auth: 'key', resolution: 'bound', sdk: 'node-appwrite', runtime: 'server', runtimeReason: 'test' };
}
const inventory = (...callSites: CallSite[]) => ({ callSites }) as unknown as SourceInventory;
const derived = { services: { 'orders-api': { derive: 'code', paths: ['services/orders'], environments: ['prod'] } } };

testCheck(scopesWithinPolicy, {
  valid: [
    { name: 'exactly the policy scopes', facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { scopes: ['rows.read'] })])) },
    { name: 'no key: nothing to judge here', facts: facts(policy(ORDERS), env('prod', [])) },
    {
      name: 'scopes derived from the service code',
      facts: facts(policy(derived, inventory(site('services/orders/db.ts', 'tablesDB.listRows', ['rows.read']), site('web/app.ts', 'users.list', ['users.read']))), env('prod', [serviceKey('orders-api-prod', { scopes: ['rows.read'] })])),
    },
  ],
  invalid: [
    {
      name: 'a write scope beyond the policy is high',
      facts: facts(policy(ORDERS), env('prod', [serviceKey('orders-api-prod', { scopes: ['rows.read', 'users.write'] })])),
      errors: [{ messageId: 'overScoped', severity: 'high', resourceId: 'id-orders-api-prod' }],
    },
    {
      name: 'a read scope beyond the policy is medium, a missing one low',
      facts: facts(policy({ services: { 'orders-api': { scopes: ['rows.read', 'rows.write'], environments: ['prod'] } } }), env('prod', [serviceKey('orders-api-prod', { scopes: ['rows.read', 'users.read'] })])),
      errors: [
        { messageId: 'overScoped', severity: 'medium' },
        { messageId: 'underScoped', severity: 'low' },
      ],
    },
    {
      name: 'code outside the service folder does not widen its scopes',
      facts: facts(policy(derived, inventory(site('services/orders/db.ts', 'tablesDB.listRows', ['rows.read']), site('web/app.ts', 'users.list', ['users.read']))), env('prod', [serviceKey('orders-api-prod', { scopes: ['rows.read', 'users.read'] })])),
      errors: [{ messageId: 'overScoped' }],
    },
    {
      name: 'underivable scopes are an error, never a pass',
      facts: facts(policy(derived, inventory(site('services/orders/db.ts', null, []))), env('prod', [serviceKey('orders-api-prod')])),
      errors: [{ messageId: 'underivable', status: 'error' }],
    },
    {
      name: 'no code read at all is an error too',
      facts: facts(policy(derived), env('prod', [serviceKey('orders-api-prod')])),
      errors: [{ messageId: 'underivable', status: 'error' }],
    },
  ],
});
