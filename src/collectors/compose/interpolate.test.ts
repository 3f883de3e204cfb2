import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate.js';

const env: Record<string, string> = { SET: 'value', EMPTY: '', PORT: '8080' };
const lookup = (n: string) => env[n];

describe('interpolate (compose semantics)', () => {
  it.each([
    ['${SET}', 'value'],
    ['$SET', 'value'],
    ['pre-${SET}-post', 'pre-value-post'],
    ['$$SET', '$SET'],
    ['$$', '$'],
    ['cost: 5$', 'cost: 5$'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${UNSET-dflt}', 'dflt'],
    ['${UNSET:-${SET}}', 'value'],
    ['${UNSET:-a${PORT}b}', 'a8080b'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${PORT}:80', '8080:80'],
  ])('%s -> %s', (text, expected) => {
    const r = interpolate(text, lookup);
    expect(r.errors).toEqual([]);
    expect(r.value).toBe(expected);
  });

  it('reports unset variables and required ones', () => {
    expect(interpolate('a${UNSET}b', lookup)).toMatchObject({ value: 'ab', unresolved: ['UNSET'] });
    expect(interpolate('a${UNSET}b', lookup).fromEnvironment).toBeUndefined();
    expect(interpolate('${UNSET}', lookup)).toMatchObject({ value: '', unresolved: ['UNSET'], fromEnvironment: 'UNSET' });
    expect(interpolate('${NEED:?set NEED first}', lookup)).toMatchObject({ required: [{ name: 'NEED', message: 'set NEED first' }], fromEnvironment: 'NEED' });
    expect(interpolate('${EMPTY:?x}', lookup).required).toHaveLength(1);
    expect(interpolate('${EMPTY?x}', lookup).required).toHaveLength(0);
    expect(interpolate('${SET:?x}', lookup)).toMatchObject({ value: 'value', required: [] });
    expect(interpolate('${SET:?x}', lookup).fromEnvironment).toBeUndefined();
  });

  it('reports syntax errors instead of guessing', () => {
    expect(interpolate('${OPEN', lookup).errors[0]).toMatch(/unterminated/);
    expect(interpolate('${1BAD}', lookup).errors[0]).toMatch(/invalid interpolation/);
  });
});
