import { testCheck } from '../../../test/support/check-tester.js';
import { buildFacts, env, envFacts, lineOf } from './__fixtures__/facts.js';
import { forceHttps } from './force-https.js';

const K = '_APP_OPTIONS_FORCE_HTTPS';
testCheck(forceHttps, {
  valid: [
    { name: 'enabled', facts: envFacts({ '.env': env() }) },
    { name: 'enabled inline in compose over a disabled .env', facts: { 'selfhost-env': buildFacts({ '.env': env({ [K]: 'disabled' }), 'compose.yaml': `services:\n  appwrite:\n    image: appwrite/appwrite:1.9.6\n    environment:\n      ${K}: enabled\n` })['selfhost-env'] } },
  ],
  invalid: [
    { name: 'disabled', facts: envFacts({ '.env': env({ [K]: 'disabled' }) }), errors: [{ messageId: 'disabled', path: '.env', line: lineOf(env(), K), resourceId: K }] },
    { name: 'unset', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'unset', path: '.env' }] },
    { name: 'case matters to Appwrite', facts: envFacts({ '.env': env({ [K]: 'Enabled' }) }), errors: [{ messageId: 'disabled' }] },
    { name: 'true is not a value Appwrite knows', facts: envFacts({ '.env': env({ [K]: 'true' }) }), errors: [{ messageId: 'disabled' }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_OPTIONS_FORCE_HTTPS: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_OPTIONS_FORCE_HTTPS') }] },
  ],
});
