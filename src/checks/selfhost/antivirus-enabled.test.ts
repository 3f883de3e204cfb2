import { testCheck } from '../../../test/support/check-tester.js';
import { antivirusEnabled } from './antivirus-enabled.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';

const K = '_APP_STORAGE_ANTIVIRUS';
testCheck(antivirusEnabled, {
  valid: [{ name: 'enabled', facts: envFacts({ '.env': env() }) }],
  invalid: [
    { name: 'disabled', facts: envFacts({ '.env': env({ [K]: 'disabled' }) }), errors: [{ messageId: 'disabled', line: lineOf(env(), K), severity: 'low' }] },
    { name: 'unset', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'disabled', path: '.env' }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_STORAGE_ANTIVIRUS: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_STORAGE_ANTIVIRUS') }] },
  ],
});
