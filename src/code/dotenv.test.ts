import { describe, expect, it } from 'vitest';
import { isDotenvFile, isDotenvTemplate, parseDotenv } from './dotenv.js';
import { isAppwriteKeyName, isAppwriteKeyValue, isPlaceholderValue, publicPrefixOf } from './key-shapes.js';

describe('parseDotenv', () => {
  it('reads names, values and lines in the usual syntaxes', () => {
    const r = parseDotenv('# c\nA=1\nexport B="two words" # comment\nC=\'single\'\nD="multi\nline"\nE=plain # trailing\nnot a line\nF=');
    expect(r.entries).toEqual([
      { name: 'A', value: '1', line: 2 },
      { name: 'B', value: 'two words', line: 3 },
      { name: 'C', value: 'single', line: 4 },
      { name: 'D', value: 'multi\nline', line: 5 },
      { name: 'E', value: 'plain', line: 7 },
      { name: 'F', value: '', line: 9 },
    ]);
    expect(r.problems).toEqual([{ line: 8, message: 'not a NAME=value line' }]);
  });
  it('reports an unterminated quote', () => {
    expect(parseDotenv('A="open').problems[0]).toMatchObject({ line: 1 });
  });
  it('knows env file names and templates', () => {
    expect(['.env', 'apps/web/.env.local', '.env.production'].every(isDotenvFile)).toBe(true);
    expect(['.envrc', 'env.ts', '.environment'].some(isDotenvFile)).toBe(false);
    expect(isDotenvTemplate('.env.example')).toBe(true);
    expect(isDotenvTemplate('.env.local')).toBe(false);
  });
});

describe('key shapes', () => {
  it.each([
    [`standard_${'ab'.repeat(128)}`, true],
    ['ab'.repeat(128), true],
    ['ephemeral_eyJhbGciOiJIUzI1NiJ9.eyJwcm9qZWN0SWQiOiJwIn0.c2ln', true],
    [`standard_${'ab'.repeat(127)}`, false],
    ['my-project-id', false],
  ])('isAppwriteKeyValue(%#)', (v, expected) => expect(isAppwriteKeyValue(v)).toBe(expected));

  it.each([
    ['NEXT_PUBLIC_APPWRITE_API_KEY', true],
    ['VITE_APPWRITE_KEY', true],
    ['APPWRITE_SECRET', true],
    ['NEXT_PUBLIC_API_KEY', true],
    ['NEXT_PUBLIC_APPWRITE_PROJECT_ID', false],
    ['NEXT_PUBLIC_APPWRITE_ENDPOINT', false],
    ['VITE_STRIPE_PUBLISHABLE_KEY', false],
    ['NEXT_PUBLIC_RECAPTCHA_SITE_KEY', false],
    ['NEXT_PUBLIC_MAPS_API_KEY', false],
  ])('isAppwriteKeyName(%s)', (n, expected) => expect(isAppwriteKeyName(n)).toBe(expected));

  it('knows public prefixes and placeholders', () => {
    expect(publicPrefixOf('NEXT_PUBLIC_X')).toBe('NEXT_PUBLIC_');
    expect(publicPrefixOf('PUBLIC_X')).toBe('PUBLIC_');
    expect(publicPrefixOf('APPWRITE_KEY')).toBeUndefined();
    expect(['', '<API_KEY>', 'your-api-key', 'changeme', '${KEY}'].every(isPlaceholderValue)).toBe(true);
    expect(isPlaceholderValue('real-looking-value')).toBe(false);
  });
});
