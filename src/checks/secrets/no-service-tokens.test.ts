import { testCheck } from '../../../test/support/check-tester.js';
import { scanFacts } from '../../secrets/__fixtures__/facts.js';
import { noServiceTokens } from './no-service-tokens.js';

testCheck(noServiceTokens, {
  valid: [
    { name: 'no findings', facts: { secrets: scanFacts([]) } },
    { name: 'a finding of another family', facts: { secrets: scanFacts([{ ruleId: 'aws-access-key', family: 'cloud', path: 'x.txt' }]) } },
    { name: 'its family inside built output (reported by no-keys-in-bundles)', facts: { secrets: scanFacts([{ ruleId: 'github-token', family: 'service-token', path: 'dist/x.js', inBundle: true }]) } },
  ],
  invalid: [
    {
      name: 'one finding of its family',
      facts: { secrets: scanFacts([{ ruleId: 'github-token', family: 'service-token', path: 'ci/release.sh', line: 2, severity: 'medium' }]) },
      errors: [{ messageId: 'committed', path: 'ci/release.sh', line: 2, severity: 'medium' }],
    },
    {
      name: 'one report per finding, with the history message for history findings',
      facts: {
        secrets: scanFacts([
          { ruleId: 'github-token', family: 'service-token', path: 'a/ci/release.sh', line: 1 },
          { ruleId: 'github-token', family: 'service-token', path: 'b/ci/release.sh', line: 9, source: 'history', commit: { sha: 'b'.repeat(40), author: 'Bob', date: '2026-02-03T00:00:00Z' }, stillPresent: true },
        ]),
      },
      errors: [
        { messageId: 'committed', path: 'a/ci/release.sh', line: 1 },
        { messageId: 'inHistory', path: 'b/ci/release.sh', line: 9 },
      ],
    },
  ],
});
