import { testCheck } from '../../../test/support/check-tester.js';
import { abuseProtectionEnabled } from './abuse-protection-enabled.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';

const K = '_APP_OPTIONS_ABUSE';
testCheck(abuseProtectionEnabled, {
  valid: [
    { name: 'enabled', facts: envFacts({ '.env': env() }) },
    { name: 'unset: the default is enabled', facts: envFacts({ '.env': env({ [K]: null }) }) },
  ],
  invalid: [
    { name: 'disabled', facts: envFacts({ '.env': env({ [K]: 'disabled' }) }), errors: [{ messageId: 'disabled', path: '.env', line: lineOf(env(), K), resourceId: K }] },
    { name: 'disabled in a second deployment only', facts: envFacts({ 'a/.env': env(), 'b/.env': env({ [K]: 'disabled' }) }), errors: [{ messageId: 'disabled', path: 'b/.env' }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_OPTIONS_ABUSE: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_OPTIONS_ABUSE') }] },
  ],
});
