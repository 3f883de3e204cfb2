import { testCheck } from '../../../test/support/check-tester.js';
import { scanFacts } from '../../secrets/__fixtures__/facts.js';
import { noPrivateKeys } from './no-private-keys.js';

testCheck(noPrivateKeys, {
  valid: [
    { name: 'no findings', facts: { secrets: scanFacts([]) } },
    { name: 'a finding of another family', facts: { secrets: scanFacts([{ ruleId: 'jwt-secret', family: 'jwt', path: 'x.txt' }]) } },
    { name: 'its family inside built output (reported by no-keys-in-bundles)', facts: { secrets: scanFacts([{ ruleId: 'private-key', family: 'private-key', path: 'dist/x.js', inBundle: true }]) } },
  ],
  invalid: [
    {
      name: 'one finding of its family',
      facts: { secrets: scanFacts([{ ruleId: 'private-key', family: 'private-key', path: 'certs/server.key', line: 2, severity: 'medium' }]) },
      errors: [{ messageId: 'committed', path: 'certs/server.key', line: 2, severity: 'medium' }],
    },
    {
      name: 'one report per finding, with the history message for history findings',
      facts: {
        secrets: scanFacts([
          { ruleId: 'private-key', family: 'private-key', path: 'a/certs/server.key', line: 1 },
          { ruleId: 'private-key', family: 'private-key', path: 'b/certs/server.key', line: 9, source: 'history', commit: { sha: 'b'.repeat(40), author: 'Bob', date: '2026-02-03T00:00:00Z' }, stillPresent: true },
        ]),
      },
      errors: [
        { messageId: 'committed', path: 'a/certs/server.key', line: 1 },
        { messageId: 'inHistory', path: 'b/certs/server.key', line: 9 },
      ],
    },
  ],
});
