import { describe, expect, it } from 'vitest';
import type { AdvisorySpec } from './advisories.js';
import { allAdvisories } from './advisories.js';
import { advisoriesAffecting, compareAppwriteVersions, composerToSemverRange, inComposerRange, isOlderThanLatest, LATEST_KNOWN_RELEASE, parseAppwriteVersion } from './versions.js';

describe('parseAppwriteVersion', () => {
  it.each([
    ['1.9.6', '1.9.6'],
    ['v1.9.6', '1.9.6'],
    ['1.0.0-RC1', '1.0.0-RC1'],
    ['1.9.5-rc.1', '1.9.5-rc.1'],
  ])('%s', (tag, expected) => expect(parseAppwriteVersion(tag)?.version).toBe(expected));

  it.each(['latest', '1.9', 'dev', '', '1.9.x'])('rejects %j', (tag) => expect(parseAppwriteVersion(tag)).toBeUndefined());
});

describe('version ordering', () => {
  it('sorts prereleases before their release', () => {
    expect(compareAppwriteVersions('1.0.0-RC1', '1.0.0')).toBeLessThan(0);
    expect(compareAppwriteVersions('0.15.3', '1.0.0-RC1')).toBeLessThan(0);
  });
  it('knows 1.9.6 is the latest', () => {
    expect(LATEST_KNOWN_RELEASE).toBe('1.9.6');
    expect(isOlderThanLatest('1.9.5')).toBe(true);
    expect(isOlderThanLatest('1.9.6')).toBe(false);
    expect(isOlderThanLatest('2.0.0')).toBe(false);
  });
});

describe('Composer ranges', () => {
  it.each([
    ['0.12.1', '>=0.12.0 <0.12.2', true],
    ['0.12.2', '>=0.12.0 <0.12.2', false],
    ['0.11.9', '>=0.12.0 <0.12.2', false],
    ['0.11.0', '>=0 <0.11.1', true],
    ['0.9.0', '<1.0.0-RC1', true],
    ['1.0.0-RC1', '>=0 <1.0.0-RC1', false],
    ['1.0.0-RC0', '>=0 <1.0.0-RC1', true],
    ['1.0.0', '>=0 <1.0.0-RC1', false],
    ['0.12.1', '>=0.12.0,<0.12.2', true],
    ['0.3.0', '<0.2.0 || >=0.3.0 <0.4.0', true],
    ['2.0.0-rc.1', '>=1.0.0', true],
  ] as const)('%s in %s -> %s', (v, r, expected) => expect(inComposerRange(v, r)).toBe(expected));

  it('refuses what it cannot read', () => {
    expect(composerToSemverRange('>=banana')).toBeUndefined();
  });
});

describe('advisoriesAffecting', () => {
  it('finds the advisories of an old release, with the fix version', () => {
    const hits = advisoriesAffecting('0.12.1');
    const ids = hits.map((h) => h.advisory.id).sort();
    expect(ids).toEqual(['GHSA-5ffj-mph5-c5hv', 'GHSA-hxgx-584x-vwm8', 'GHSA-v9p9-535w-4285', 'GHSA-wfm3-gq9h-mrjm']);
    expect(hits.find((h) => h.advisory.id === 'GHSA-v9p9-535w-4285')?.fixedIn).toBe('0.12.2');
  });

  it('honours a maintainer-claimed fix for an open-ended range', () => {
    expect(advisoriesAffecting('1.2.1').map((h) => h.advisory.id)).toEqual(['GHSA-hxgx-584x-vwm8']);
    expect(advisoriesAffecting('1.3.0')).toEqual([]);
    expect(advisoriesAffecting(LATEST_KNOWN_RELEASE)).toEqual([]);
  });

  it('evaluates every generated range without error', () => {
    for (const a of allAdvisories()) {
      for (const r of a.affected) expect(composerToSemverRange(r), `${a.id} ${r}`).toBeDefined();
      expect(a.aliases).toContain(a.id);
      expect(['critical', 'high', 'medium', 'low']).toContain(a.severity);
    }
  });

  it('works on a supplied advisory list', () => {
    const fake: AdvisorySpec = { id: 'GHSA-test', aliases: ['GHSA-test'], title: 't', severity: 'low', affected: ['>=1.9.0 <1.9.6'], fixed: ['1.9.6'], url: 'https://example.invalid' };
    expect(advisoriesAffecting('1.9.5', [fake])).toEqual([{ advisory: fake, range: '>=1.9.0 <1.9.6', fixedIn: '1.9.6' }]);
    expect(advisoriesAffecting('1.9.6', [fake])).toEqual([]);
  });
});
