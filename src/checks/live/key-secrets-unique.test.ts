import { describe, expect, it } from 'vitest';
import { runCheck, testCheck } from '../../../test/support/check-tester.js';
import { redactSecret, sha256Hex } from '../../core/redact.js';
import { AUDIT_SECRET, key, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { keySecretsUnique } from './key-secrets-unique.js';

const SHARED = `standard_${'ef'.repeat(128)}`;
const cred = (secret: string, envVar: string) => ({ envVar, secretHash: sha256Hex(secret), secretPreview: redactSecret(secret), consoleSession: false });
const prod = snapshot({ keys: ok([key({ name: 'ci-deploy', secret: SHARED }), key({ name: 'audit', secret: AUDIT_SECRET })]) });
const dev = (secret: string) => snapshot({ environment: 'dev', projectId: 'shop-dev', production: false, credential: cred(secret, 'APPWRITE_DEV_KEY'), keys: ok([]) });

testCheck(keySecretsUnique, {
  valid: [
    { name: 'every environment has its own keys', facts: live(prod, dev(`standard_${'01'.repeat(128)}`)) },
    { name: 'two environment names for the same project', facts: live(prod, { ...snapshot({ environment: 'prod-alias' }) }) },
  ],
  invalid: [
    { name: 'dev uses a production key', facts: live(prod, dev(SHARED)), errors: [{ messageId: 'shared', severity: 'critical' }] },
    {
      name: 'one key copied into two non-production projects',
      facts: live(
        snapshot({ environment: 'dev', production: false, projectId: 'a', keys: ok([key({ name: 'x', secret: SHARED })]) }),
        snapshot({ environment: 'stage', production: false, projectId: 'b', credential: cred(`standard_${'02'.repeat(128)}`, 'S'), keys: ok([key({ name: 'y', secret: SHARED })]) }),
      ),
      errors: [{ messageId: 'shared', severity: 'high' }],
    },
  ],
});

describe('live/key-secrets-unique output', () => {
  it('names environments and keys, shows a prefix and hash, never the secret', async () => {
    const [f] = await runCheck(keySecretsUnique, { name: 'shared', facts: live(prod, dev(SHARED)) });
    const text = JSON.stringify(f);
    expect(text).not.toContain(SHARED);
    expect(text).not.toContain(SHARED.slice(9, 40));
    expect(f!.message).toContain(redactSecret(SHARED));
    expect(f!.message).toContain('dev: audit credential APPWRITE_DEV_KEY');
    expect(f!.message).toContain('prod: key "ci-deploy"');
  });
});
