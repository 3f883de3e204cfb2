import { describe, expect, it } from 'vitest';
import { meetsThreshold } from './severity.js';

describe('meetsThreshold', () => {
  it.each([
    ['critical', 'high', true],
    ['high', 'high', true],
    ['medium', 'high', false],
    ['low', 'low', true],
    ['info', 'low', false],
    ['critical', 'none', false],
  ] as const)('%s at --fail-on %s -> %s', (s, f, want) => {
    expect(meetsThreshold(s, f)).toBe(want);
  });
});
