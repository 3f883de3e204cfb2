import { testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';
import { securityEmailSet } from './security-email-set.js';

const K = '_APP_EMAIL_SECURITY';
const OLD = '_APP_SYSTEM_SECURITY_EMAIL_ADDRESS';
testCheck(securityEmailSet, {
  valid: [{ name: 'own address', facts: envFacts({ '.env': env() }) }],
  invalid: [
    { name: 'unset', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'unset', path: '.env' }] },
    { name: 'empty', facts: envFacts({ '.env': env({ [K]: '' }) }), errors: [{ messageId: 'unset', line: lineOf(env(), K) }] },
    { name: 'only the deprecated name', facts: envFacts({ '.env': env({ [K]: null, [OLD]: 'security@example.com' }) }), errors: [{ messageId: 'deprecatedOnly', line: lineOf(env({ [K]: null, [OLD]: 'x' }), OLD) }] },
    { name: 'the shipped appwrite.io address', facts: envFacts({ '.env': env({ [K]: 'certs@appwrite.io' }) }), errors: [{ messageId: 'notYours' }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_EMAIL_SECURITY: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_EMAIL_SECURITY') }] },
  ],
});
