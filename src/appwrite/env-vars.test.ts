import { describe, expect, it } from 'vitest';
import {
  allEnvVarSpecs,
  ENV_CATALOG_SOURCE,
  envVarSpec,
  isPlaceholderValue,
  isSecretVarName,
  nearestEnvVarName,
  placeholderDefaultSecrets,
  replacementOf,
} from './env-vars.js';
import { LATEST_KNOWN_RELEASE } from './versions.js';
import { typoDistance } from '../core/suggest.js';

describe('generated env catalog', () => {
  const specs = allEnvVarSpecs();

  it('is well-formed: unique upper-case names, string defaults, known release flags', () => {
    expect(specs.length).toBeGreaterThan(140);
    const names = specs.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of specs) {
      expect(s.name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
      expect(typeof s.default).toBe('string');
      expect(['stable', 'unreleased']).toContain(s.release);
      expect(s.category.length).toBeGreaterThan(0);
      if (s.security) expect(['critical', 'high', 'medium', 'low']).toContain(s.security.severity);
    }
  });

  it('matches the release the version module calls latest', () => {
    expect(ENV_CATALOG_SOURCE.release).toBe(LATEST_KNOWN_RELEASE);
  });

  it('names replacements that exist and are not deprecated themselves', () => {
    for (const s of specs.filter((v) => v.deprecated?.replacement)) {
      for (const r of s.deprecated!.replacement!) {
        expect(envVarSpec(r), `${s.name} -> ${r}`).toBeDefined();
        expect(envVarSpec(r)!.deprecated, `${s.name} -> ${r} is deprecated too`).toBeUndefined();
      }
    }
  });

  it('knows the settings the hardening audit depends on', () => {
    expect(envVarSpec('_APP_OPENSSL_KEY_V1')).toMatchObject({ default: 'your-secret-key', secret: true, required: true });
    expect(envVarSpec('_APP_EXECUTOR_SECRET')).toMatchObject({ default: 'your-secret-key', secret: true });
    expect(envVarSpec('_APP_DB_ROOT_PASS')).toMatchObject({ default: 'rootsecretpassword', secret: true });
    expect(envVarSpec('_APP_MAINTENANCE_RETENTION_AUDIT')?.default).toBe('1209600');
    expect(envVarSpec('_APP_OPTIONS_ROUTER_PROTECTION')?.introduced).toBe('1.4.4');
    expect(replacementOf('_APP_OPTIONS_FUNCTIONS_FORCE_HTTPS')).toEqual(['_APP_OPTIONS_ROUTER_FORCE_HTTPS']);
    expect(replacementOf('_APP_SYSTEM_SECURITY_EMAIL_ADDRESS')).toEqual(['_APP_EMAIL_SECURITY', '_APP_EMAIL_CERTIFICATES']);
    // chain: OPEN_RUNTIMES_NETWORK -> _APP_FUNCTIONS_RUNTIMES_NETWORK (deprecated) -> _APP_COMPUTE_RUNTIMES_NETWORK
    expect(replacementOf('OPEN_RUNTIMES_NETWORK')).toEqual(['_APP_COMPUTE_RUNTIMES_NETWORK']);
    expect(envVarSpec('_APP_JOBS_SECRET')?.release).toBe('unreleased');
  });

  it('lists the placeholder-default secrets', () => {
    const names = placeholderDefaultSecrets().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['_APP_OPENSSL_KEY_V1', '_APP_EXECUTOR_SECRET', '_APP_DB_PASS', '_APP_DB_ROOT_PASS']));
    expect(names).not.toContain('_APP_REDIS_PASS'); // empty default: a different check
  });
});

describe('isSecretVarName', () => {
  it.each([
    ['_APP_OPENSSL_KEY_V1', true],
    ['_APP_SMTP_PASSWORD', true],
    ['_APP_REDIS_USER', false],
    ['_APP_DOMAIN', false],
    ['MYSQL_ROOT_PASSWORD', true],
    ['STRIPE_SECRET', true],
    ['APPWRITE_API_KEY', true],
    ['SMTP_HOST', false],
    ['DB_USERNAME', false],
  ] as const)('%s -> %s', (name, expected) => expect(isSecretVarName(name)).toBe(expected));
});

describe('isPlaceholderValue', () => {
  it.each([
    ['your-secret-key', true],
    ['PASSWORD', true],
    ['rootsecretpassword', true],
    ['<your key here>', true],
    ['changeme', true],
    ['xxxxxxxx', true],
    ['your_openssl_key', true],
    ['', false],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', false],
    ['8f1c2e0d9a7b4c3e', false],
  ] as const)('%j -> %s', (value, expected) => expect(isPlaceholderValue(value)).toBe(expected));
});

describe('nearestEnvVarName', () => {
  it.each([
    ['_APP_OPTOINS_ABUSE', '_APP_OPTIONS_ABUSE'],
    ['_APP_OPTIONS_FORCE_HTTP', '_APP_OPTIONS_FORCE_HTTPS'],
    ['_APP_CONSOLE_WHITELIST_EMAIL', '_APP_CONSOLE_WHITELIST_EMAILS'],
    ['_app_env', '_APP_ENV'],
    ['_APP_OPENSSL_KEY', '_APP_OPENSSL_KEY_V1'],
  ])('%s -> %s', (typo, expected) => expect(nearestEnvVarName(typo)).toBe(expected));

  it('does not invent a suggestion for an unrelated name', () => {
    expect(nearestEnvVarName('_APP_MY_COMPANY_FEATURE_FLAG')).toBeUndefined();
  });

  it('counts a transposition as one edit', () => {
    expect(typoDistance('ABCD', 'ABDC')).toBe(1);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
  });
});
