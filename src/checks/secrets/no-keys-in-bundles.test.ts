import { testCheck } from '../../../test/support/check-tester.js';
import { scanFacts } from '../../secrets/__fixtures__/facts.js';
import { noKeysInBundles } from './no-keys-in-bundles.js';

testCheck(noKeysInBundles, {
  valid: [
    { name: 'no findings', facts: { secrets: scanFacts([]) } },
    { name: 'a key in source code only', facts: { secrets: scanFacts([{ ruleId: 'appwrite-standard-key', family: 'appwrite-key', path: 'src/server.ts' }]) } },
  ],
  invalid: [
    {
      name: 'any credential in built output is critical',
      facts: {
        secrets: scanFacts([
          { ruleId: 'appwrite-standard-key', family: 'appwrite-key', path: 'dist/assets/index.js', inBundle: true, severity: 'critical' },
          { ruleId: 'slack-webhook', family: 'service-token', path: 'apps/web/.next/static/chunks/app.js', inBundle: true, severity: 'medium' },
        ]),
      },
      errors: [
        { messageId: 'committed', path: 'dist/assets/index.js', severity: 'critical' },
        { messageId: 'committed', path: 'apps/web/.next/static/chunks/app.js', severity: 'critical' },
      ],
    },
    {
      name: 'a key verified dead stays low',
      facts: { secrets: scanFacts([{ ruleId: 'appwrite-standard-key', family: 'appwrite-key', path: 'build/main.js', inBundle: true, liveness: 'dead' }]) },
      errors: [{ messageId: 'committed', path: 'build/main.js', severity: 'low' }],
    },
  ],
});
