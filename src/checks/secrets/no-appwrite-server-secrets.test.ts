import { testCheck } from '../../../test/support/check-tester.js';
import { scanFacts } from '../../secrets/__fixtures__/facts.js';
import { noAppwriteServerSecrets } from './no-appwrite-server-secrets.js';

testCheck(noAppwriteServerSecrets, {
  valid: [
    { name: 'no findings', facts: { secrets: scanFacts([]) } },
    { name: 'a finding of another family', facts: { secrets: scanFacts([{ ruleId: 'appwrite-standard-key', family: 'appwrite-key', path: 'x.txt' }]) } },
    { name: 'its family inside built output (reported by no-keys-in-bundles)', facts: { secrets: scanFacts([{ ruleId: 'appwrite-openssl-key', family: 'appwrite-server', path: 'dist/x.js', inBundle: true }]) } },
  ],
  invalid: [
    {
      name: 'one finding of its family',
      facts: { secrets: scanFacts([{ ruleId: 'appwrite-openssl-key', family: 'appwrite-server', path: '.env.production', line: 2, severity: 'medium' }]) },
      errors: [{ messageId: 'committed', path: '.env.production', line: 2, severity: 'medium' }],
    },
    {
      name: 'one report per finding, with the history message for history findings',
      facts: {
        secrets: scanFacts([
          { ruleId: 'appwrite-openssl-key', family: 'appwrite-server', path: 'a/.env.production', line: 1 },
          { ruleId: 'appwrite-openssl-key', family: 'appwrite-server', path: 'b/.env.production', line: 9, source: 'history', commit: { sha: 'b'.repeat(40), author: 'Bob', date: '2026-02-03T00:00:00Z' }, stillPresent: true },
        ]),
      },
      errors: [
        { messageId: 'committed', path: 'a/.env.production', line: 1 },
        { messageId: 'inHistory', path: 'b/.env.production', line: 9 },
      ],
    },
  ],
});
