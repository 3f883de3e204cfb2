import { testCheck } from '../../../test/support/check-tester.js';
import { defaultSecretsReplaced } from './default-secrets-replaced.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';

const mariadb = (root: string) => `services:\n  appwrite:\n    image: appwrite/appwrite:1.9.6\n  mariadb:\n    image: mariadb:10.11\n    environment:\n      - MYSQL_ROOT_PASSWORD=${root}\n      - MYSQL_PASSWORD=\${_APP_DB_PASS}\n`;

testCheck(defaultSecretsReplaced, {
  valid: [
    { name: 'hardened values', facts: envFacts({ '.env': env() }) },
    { name: 'bundled database passes the .env values through', facts: envFacts({ '.env': env(), 'docker-compose.yml': mariadb('${_APP_DB_ROOT_PASS}') }) },
    { name: 'not an Appwrite env file', facts: envFacts({ '.env': 'DB_PASS=password\n' }) },
  ],
  invalid: [
    {
      name: 'the installer defaults kept',
      facts: envFacts({ '.env': env({ _APP_EXECUTOR_SECRET: 'your-secret-key', _APP_DB_PASS: 'password', _APP_DB_ROOT_PASS: 'rootsecretpassword' }) }),
      errors: [
        { messageId: 'placeholder', resourceId: '_APP_EXECUTOR_SECRET', severity: 'critical', line: lineOf(env(), '_APP_EXECUTOR_SECRET') },
        { messageId: 'placeholder', resourceId: '_APP_DB_PASS', severity: 'high', line: lineOf(env(), '_APP_DB_PASS') },
        { messageId: 'placeholder', resourceId: '_APP_DB_ROOT_PASS', severity: 'high' },
      ],
    },
    { name: 'executor secret unset', facts: envFacts({ '.env': env({ _APP_EXECUTOR_SECRET: null }) }), errors: [{ messageId: 'missing', severity: 'critical', path: '.env' }] },
    { name: 'database password empty', facts: envFacts({ '.env': env({ _APP_DB_PASS: '' }) }), errors: [{ messageId: 'empty', resourceId: '_APP_DB_PASS' }] },
    { name: 'typed but weak', facts: envFacts({ '.env': env({ _APP_DB_ROOT_PASS: 'appwrite123' }) }), errors: [{ messageId: 'weak', severity: 'medium' }] },
    { name: 'a template filler', facts: envFacts({ '.env': env({ _APP_DB_PASS: 'changeme' }) }), errors: [{ messageId: 'templateValue' }] },
    {
      name: 'placeholder written inline for the bundled database',
      facts: envFacts({ '.env': env(), 'docker-compose.yml': mariadb('rootsecretpassword') }),
      errors: [{ messageId: 'placeholder', resourceId: 'MYSQL_ROOT_PASSWORD', path: 'docker-compose.yml', line: 7 }],
    },
  ],
});
