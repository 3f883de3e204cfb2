import { testCheck } from '../../../test/support/check-tester.js';
import { scanFacts } from '../../secrets/__fixtures__/facts.js';
import { noAppwriteKeys } from './no-appwrite-keys.js';

testCheck(noAppwriteKeys, {
  valid: [
    { name: 'no findings', facts: { secrets: scanFacts([]) } },
    { name: 'only other families', facts: { secrets: scanFacts([{ ruleId: 'github-token', family: 'service-token', path: 'a.sh' }]) } },
    { name: 'an Appwrite key inside a bundle belongs to no-keys-in-bundles', facts: { secrets: scanFacts([{ ruleId: 'appwrite-standard-key', family: 'appwrite-key', path: 'dist/a.js', inBundle: true }]) } },
  ],
  invalid: [
    {
      name: 'a standard key in a script, at its rule severity',
      facts: { secrets: scanFacts([{ ruleId: 'appwrite-standard-key', family: 'appwrite-key', path: 'scripts/check.js', line: 7, severity: 'critical' }]) },
      errors: [{ messageId: 'committed', path: 'scripts/check.js', line: 7, severity: 'critical', resourceId: `00${'f'.repeat(30)}` }],
    },
    {
      name: 'a dev key verified live is critical; a dead legacy key is low',
      facts: {
        secrets: scanFacts([
          { ruleId: 'appwrite-dev-key', family: 'appwrite-key', path: 'src/dev.ts', severity: 'high', liveness: 'live' },
          { ruleId: 'appwrite-legacy-key', family: 'appwrite-key', path: 'src/old.ts', severity: 'critical', liveness: 'dead' },
        ]),
      },
      errors: [
        { messageId: 'committed', path: 'src/dev.ts', severity: 'critical' },
        { messageId: 'committed', path: 'src/old.ts', severity: 'low' },
      ],
    },
    {
      name: 'history, staged and stdin findings use their own messages',
      facts: {
        secrets: scanFacts([
          { ruleId: 'appwrite-standard-key', family: 'appwrite-key', path: 'old.js', source: 'history', commit: { sha: 'a'.repeat(40), author: 'Alice', date: '2026-01-02T10:00:00Z' }, stillPresent: false },
          { ruleId: 'appwrite-ephemeral-key', family: 'appwrite-key', path: 'new.js', source: 'staged' },
          { ruleId: 'appwrite-standard-key', family: 'appwrite-key', path: '<stdin>', source: 'stdin' },
        ]),
      },
      errors: [
        { messageId: 'inHistory', path: 'old.js' },
        { messageId: 'staged', path: 'new.js' },
        { messageId: 'piped', path: '<stdin>' },
      ],
    },
  ],
});
