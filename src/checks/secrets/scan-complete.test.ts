import { testCheck } from '../../../test/support/check-tester.js';
import { scanFacts } from '../../secrets/__fixtures__/facts.js';
import { scanComplete } from './scan-complete.js';

testCheck(scanComplete, {
  valid: [
    { name: 'everything scanned', facts: { secrets: scanFacts([]) } },
    { name: 'binary files are skipped by design', facts: { secrets: scanFacts([], { skipped: [{ path: 'logo.dat', reason: 'binary' }] }) } },
  ],
  invalid: [
    {
      name: 'unreadable and oversized files are "could not tell"',
      facts: {
        secrets: scanFacts([], {
          skipped: [
            { path: 'secret.txt', reason: 'unreadable: EACCES' },
            { path: 'dump.sql', reason: 'larger than 67108864 bytes' },
          ],
        }),
      },
      errors: [
        { messageId: 'notScanned', path: 'secret.txt', status: 'error' },
        { messageId: 'notScanned', path: 'dump.sql', status: 'error' },
      ],
    },
  ],
});
