import { testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';
import { productionMode } from './production-mode.js';

const K = '_APP_ENV';
testCheck(productionMode, {
  valid: [{ name: 'production', facts: envFacts({ '.env': env() }) }],
  invalid: [
    { name: 'development', facts: envFacts({ '.env': env({ [K]: 'development' }) }), errors: [{ messageId: 'notProduction', path: '.env', line: lineOf(env(), K) }] },
    { name: 'unset', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'unset', path: '.env' }] },
    { name: 'empty', facts: envFacts({ '.env': env({ [K]: '' }) }), errors: [{ messageId: 'unset', line: lineOf(env(), K) }] },
    { name: 'a typo of production', facts: envFacts({ '.env': env({ [K]: 'prod' }) }), errors: [{ messageId: 'notProduction' }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_ENV: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_ENV') }] },
  ],
});
