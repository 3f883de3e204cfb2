import { testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';
import { trustedHeadersSafe } from './trusted-headers-safe.js';

const traefik = (extra = '') => `services:\n  traefik:\n    image: traefik:3.6\n    command:\n      - --providers.docker=true\n${extra}    ports:\n      - 443:443\n  appwrite:\n    image: appwrite/appwrite:1.9.6\n`;
const K = '_APP_TRUSTED_HEADERS';

testCheck(trustedHeadersSafe, {
  valid: [
    { name: 'behind the bundled Traefik', facts: envFacts({ '.env': env(), 'docker-compose.yml': traefik() }) },
    { name: 'trusts no forwarding header', facts: envFacts({ '.env': env({ [K]: '' }) }) },
    { name: 'Appwrite bound to loopback only', facts: envFacts({ '.env': env(), 'docker-compose.yml': `${traefik()}    ports:\n      - 127.0.0.1:8080:80\n` }) },
  ],
  invalid: [
    { name: 'Appwrite publishes its own port', facts: envFacts({ '.env': env(), 'docker-compose.yml': `${traefik()}    ports:\n      - 8080:80\n` }), errors: [{ messageId: 'bypass', path: 'docker-compose.yml', line: 11 }] },
    { name: 'Traefik passes client headers', facts: envFacts({ '.env': env(), 'docker-compose.yml': traefik('      - --entryPoints.websecure.forwardedHeaders.insecure\n') }), errors: [{ messageId: 'proxyPasses', path: 'docker-compose.yml', line: 2 }] },
    { name: 'compose without a proxy', facts: envFacts({ '.env': env(), 'compose.yaml': 'services:\n  appwrite:\n    image: appwrite/appwrite:1.9.6\n' }), errors: [{ messageId: 'noProxy', path: '.env', line: lineOf(env(), K) }] },
    { name: 'default value, env file only', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'unverified', severity: 'low', path: '.env' }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_TRUSTED_HEADERS: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_TRUSTED_HEADERS') }] },
  ],
});
