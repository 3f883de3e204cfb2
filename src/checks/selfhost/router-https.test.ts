import { testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';
import { routerHttps } from './router-https.js';

const K = '_APP_OPTIONS_ROUTER_FORCE_HTTPS';
const OLD = '_APP_OPTIONS_FUNCTIONS_FORCE_HTTPS';
testCheck(routerHttps, {
  valid: [
    { name: 'enabled', facts: envFacts({ '.env': env() }) },
    { name: 'enabled, with a leftover deprecated name', facts: envFacts({ '.env': env({ [OLD]: 'disabled' }) }) },
  ],
  invalid: [
    { name: 'disabled', facts: envFacts({ '.env': env({ [K]: 'disabled' }) }), errors: [{ messageId: 'disabled', line: lineOf(env(), K) }] },
    { name: 'unset', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'unset', path: '.env' }] },
    { name: 'only the deprecated name, enabled', facts: envFacts({ '.env': env({ [K]: null, [OLD]: 'enabled' }) }), errors: [{ messageId: 'deprecatedOnly', line: lineOf(env({ [K]: null, [OLD]: 'enabled' }), OLD) }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_OPTIONS_ROUTER_FORCE_HTTPS: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_OPTIONS_ROUTER_FORCE_HTTPS') }] },
  ],
});
