import { describe, expect, it } from 'vitest';
import { Redactor } from '../core/redact.js';
import { keyFrom, legacyAuthMethods, legacyPolicies, platformFrom, policiesFrom, stringifyJson, toggles, webhookFrom } from './normalize.js';

describe('normalize', () => {
  it('reads the 1.8 and 1.9.5 models into the same shape', () => {
    const legacy = { authDuration: 3600, authLimit: 0, authSessionsLimit: 5, authPasswordHistory: 3, authPasswordDictionary: true, authPersonalDataCheck: false, authSessionAlerts: true, authInvalidateSessions: true, authAnonymous: true, authEmailPassword: true };
    const slim = [
      { $id: 'session-duration', duration: 3600 },
      { $id: 'user-limit', total: 0 },
      { $id: 'session-limit', total: 5 },
      { $id: 'password-history', total: 3 },
      { $id: 'password-dictionary', enabled: true },
      { $id: 'password-personal-data', enabled: false },
      { $id: 'session-alert', enabled: true },
      { $id: 'session-invalidation', enabled: true },
    ];
    expect(policiesFrom(slim)).toEqual(legacyPolicies(legacy));
    expect(toggles([{ $id: 'anonymous', enabled: true }, { $id: 'email-password', enabled: true }])).toEqual(legacyAuthMethods(legacy));
  });

  it('maps platforms and webhooks of both formats', () => {
    const r = new Redactor();
    expect(platformFrom({ $id: 'a', name: 'iOS', type: 'apple-ios', key: 'com.x', hostname: '' }, r)).toMatchObject({ kind: 'apple', identifier: 'com.x' });
    expect(platformFrom({ $id: 'b', name: 'iOS', type: 'apple', bundleIdentifier: 'com.x' }, r)).toMatchObject({ kind: 'apple', identifier: 'com.x' });
    expect(platformFrom({ $id: 'c', name: 'w', type: 'flutter-web', hostname: 'x.com' }, r)).toMatchObject({ kind: 'web', hostname: 'x.com' });
    expect(webhookFrom({ $id: 'w', url: 'https://x', security: false, httpUser: 'u', httpPass: 'long-passw0rd-7', signatureKey: '' }, r)).toMatchObject({ tls: false, hasBasicAuth: true, hasSignatureKey: false });
    expect(webhookFrom({ $id: 'w', url: 'https://x', tls: true, authUsername: '', authPassword: '', secret: '' }, r)).toMatchObject({ tls: true, hasBasicAuth: false, hasSignatureKey: null });
    expect(r.scrub('long-passw0rd-7')).not.toContain('long-passw0rd-7');
  });

  it('keeps a hash and a preview of key secrets, and registers them', () => {
    const r = new Redactor();
    const secret = `standard_${'7a'.repeat(128)}`;
    const k = keyFrom({ $id: 'k', name: 'n', secret, scopes: ['users.read'], expire: '', accessedAt: '', sdks: [] }, r);
    expect(k).toMatchObject({ expire: null, accessedAt: null, secretPreview: expect.stringMatching(/^stan…#[0-9a-f]{8}$/) });
    expect(JSON.stringify(k)).not.toContain(secret.slice(9, 30));
    expect(r.scrub(`x ${secret} y`)).not.toContain(secret);
  });

  it('serialises BigInt from the SDK', () => {
    expect(stringifyJson({ a: 9007199254740993n, b: 5n })).toBe('{"a":"9007199254740993","b":5}');
  });
});
