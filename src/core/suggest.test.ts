import { describe, expect, it } from 'vitest';
import { nearest, typoDistance } from './suggest.js';

describe('typoDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['_APP_ENV', '_APP_ENV', 0],
    ['_APP_EVN', '_APP_ENV', 1], // one transposition, not two substitutions
    ['ca', 'abc', 3], // optimal string alignment: no edit of a transposed pair
    ['_APP_OPTIONS_ABUSE', '_APP_OPTION_ABUSE', 1],
    ['flaw', 'lawn', 2],
  ])('%j -> %j = %i', (a, b, d) => {
    expect(typoDistance(a, b)).toBe(d);
    expect(typoDistance(b, a)).toBe(d);
  });
});

describe('nearest', () => {
  const names = ['_APP_ENV', '_APP_LOCALE', '_APP_OPTIONS_ABUSE', '_APP_OPTIONS_FORCE_HTTPS', '_APP_REDIS_PASS', '_APP_REDIS_USER'];
  it.each([
    ['_APP_EVN', 2, '_APP_ENV'],
    ['_APP_OPTONS_ABUSE', 1, '_APP_OPTIONS_ABUSE'],
    ['_APP_REDIS_PAS', 1, '_APP_REDIS_PASS'],
    ['_APP_REDIS_XXXX', 4, '_APP_REDIS_PASS'], // a tie at 4 goes to the alphabetically first
    ['_APP_REDIS_XXXX', 3, undefined], // beyond the bound
    ['SOMETHING_ELSE', 4, undefined],
  ])('%s within %i -> %s', (input, max, want) => {
    expect(nearest(input, names, max)).toBe(want);
  });

  it('agrees with an exhaustive search over every candidate', () => {
    const inputs = ['_APP_EN', '_APP_LOCAL', '_APP_OPTIONS_FORCE_HTTP', '_APP_REDIS_USR', '_APP_XYZ'];
    for (const input of inputs) {
      for (const max of [0, 1, 2, 3, 5]) {
        const scored = names.map((n) => [typoDistance(input, n), n] as const).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
        const want = scored[0]![0] <= max ? scored[0]![1] : undefined;
        expect(nearest(input, names, max), `${input} within ${max}`).toBe(want);
      }
    }
  });
});
