import { testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts } from './__fixtures__/facts.js';
import { envNamesCurrent } from './env-names-current.js';

testCheck(envNamesCurrent, {
  valid: [{ name: 'current names only', facts: envFacts({ '.env': env() }) }],
  invalid: [
    { name: 'renamed in 1.7.0', facts: envFacts({ '.env': '_APP_ENV=production\n_APP_OPTIONS_FUNCTIONS_FORCE_HTTPS=enabled\n' }), errors: [{ messageId: 'replaced', line: 2, resourceId: '_APP_OPTIONS_FUNCTIONS_FORCE_HTTPS' }] },
    { name: 'split into two', facts: envFacts({ '.env': '_APP_SYSTEM_SECURITY_EMAIL_ADDRESS=security@example.com\n' }), errors: [{ messageId: 'replaced', line: 1 }] },
    { name: 'dropped without replacement', facts: envFacts({ '.env': '_APP_FUNCTIONS_CONTAINERS=10\n' }), errors: [{ messageId: 'dropped' }] },
    { name: 'legacy names without the _APP_ prefix', facts: envFacts({ '.env': 'OPEN_RUNTIMES_NETWORK=appwrite_runtimes\n' }), errors: [{ messageId: 'replaced' }] },
  ],
});
