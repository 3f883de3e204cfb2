import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSecretValue, looksLikeSecretValue, shannonBitsPerChar } from './secret-values.js';

const hex = createHash('sha512').update('x').digest('hex');

describe('secret values', () => {
  it.each([
    ['_APP_DB_PASS', 'S3cure-but-typed!', true],
    ['_APP_DB_PASS', 'password', false], // public placeholder
    ['_APP_DB_PASS', 'appwrite', false], // a word every report prints
    ['_APP_DB_PASS', '', false],
    ['_APP_DOMAIN', 'appwrite.example.com', false],
    ['APPWRITE_KEY', `standard_${hex}${hex}`, true],
    ['SESSION_ID_SALT', 'Zx9Qv2Lm8Rt4Wy6Np3Kb7Hd1Fc5Gs0Aj', true],
  ] as const)('%s=%s -> %s', (key, value, expected) => expect(isSecretValue(key, value)).toBe(expected));

  it('tells random tokens from words, URLs and repetition', () => {
    expect(looksLikeSecretValue(hex)).toBe(true);
    expect(looksLikeSecretValue('https://appwrite.example.com/v1/some/long/path')).toBe(false);
    expect(looksLikeSecretValue('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
    expect(looksLikeSecretValue('short1')).toBe(false);
    expect(shannonBitsPerChar('abab')).toBe(1);
    expect(shannonBitsPerChar('')).toBe(0);
  });
});
