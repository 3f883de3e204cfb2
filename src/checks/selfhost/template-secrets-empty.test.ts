import { testCheck } from '../../../test/support/check-tester.js';
import { envFacts } from './__fixtures__/facts.js';
import { templateSecretsEmpty } from './template-secrets-empty.js';

testCheck(templateSecretsEmpty, {
  valid: [
    { name: 'secrets left empty', facts: envFacts({ '.env.example': '# generate with: openssl rand -hex 32\n_APP_OPENSSL_KEY_V1=\n_APP_DB_PASS=\n_APP_ENV=production\n' }) },
    { name: 'non-Appwrite placeholders are normal template practice', facts: envFacts({ 'app/.env.example': 'STRIPE_SECRET=your-stripe-secret\n' }) },
    { name: 'a real .env is not a template', facts: envFacts({ '.env': '_APP_OPENSSL_KEY_V1=your-secret-key\n' }) },
  ],
  invalid: [
    {
      name: 'installer placeholders in a template',
      facts: envFacts({ '.env.example': '_APP_ENV=production\n_APP_OPENSSL_KEY_V1=your-secret-key\n_APP_DB_PASS=password\n' }),
      errors: [
        { messageId: 'placeholder', path: '.env.example', line: 2, resourceId: '_APP_OPENSSL_KEY_V1', severity: 'medium' },
        { messageId: 'placeholder', path: '.env.example', line: 3, resourceId: '_APP_DB_PASS' },
      ],
    },
    { name: 'a weak typed default in .env.dist', facts: envFacts({ 'deploy/.env.dist': '_APP_DB_ROOT_PASS=appwrite\n' }), errors: [{ messageId: 'placeholder', path: 'deploy/.env.dist' }] },
    { name: 'a real secret in a template', facts: envFacts({ '.env.sample': 'SMTP_PASSWORD=Zr8#kQ2!vN6@pW4$xT9^mB3&\n' }), errors: [{ messageId: 'realValue', severity: 'high', line: 1 }] },
  ],
});
