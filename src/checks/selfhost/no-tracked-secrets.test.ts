import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCheck, testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';
import { noTrackedSecrets } from './no-tracked-secrets.js';

/** A realistic, fake Appwrite key: `standard_` + 256 hex characters. */
const FAKE_KEY = `standard_${Array.from({ length: 4 }, (_, i) => createHash('sha512').update(`fixture-${i}`).digest('hex')).join('')}`;

const installerDefaults = '_APP_ENV=production\n_APP_OPENSSL_KEY_V1=your-secret-key\n_APP_DB_PASS=password\n_APP_DB_ROOT_PASS=rootsecretpassword\n_APP_REDIS_PASS=\n';

testCheck(noTrackedSecrets, {
  valid: [
    { name: 'secrets in an untracked file', facts: envFacts({ '.env': env() }, { tracked: [] }) },
    { name: 'not a git repository', facts: envFacts({ '.env': env() }, { git: 'not-a-repo' }) },
    { name: 'tracked file with only placeholders and empty values', facts: envFacts({ '.env': installerDefaults }, { tracked: ['.env'] }) },
    { name: 'tracked file without secrets', facts: envFacts({ '.env': '_APP_ENV=production\n_APP_DOMAIN=appwrite.example.com\n' }, { tracked: ['.env'] }) },
    { name: 'tracked template (its own check)', facts: envFacts({ '.env.example': env() }, { tracked: ['.env.example'] }) },
    { name: 'tracked file taking secrets from the environment', facts: envFacts({ '.env': '_APP_OPENSSL_KEY_V1=${OPENSSL_KEY}\nexport _APP_DB_PASS\n' }, { tracked: ['.env'] }) },
  ],
  invalid: [
    {
      name: 'tracked .env with real secrets',
      facts: envFacts({ '.env': env(), 'other/.env': env() }, { tracked: ['.env'] }),
      errors: [{ messageId: 'tracked', path: '.env', line: lineOf(env(), '_APP_OPENSSL_KEY_V1'), severity: 'critical', resourceId: '.env' }],
    },
    {
      name: 'an Appwrite API key under a name that does not say secret',
      facts: envFacts({ 'app/.env.local': `APPWRITE_KEY=${FAKE_KEY}\nAPPWRITE_PROJECT_ID=6651f00d0012ab34cd56\n` }, { tracked: ['app/.env.local'] }),
      errors: [{ messageId: 'tracked', path: 'app/.env.local', line: 1 }],
    },
    {
      name: 'a tracked backup copy, as the Appwrite backup guide makes them',
      facts: envFacts({ '.env.backup.20261101': env() }, { tracked: ['.env.backup.20261101'] }),
      errors: [{ messageId: 'tracked', path: '.env.backup.20261101' }],
    },
    {
      name: 'git unavailable: could not tell',
      facts: envFacts({ '.env': env() }, { git: 'unavailable' }),
      errors: [{ messageId: 'unknown', status: 'error', path: '.env' }],
    },
  ],
});

describe('selfhost/no-tracked-secrets evidence', () => {
  it('names variables and lines but never the values', async () => {
    const text = env();
    const [finding] = await runCheck(noTrackedSecrets, { name: 'x', facts: envFacts({ '.env': text }, { tracked: ['.env'] }) });
    const out = JSON.stringify(finding);
    expect(finding?.evidence?.variables).toMatch(/_APP_OPENSSL_KEY_V1 \(line 7\)/);
    for (const v of ['3f9c1a7e5b2d8f0c4e6a9b1d3f5c7e9a2b4d6f8a0c1e3f5a7b9c2d4e6f8a0b1c', 'vH4$kP9#qW2!mZ7@rT5^bN8&xC3*jL6e']) expect(out).not.toContain(v);
  });
});
