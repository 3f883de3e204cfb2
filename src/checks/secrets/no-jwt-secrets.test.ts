import { testCheck } from '../../../test/support/check-tester.js';
import { scanFacts } from '../../secrets/__fixtures__/facts.js';
import { noJwtSecrets } from './no-jwt-secrets.js';

testCheck(noJwtSecrets, {
  valid: [
    { name: 'no findings', facts: { secrets: scanFacts([]) } },
    { name: 'a finding of another family', facts: { secrets: scanFacts([{ ruleId: 'npm-token', family: 'service-token', path: 'x.txt' }]) } },
    { name: 'its family inside built output (reported by no-keys-in-bundles)', facts: { secrets: scanFacts([{ ruleId: 'jwt-secret', family: 'jwt', path: 'dist/x.js', inBundle: true }]) } },
  ],
  invalid: [
    {
      name: 'one finding of its family',
      facts: { secrets: scanFacts([{ ruleId: 'jwt-secret', family: 'jwt', path: 'config/auth.env', line: 2, severity: 'medium' }]) },
      errors: [{ messageId: 'committed', path: 'config/auth.env', line: 2, severity: 'medium' }],
    },
    {
      name: 'one report per finding, with the history message for history findings',
      facts: {
        secrets: scanFacts([
          { ruleId: 'jwt-secret', family: 'jwt', path: 'a/config/auth.env', line: 1 },
          { ruleId: 'jwt-secret', family: 'jwt', path: 'b/config/auth.env', line: 9, source: 'history', commit: { sha: 'b'.repeat(40), author: 'Bob', date: '2026-02-03T00:00:00Z' }, stillPresent: true },
        ]),
      },
      errors: [
        { messageId: 'committed', path: 'a/config/auth.env', line: 1 },
        { messageId: 'inHistory', path: 'b/config/auth.env', line: 9 },
      ],
    },
  ],
});
