import { testCheck } from '../../../test/support/check-tester.js';
import { buildFacts, env, envFacts, lineOf } from './__fixtures__/facts.js';
import { opensslKeyStrong } from './openssl-key-strong.js';

const K = '_APP_OPENSSL_KEY_V1';
const compose = (value: string) => `services:\n  appwrite:\n    image: appwrite/appwrite:1.9.6\n    environment:\n      - ${K}=${value}\n`;

testCheck(opensslKeyStrong, {
  valid: [
    { name: '64 hex characters', facts: envFacts({ '.env': env() }) },
    { name: 'single-quoted random value with symbols', facts: envFacts({ '.env': env({ [K]: "'k8$Qz!2vL#9pR@4mX^7wT&1nB*6cY%3j'" }) }) },
    { name: 'an env file without Appwrite settings is not judged', facts: envFacts({ 'web/.env': 'NEXT_PUBLIC_APPWRITE_ENDPOINT=https://cloud.appwrite.io/v1\n' }) },
    { name: 'templates are not deployments', facts: envFacts({ '.env.example': `${K}=your-secret-key\n` }) },
    { name: 'set by compose from the .env beside it', facts: { 'selfhost-env': buildFacts({ '.env': env({ [K]: null, OPENSSL: 'b7e1c9a3f5d2e8b4c6a0f1d3e5b7c9a2d4f6e8b0c2a4d6f8e1b3c5d7f9a0b2c4' }), 'docker-compose.yml': compose('${OPENSSL}') })['selfhost-env'] } },
  ],
  invalid: [
    { name: 'the installer placeholder', facts: envFacts({ '.env': env({ [K]: 'your-secret-key' }) }), errors: [{ messageId: 'placeholder', path: '.env', line: lineOf(env(), K), resourceId: K }] },
    { name: 'unset', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'missing', path: '.env' }] },
    { name: 'empty', facts: envFacts({ '.env': env({ [K]: '' }) }), errors: [{ messageId: 'missing', path: '.env', line: lineOf(env(), K) }] },
    { name: 'short', facts: envFacts({ '.env': env({ [K]: 'appwrite2024' }) }), errors: [{ messageId: 'weak', severity: 'critical' }] },
    { name: 'long but repetitive', facts: envFacts({ '.env': env({ [K]: 'abababababababababababababababababab' }) }), errors: [{ messageId: 'weak' }] },
    { name: 'a template filler', facts: envFacts({ '.env': env({ [K]: '<generate-a-random-key>' }) }), errors: [{ messageId: 'placeholder' }] },
    {
      name: 'compose overrides a good .env with the placeholder',
      facts: { 'selfhost-env': buildFacts({ '.env': env(), 'docker-compose.yml': compose('your-secret-key') })['selfhost-env'] },
      errors: [{ messageId: 'placeholder', path: 'docker-compose.yml', line: 5 }],
    },
    {
      name: 'provided at deploy time: cannot be judged',
      facts: { 'selfhost-env': buildFacts({ '.env': env({ [K]: null }), 'docker-compose.yml': compose('${OPENSSL:?set it}') })['selfhost-env'] },
      errors: [{ messageId: 'fromEnvironment', status: 'error', path: 'docker-compose.yml', line: 5 }],
    },
    {
      name: 'each deployment separately',
      facts: envFacts({ 'prod/.env': env(), 'staging/.env': env({ [K]: 'your-secret-key' }) }),
      errors: [{ messageId: 'placeholder', path: 'staging/.env' }],
    },
  ],
});
