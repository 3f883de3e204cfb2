import { describe, expect, it } from 'vitest';
import type { AffectedPackage, OsvRange } from './model.js';
import { inOsvRange, inSemverRange, isAffected, lowerBoundOf, smallestFix } from './ranges.js';
import { cvss3BaseScore, cvssFrom, normaliseSeverity, severityOfScore } from './severity.js';

const range = (...events: OsvRange['events']): OsvRange => ({ type: 'ECOSYSTEM', events });
const pkg = (ranges: OsvRange[], extra: Partial<AffectedPackage> = {}): AffectedPackage => ({ name: 'p', ranges, versions: [], fixed: [], ...extra });

describe('OSV range evaluation', () => {
  const cases: [string, OsvRange, string, boolean | undefined][] = [
    ['introduced 0 fixed: below', range({ introduced: '0' }, { fixed: '1.2.3' }), '1.2.2', true],
    ['introduced 0 fixed: the fix itself', range({ introduced: '0' }, { fixed: '1.2.3' }), '1.2.3', false],
    ['introduced 0 fixed: above', range({ introduced: '0' }, { fixed: '1.2.3' }), '2.0.0', false],
    ['introduced is inclusive', range({ introduced: '1.0.0' }, { fixed: '1.2.6' }), '1.0.0', true],
    ['below introduced', range({ introduced: '1.0.0' }, { fixed: '1.2.6' }), '0.9.9', false],
    ['prerelease after introduced', range({ introduced: '2.0.0-rc.0' }, { fixed: '2.0.1' }), '2.0.0-rc.1', true],
    ['prerelease before its release is below the fix', range({ introduced: '0' }, { fixed: '2.0.0' }), '2.0.0-rc.1', true],
    ['prerelease of the next version is above the fix', range({ introduced: '0' }, { fixed: '2.0.0' }), '2.0.1-beta.1', false],
    ['last_affected inclusive', range({ introduced: '0' }, { last_affected: '2.1.0' }), '2.1.0', true],
    ['above last_affected', range({ introduced: '0' }, { last_affected: '2.1.0' }), '2.1.1', false],
    ['two windows in one range: second', range({ introduced: '1.0.0' }, { fixed: '1.1.0' }, { introduced: '2.0.0' }, { fixed: '2.2.0' }), '2.1.0', true],
    ['two windows in one range: gap', range({ introduced: '1.0.0' }, { fixed: '1.1.0' }, { introduced: '2.0.0' }, { fixed: '2.2.0' }), '1.5.0', false],
    ['events out of order are sorted', range({ fixed: '1.1.0' }, { introduced: '1.0.0' }), '1.0.5', true],
    ['limit caps the range', range({ introduced: '0' }, { limit: '1.5.0' }), '1.6.0', false],
    ['limit keeps what is below', range({ introduced: '0' }, { limit: '1.5.0' }), '1.4.0', true],
    ['short advisory versions are coerced (1.0)', range({ introduced: '1.0' }, { fixed: '3.1.1' }), '2.6.1', true],
    ['unparseable installed version', range({ introduced: '0' }, { fixed: '1.0.0' }), 'github:user/repo#abc', undefined],
    ['unparseable event', range({ introduced: 'banana' }, { fixed: '1.0.0' }), '0.5.0', undefined],
  ];
  for (const [name, r, v, expected] of cases) it(name, () => expect(inOsvRange(v, r)).toBe(expected));
});

describe('npm-style ranges', () => {
  it('includes prereleases in range tests', () => expect(inSemverRange('6.10.0-rc.1', '>=6.10.0-rc.0 <6.10.3')).toBe(true));
  it('reads a vulnerable_versions range', () => expect(inSemverRange('6.10.2', '>=6.10.0 <6.10.3')).toBe(true));
  it('outside', () => expect(inSemverRange('6.10.3', '>=6.10.0 <6.10.3')).toBe(false));
  it('bad range is unknown', () => expect(inSemverRange('1.0.0', '>>=1 banana')).toBeUndefined());
  it('patched_versions lower bound', () => {
    expect(lowerBoundOf('>=6.10.3')).toBe('6.10.3');
    expect(lowerBoundOf('<0.0.0')).toBeUndefined();
  });
});

describe('isAffected and smallestFix', () => {
  const qs = pkg([range({ introduced: '6.10.0' }, { fixed: '6.10.3' }), range({ introduced: '6.7.0' }, { fixed: '6.7.3' }), range({ introduced: '0' }, { fixed: '6.2.4' })]);
  it('any matching range means affected', () => {
    expect(isAffected('6.7.0', qs)).toBe(true);
    expect(isAffected('6.8.0', qs)).toBe(false);
  });
  it('explicit versions count', () => expect(isAffected('9.9.9', pkg([], { versions: ['9.9.9'] }))).toBe(true));
  it('an advisory without ranges or versions cannot be evaluated', () => expect(isAffected('1.0.0', pkg([]))).toBeUndefined());
  it('the smallest fix is the backport on the same line', () => expect(smallestFix('6.7.0', [qs])).toBe('6.7.3'));
  it('the smallest fix must clear every advisory', () => {
    const other = pkg([range({ introduced: '0' }, { fixed: '6.9.7' })]);
    expect(smallestFix('6.7.0', [qs, other])).toBe('6.9.7');
  });
  it('no fix named: undefined', () => expect(smallestFix('8.5.1', [pkg([range({ introduced: '0' }, { last_affected: '8.5.1' })])])).toBeUndefined());
});

describe('severity', () => {
  const vectors: [string, number][] = [
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', 5.3],
    ['CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L', 5.0],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0],
    ['CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
  ];
  for (const [v, score] of vectors) it(`scores ${v}`, () => expect(cvss3BaseScore(v)).toBe(score));
  it('rejects malformed vectors', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L')).toBeUndefined();
    expect(cvss3BaseScore('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
  });
  it('keeps v4 vectors without inventing a score', () => expect(cvssFrom('CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toEqual({ version: '4.0', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }));
  it('bands', () => expect([9, 7, 4, 0.1, 0].map(severityOfScore)).toEqual(['critical', 'high', 'medium', 'low', 'info']));
  it('normalises tool ratings', () => expect(['MODERATE', 'High', 'critical', 'bogus'].map(normaliseSeverity)).toEqual(['medium', 'high', 'critical', undefined]));
});
