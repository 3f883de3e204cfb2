import { testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';
import { routerProtectionEnabled } from './router-protection-enabled.js';

const K = '_APP_OPTIONS_ROUTER_PROTECTION';
testCheck(routerProtectionEnabled, {
  valid: [
    { name: 'enabled', facts: envFacts({ '.env': env() }) },
    { name: 'unset: the code falls back to enabled', facts: envFacts({ '.env': env({ [K]: null }) }) },
  ],
  invalid: [
    { name: 'disabled', facts: envFacts({ '.env': env({ [K]: 'disabled' }) }), errors: [{ messageId: 'disabled', path: '.env', line: lineOf(env(), K) }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_OPTIONS_ROUTER_PROTECTION: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_OPTIONS_ROUTER_PROTECTION') }] },
  ],
});
