import { describe, expect, it } from 'vitest';
import { runCheck, testCheck } from '../../../test/support/check-tester.js';
import { fn, project } from '../permissions/__fixtures__/project.js';
import { noCommittedSecrets } from './no-committed-secrets.js';

const CANARY = `standard_${'c0ffee'.repeat(42)}abcd`;
const withKey = await project({ functions: [fn('sync', { vars: { APPWRITE_ENDPOINT: 'https://cloud.appwrite.io/v1', APPWRITE_API_KEY: CANARY } })] });
const named = await project({ sites: [{ $id: 'web', name: 'Web', framework: 'nextjs', vars: { SMTP_PASSWORD: 'correct-horse-battery', NEXT_PUBLIC_TITLE: 'Shop' } }] });

testCheck(noCommittedSecrets, {
  valid: [
    { name: 'endpoints, ids and placeholders', facts: (await project({ functions: [fn('f', { vars: { APPWRITE_ENDPOINT: 'https://x/v1', DB_ID: 'main', API_KEY: '${APPWRITE_API_KEY}', TOKEN: '<set in console>' } })] })).facts },
  ],
  invalid: [
    { name: 'an Appwrite key in a function variable', facts: withKey.facts, errors: [{ messageId: 'secretVar', line: withKey.line('APPWRITE_API_KEY'), severity: 'critical', resourceId: 'sync' }] },
    { name: 'a secret-named site variable', facts: named.facts, errors: [{ messageId: 'secretVar', line: named.line('SMTP_PASSWORD'), severity: 'high', resourceId: 'web' }] },
  ],
});

describe('functions/no-committed-secrets redaction', () => {
  it('never puts the raw secret in a message or evidence', async () => {
    const findings = await runCheck(noCommittedSecrets, { name: 'canary', facts: withKey.facts });
    const text = JSON.stringify(findings);
    expect(findings[0]?.status).toBe('fail');
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(CANARY.slice(9, 40));
    expect(findings[0]?.evidence?.value).toMatch(/^stan…#[0-9a-f]{8}$/);
  });
});
