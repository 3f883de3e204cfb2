import { testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';
import { redisPasswordSet } from './redis-password-set.js';

testCheck(redisPasswordSet, {
  valid: [{ name: 'password set', facts: envFacts({ '.env': env() }) }],
  invalid: [
    { name: 'empty as shipped', facts: envFacts({ '.env': env({ _APP_REDIS_PASS: '' }) }), errors: [{ messageId: 'empty', path: '.env', line: lineOf(env(), '_APP_REDIS_PASS') }] },
    { name: 'blank quoted', facts: envFacts({ '.env': env({ _APP_REDIS_PASS: '"  "' }) }), errors: [{ messageId: 'empty' }] },
    { name: 'unset', facts: envFacts({ '.env': env({ _APP_REDIS_PASS: null }) }), errors: [{ messageId: 'unset', path: '.env', resourceId: '_APP_REDIS_PASS' }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_REDIS_PASS: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_REDIS_PASS') }] },
  ],
});
