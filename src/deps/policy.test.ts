import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import type { AffectedPackage, Vulnerability } from './model.js';
import { buildPlan, renderPlan } from './plan.js';
import { isCompatibleBump, remedyFor } from './remediation.js';
import { advisoryKey, advisoryKeysOf, escalate, slaStatus } from './sla.js';

const policy = { days: { critical: 7, high: 30, medium: 90, low: 180 }, escalation: 'one-level' as const };
const NOW = new Date('2026-11-29T12:00:00Z');

describe('SLA', () => {
  const cases: { name: string; sev: 'critical' | 'high' | 'medium' | 'low'; firstSeen?: string; published?: string; due: string; daysLeft: number; overdue: boolean; severity: string; basis: string }[] = [
    { name: 'critical seen 3 days ago: 4 days left', sev: 'critical', firstSeen: '2026-11-26T09:00:00Z', due: '2026-12-03', daysLeft: 4, overdue: false, severity: 'critical', basis: 'first seen' },
    { name: 'due today is not overdue yet', sev: 'critical', firstSeen: '2026-11-22T23:00:00Z', due: '2026-11-29', daysLeft: 0, overdue: false, severity: 'critical', basis: 'first seen' },
    { name: 'a day after the due date is overdue', sev: 'critical', firstSeen: '2026-11-21T00:00:00Z', due: '2026-11-28', daysLeft: -1, overdue: true, severity: 'critical', basis: 'first seen' },
    { name: 'medium overdue escalates to high', sev: 'medium', published: '2026-01-01T00:00:00Z', due: '2026-04-01', daysLeft: -242, overdue: true, severity: 'high', basis: 'published' },
    { name: 'first seen wins over published', sev: 'high', firstSeen: '2026-11-20T00:00:00Z', published: '2020-01-01T00:00:00Z', due: '2026-12-20', daysLeft: 21, overdue: false, severity: 'high', basis: 'first seen' },
    { name: 'no date: the clock starts now', sev: 'low', due: '2027-05-28', daysLeft: 180, overdue: false, severity: 'low', basis: 'this run' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = slaStatus(c.sev, { firstSeen: c.firstSeen, published: c.published }, NOW, policy)!;
      expect({ due: s.due, daysLeft: s.daysLeft, overdue: s.overdue, severity: s.severity, basis: s.basis }).toEqual({ due: c.due, daysLeft: c.daysLeft, overdue: c.overdue, severity: c.severity, basis: c.basis });
    });
  }
  it('the same finding is overdue later on an injected clock', () => {
    const dates = { published: '2026-11-01T00:00:00Z' };
    expect(slaStatus('high', dates, new Date('2026-12-01T23:59:59Z'), policy)!.overdue).toBe(false);
    expect(slaStatus('high', dates, new Date('2026-12-02T00:00:00Z'), policy)!.overdue).toBe(true);
  });
  it('info has no SLA', () => expect(slaStatus('info', {}, NOW, policy)).toBeUndefined());
  it('escalation modes', () => {
    expect(escalate('low', 'one-level')).toBe('medium');
    expect(escalate('critical', 'one-level')).toBe('critical');
    expect(escalate('low', 'to-critical')).toBe('critical');
    expect(escalate('high', 'none')).toBe('high');
  });
  it('store keys cover every alias', () => {
    expect(advisoryKey('qs', 'ghsa-hrpp-h998-j3pp')).toBe('npm:qs:GHSA-HRPP-H998-J3PP');
    expect(advisoryKeysOf({ aliases: ['GHSA-1', 'CVE-1'], resource: { id: 'qs' } })).toEqual(['npm:qs:GHSA-1', 'npm:qs:CVE-1']);
  });
});

const osv = (...events: { introduced?: string; fixed?: string; last_affected?: string }[]): AffectedPackage => ({ name: 'x', ranges: [{ type: 'ECOSYSTEM', events }], versions: [], fixed: [] });

