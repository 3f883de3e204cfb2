import { testCheck } from '../../../test/support/check-tester.js';
import { buildFacts, env, envFacts } from './__fixtures__/facts.js';
import { envNamesKnown } from './env-names-known.js';

testCheck(envNamesKnown, {
  valid: [
    { name: 'all known names', facts: envFacts({ '.env': env() }) },
    { name: 'names outside the _APP_ prefix are not Appwrite settings', facts: envFacts({ '.env': 'MY_APP_SETTING=1\nNEXT_PUBLIC_APPWRITE_ENDPOINT=https://example.com/v1\n' }) },
    { name: 'unreleased (main-branch) names are known', facts: envFacts({ '.env': env({ _APP_JOBS_SECRET: 'f1e2d3c4b5a69788f1e2d3c4b5a69788f1e2d3c4b5a69788' }) }) },
    { name: 'names the compose file interpolates', facts: envFacts({ '.env': '_APP_HTTP_PORT=80\n_APP_VERSION=1.9.6\n', 'docker-compose.yml': 'services:\n  traefik:\n    image: traefik:3.6\n    ports:\n      - ${_APP_HTTP_PORT:-80}:80\n  appwrite:\n    image: appwrite/appwrite:${_APP_VERSION}\n' }) },
    { name: 'templates are not judged here', facts: envFacts({ '.env.example': '_APP_OPTOINS_ABUSE=enabled\n' }) },
  ],
  invalid: [
    { name: 'typo of a security setting', facts: envFacts({ '.env': '_APP_ENV=production\n_APP_OPTIONS_FORCE_HTTP=enabled\n' }), errors: [{ messageId: 'typo', line: 2, severity: 'medium', resourceId: '_APP_OPTIONS_FORCE_HTTP' }] },
    { name: 'transposed letters', facts: envFacts({ '.env': '_APP_OPTOINS_ABUSE=enabled\n' }), errors: [{ messageId: 'typo', line: 1 }] },
    { name: 'typo of a harmless setting', facts: envFacts({ '.env': '_APP_LOCAL=en\n' }), errors: [{ messageId: 'typo', severity: 'low' }] },
    { name: 'made-up name', facts: envFacts({ '.env': '_APP_COMPANY_FEATURE_FLAG_X=1\n' }), errors: [{ messageId: 'unknown', severity: 'low' }] },
    {
      name: 'typo inline in compose',
      facts: { 'selfhost-env': buildFacts({ 'compose.yaml': 'services:\n  appwrite:\n    image: appwrite/appwrite:1.9.6\n    environment:\n      - _APP_CONSOLE_WHITELIST_EMAIL=ops@example.com\n' })['selfhost-env'] },
      errors: [{ messageId: 'typo', path: 'compose.yaml', line: 5 }],
    },
  ],
});
