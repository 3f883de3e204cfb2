import { describe, expect, it } from 'vitest';
import { canonicalJson, digestOf, toJson } from './json.js';

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys at every depth', { b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}'],
    ['BigInt as a decimal string', { n: 9007199254740993n, neg: -5n }, '{"n":"9007199254740993","neg":"-5"}'],
    ['drops undefined in objects, null in arrays', { a: undefined, b: [undefined, 1] }, '{"b":[null,1]}'],
    ['non-finite numbers as null', [NaN, Infinity, -0], '[null,null,0]'],
    ['Date through toJSON', { at: new Date('2025-01-02T03:04:05.006Z') }, '{"at":"2025-01-02T03:04:05.006Z"}'],
    ['Map and Set', { m: new Map([['b', 1], ['a', 2]]), s: new Set([3, 1]) }, '{"m":{"a":2,"b":1},"s":[3,1]}'],
    ['escapes strings like JSON', { 'k"': 'line\nbreak \u0000 …' }, '{"k\\"":"line\\nbreak \\u0000 …"}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('round-trips: parsing canonical text and serialising again gives the same text', () => {
    const v = { z: [1.5, 'x', { q: true, p: 1e21 }], a: -0.000001, big: 12345678901234567890n };
    const text = canonicalJson(v);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it('refuses circular values', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(/circular/);
  });

  it('digest ignores key order; toJson keeps it and handles BigInt', () => {
    expect(digestOf({ a: 1, b: 2 })).toBe(digestOf({ b: 2, a: 1 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(toJson({ b: 1n, a: 2 })).toBe('{"b":"1","a":2}');
    expect(() => JSON.stringify({ b: 1n })).toThrow(/BigInt/);
  });
});
