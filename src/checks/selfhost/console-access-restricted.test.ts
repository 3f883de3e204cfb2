import { testCheck } from '../../../test/support/check-tester.js';
import { consoleAccessRestricted } from './console-access-restricted.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';

const ROOT = '_APP_CONSOLE_WHITELIST_ROOT';
const EMAILS = '_APP_CONSOLE_WHITELIST_EMAILS';
const IPS = '_APP_CONSOLE_WHITELIST_IPS';
testCheck(consoleAccessRestricted, {
  valid: [
    { name: 'root only', facts: envFacts({ '.env': env({ [EMAILS]: '', [IPS]: '' }) }) },
    { name: 'root unset: defaults to enabled', facts: envFacts({ '.env': env({ [ROOT]: null, [EMAILS]: null }) }) },
    { name: 'root disabled, e-mail allow-list', facts: envFacts({ '.env': env({ [ROOT]: 'disabled' }) }) },
    { name: 'root disabled, IP allow-list', facts: envFacts({ '.env': env({ [ROOT]: 'disabled', [EMAILS]: '', [IPS]: '203.0.113.0/24' }) }) },
  ],
  invalid: [
    { name: 'open sign-up', facts: envFacts({ '.env': env({ [ROOT]: 'disabled', [EMAILS]: '', [IPS]: '' }) }), errors: [{ messageId: 'open', path: '.env', line: lineOf(env(), ROOT), resourceId: ROOT }] },
    { name: 'allow-lists of only commas and spaces', facts: envFacts({ '.env': env({ [ROOT]: 'disabled', [EMAILS]: "' , '", [IPS]: null }) }), errors: [{ messageId: 'open' }] },
    { name: 'root setting provided at deploy time', facts: envFacts({ '.env': env({ [ROOT]: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', line: lineOf(env(), ROOT) }] },
    { name: 'root disabled, allow-list provided at deploy time', facts: envFacts({ '.env': env({ [ROOT]: 'disabled', [EMAILS]: '${FROM_VAULT}', [IPS]: '' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', resourceId: EMAILS }] },
  ],
});