function vuln(p: Partial<Vulnerability>): Vulnerability {
  return {
    id: 'GHSA-1',
    aliases: ['GHSA-1'],
    references: [],
    sources: ['osv-offline'],
    package: 'qs',
    versions: ['6.7.0'],
    location: { path: 'package-lock.json', line: 10 },
    lockfileKind: 'npm',
    dev: false,
    direct: false,
    path: ['express@4.17.1', 'qs@6.7.0'],
    directDependency: { name: 'express', version: '4.17.1', spec: '^4.17.1' },
    requiredBy: [{ from: 'express@4.17.1', range: '~6.7.0' }],
    affected: [osv({ introduced: '6.7.0' }, { fixed: '6.7.3' })],
    ...p,
  };
}

describe('remediation', () => {
  it('transitive fix allowed by every dependent: a lockfile refresh', () => {
    const r = remedyFor(vuln({}));
    expect(r).toMatchObject({ kind: 'refresh', fixedIn: '6.7.3' });
    expect(r.text).toMatch(/npm update qs/);
  });
  it('transitive fix excluded by a pin: override or upgrade the parent', () => {
    const r = remedyFor(vuln({ requiredBy: [{ from: 'express@4.17.1', range: '6.7.0' }] }));
    expect(r).toMatchObject({ kind: 'override', blockedBy: 'express@4.17.1 requires qs 6.7.0' });
    expect(r.text).toMatch(/"overrides"/);
  });
  it('pnpm and yarn name their own override field and command', () => {
    expect(remedyFor(vuln({ lockfileKind: 'pnpm', requiredBy: [{ from: 'a@1.0.0', range: '6.7.0' }] })).text).toMatch(/pnpm\.overrides/);
    expect(remedyFor(vuln({ lockfileKind: 'yarn-berry' })).text).toMatch(/yarn up -R qs/);
  });
  it('npm audit fixAvailable gives the direct upgrade', () => {
    const r = remedyFor(vuln({ requiredBy: [{ from: 'express@4.17.1', range: '6.7.0' }], fixAvailable: { name: 'express', version: '4.21.2', isSemVerMajor: false } }));
    expect(r).toMatchObject({ kind: 'refresh', directTarget: '4.21.2', direct: { name: 'express', version: '4.17.1' } });
  });
  it('direct dependency inside its range: refresh', () => {
    const r = remedyFor(vuln({ package: 'express', versions: ['4.17.1'], direct: true, path: ['express@4.17.1'], affected: [osv({ introduced: '0' }, { fixed: '4.20.0' })] }));
    expect(r).toMatchObject({ kind: 'refresh', fixedIn: '4.20.0', directTarget: '4.20.0' });
  });
  it('direct dependency pinned: a minor bump of the range', () => {
    const r = remedyFor(vuln({ package: 'express', versions: ['4.17.1'], direct: true, path: ['express@4.17.1'], directDependency: { name: 'express', version: '4.17.1', spec: '4.17.1' }, affected: [osv({ introduced: '0' }, { fixed: '4.20.0' })] }));
    expect(r.kind).toBe('minor');
  });
  it('only a new major fixes it: a controlled upgrade', () => {
    const r = remedyFor(vuln({ package: 'jsonwebtoken', versions: ['8.5.1'], direct: true, path: ['jsonwebtoken@8.5.1'], directDependency: { name: 'jsonwebtoken', version: '8.5.1', spec: '^8.5.1' }, affected: [{ ...osv({ introduced: '0' }, { fixed: '9.0.0' }) }] }));
    expect(r).toMatchObject({ kind: 'major', fixedIn: '9.0.0' });
  });
  it('no fix published', () => {
    expect(remedyFor(vuln({ affected: [osv({ introduced: '0' }, { last_affected: '6.7.0' })] })).kind).toBe('none');
  });
  it('a package no lockfile lists (from an audit report): the version is unknown, not unfixable', () => {
    const r = remedyFor(vuln({ versions: [], affected: [{ name: 'qs', ranges: [], semverRange: '>=6.7.0 <6.7.3', versions: [], fixed: [] }] }));
    expect(r.kind).toBe('none');
    expect(r.text).toMatch(/installed version is unknown: make sure it is outside >=6\.7\.0 <6\.7\.3/);
  });
  it('0.x minor bumps are breaking', () => {
    expect(isCompatibleBump('0.5.1', '0.5.6')).toBe(true);
    expect(isCompatibleBump('0.5.1', '0.6.0')).toBe(false);
    expect(isCompatibleBump('4.17.1', '4.21.2')).toBe(true);
    expect(isCompatibleBump('8.5.1', '9.0.0')).toBe(false);
  });
});

