import { testCheck } from '../../../test/support/check-tester.js';
import { scanFacts } from '../../secrets/__fixtures__/facts.js';
import { noCloudCredentials } from './no-cloud-credentials.js';

testCheck(noCloudCredentials, {
  valid: [
    { name: 'no findings', facts: { secrets: scanFacts([]) } },
    { name: 'a finding of another family', facts: { secrets: scanFacts([{ ruleId: 'private-key', family: 'private-key', path: 'x.txt' }]) } },
    { name: 'its family inside built output (reported by no-keys-in-bundles)', facts: { secrets: scanFacts([{ ruleId: 'aws-access-key', family: 'cloud', path: 'dist/x.js', inBundle: true }]) } },
  ],
  invalid: [
    {
      name: 'one finding of its family',
      facts: { secrets: scanFacts([{ ruleId: 'aws-access-key', family: 'cloud', path: 'deploy/credentials', line: 2, severity: 'medium' }]) },
      errors: [{ messageId: 'committed', path: 'deploy/credentials', line: 2, severity: 'medium' }],
    },
    {
      name: 'one report per finding, with the history message for history findings',
      facts: {
        secrets: scanFacts([
          { ruleId: 'aws-access-key', family: 'cloud', path: 'a/deploy/credentials', line: 1 },
          { ruleId: 'aws-access-key', family: 'cloud', path: 'b/deploy/credentials', line: 9, source: 'history', commit: { sha: 'b'.repeat(40), author: 'Bob', date: '2026-02-03T00:00:00Z' }, stillPresent: true },
        ]),
      },
      errors: [
        { messageId: 'committed', path: 'a/deploy/credentials', line: 1 },
        { messageId: 'inHistory', path: 'b/deploy/credentials', line: 9 },
      ],
    },
  ],
});
