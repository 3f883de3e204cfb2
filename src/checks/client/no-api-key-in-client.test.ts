import { describe, expect, it } from 'vitest';
import { runCheck, testCheck } from '../../../test/support/check-tester.js';
import { inventory, keyUse } from '../../code/fixtures.js';
import { redactSecret } from '../../core/redact.js';
import { noApiKeyInClient } from './no-api-key-in-client.js';

const CANARY = `standard_${'feedface'.repeat(32)}`;

testCheck(noApiKeyInClient, {
  valid: [
    { name: 'setKey on the server', facts: { 'source-inventory': inventory({ keyUses: [keyUse({ runtime: 'server' })] }) } },
    { name: 'function key from the request header', facts: { 'source-inventory': inventory({ keyUses: [keyUse({ runtime: 'function', source: { kind: 'request-header', name: 'x-appwrite-key' } })] }) } },
    { name: 'unknown runtime is not judged', facts: { 'source-inventory': inventory({ keyUses: [keyUse({ runtime: 'unknown' })] }) } },
  ],
  invalid: [
    {
      name: 'setKey and an X-Appwrite-Key header in client code',
      facts: {
        'source-inventory': inventory({
          keyUses: [
            keyUse({ path: 'src/Admin.tsx', line: 9, runtime: 'client', source: { kind: 'env', name: 'NEXT_PUBLIC_KEY' } }),
            keyUse({ path: 'src/api.ts', line: 4, kind: 'header', runtime: 'client' }),
          ],
        }),
      },
      errors: [
        { messageId: 'setKey', path: 'src/Admin.tsx', line: 9, severity: 'critical' },
        { messageId: 'header', path: 'src/api.ts', line: 4, severity: 'critical' },
      ],
    },
    {
      name: 'a dev key in client code is medium',
      facts: { 'source-inventory': inventory({ keyUses: [keyUse({ kind: 'setDevKey', runtime: 'client', line: 2 })] }) },
      errors: [{ messageId: 'devKey', line: 2, severity: 'medium' }],
    },
  ],
});

describe('client/no-api-key-in-client evidence', () => {
  it('shows a literal key only as prefix and hash', async () => {
    const inv = inventory({ keyUses: [keyUse({ runtime: 'client', source: { kind: 'literal', redacted: redactSecret(CANARY), keyShaped: true } })] });
    const findings = await runCheck(noApiKeyInClient, { name: 'x', facts: { 'source-inventory': inv } });
    const text = JSON.stringify(findings);
    expect(text).toContain(redactSecret(CANARY));
    expect(text).not.toContain(CANARY.slice(9, 40));
  });
});