function finding(evidence: Record<string, string | null>, advisory: string): Finding {
  return {
    checkId: 'deps/no-known-vulnerabilities',
    area: 'deps',
    title: 't',
    severity: 'high',
    status: 'fail',
    message: 'm',
    location: { path: 'package-lock.json' },
    remediation: 'r',
    references: [],
    controls: [],
    fingerprint: advisory,
    aliases: [advisory],
    evidence: { advisory, ...evidence },
  };
}

describe('remediation plan', () => {
  it('groups by direct dependency: one upgrade fixing several advisories', () => {
    const viaExpress = { direct: 'express', directVersion: '4.17.1', directTarget: '4.21.2', fixKind: 'refresh', directSpec: '^4.17.1' };
    const plan = buildPlan([
      finding({ ...viaExpress, package: 'qs', installed: '6.7.0', fixedIn: '6.7.3' }, 'GHSA-q'),
      finding({ ...viaExpress, package: 'body-parser', installed: '1.19.0', fixedIn: '1.20.3' }, 'GHSA-b'),
      finding({ ...viaExpress, directTarget: '4.20.0', package: 'express', installed: '4.17.1', fixedIn: '4.20.0' }, 'GHSA-e'),
      finding({ package: 'jsonwebtoken', installed: '8.5.1', fixedIn: '9.0.0', fixKind: 'major', direct: 'jsonwebtoken', directVersion: '8.5.1', directTarget: '9.0.0' }, 'GHSA-j'),
      finding({ package: 'minimist', installed: '0.0.8', fixedIn: '0.2.4', fixKind: 'override', direct: 'mkdirp', directVersion: '0.5.1', blockedBy: 'mkdirp@0.5.1 requires minimist 0.0.8' }, 'GHSA-m'),
    ]);
    expect(plan.map((a) => `${a.kind} ${a.package} ${a.from} -> ${a.to} x${a.advisories.length}`)).toEqual([
      'refresh express 4.17.1 -> 4.21.2 x3',
      'override mkdirp 0.5.1 -> undefined x1',
      'major jsonwebtoken 8.5.1 -> 9.0.0 x1',
    ]);
    const text = renderPlan(plan);
    expect(text).toContain('upgrade express 4.17.1 -> 4.21.2 fixes 3 advisories');
    expect(text).toMatch(/upgrade jsonwebtoken 8\.5\.1 -> 9\.0\.0 fixes 1 advisory .*\[MAJOR\]/);
    expect(text.indexOf('express')).toBeLessThan(text.indexOf('jsonwebtoken'));
    expect(text).toContain('mkdirp 0.5.1 holds back minimist 0.0.8 (needs >=0.2.4): upgrade mkdirp to a release that allows them, or override them; fixes 1 advisory');
  });
  it('ignores other checks and non-failing findings', () => {
    expect(buildPlan([{ ...finding({ package: 'qs' }, 'x'), status: 'excepted' }, { ...finding({ package: 'qs' }, 'y'), checkId: 'deps/lockfile-present' }])).toEqual([]);
    expect(renderPlan([])).toMatch(/nothing to upgrade/);
  });
});
