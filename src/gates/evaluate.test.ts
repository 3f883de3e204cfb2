import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../core/config-schema.js';
import type { Finding } from '../core/finding.js';
import { summarize, type AuditResult } from '../core/result.js';
import { evaluateGates } from './evaluate.js';
import type { GateInput } from './controls.js';
import { extractNotes, renderSecurityGates } from './security-gates-md.js';

const NOW = new Date('2026-11-29T12:00:00Z');

function f(checkId: string, status: Finding['status'], severity: Finding['severity'] = 'high'): Finding {
  return { checkId, area: checkId.split('/')[0]!, title: 't', severity, status, message: `${checkId} ${status}`, remediation: 'r', references: [], controls: [], fingerprint: `${checkId}-${status}-fp` };
}

function input(findings: Finding[], cfg: ConfigInput = {}, extra: Partial<GateInput> = {}): GateInput {
  const audit: AuditResult = { schemaVersion: '1', tool: { name: 'x', version: '0' }, root: '/r', startedAt: '', durationMs: 0, inputs: [], checks: [], findings, diagnostics: [], summary: summarize(findings, 'high') };
  return { audit, config: configSchema.parse(cfg), files: [], authz: [], now: NOW, ...extra };
}

const passingAuthz = [{ file: 'authz.xml', cases: [{ name: 'cross-tenant: user B cannot read user A orders', passed: true }, { name: 'cross-role: member cannot delete team', passed: true }] }];
const goodConfig: ConfigInput = {
  evidence: { retentionDays: 90, mirror: { kind: 'appwrite-secops-store' } },
  monitoring: { alertRoutes: [{ name: 'sec', kind: 'slack', target: 'SLACK_WEBHOOK_ENV' }], drills: [{ runbook: 'key-leak', date: '2026-11-01' }] },
};
const allPass = ['selfhost/a', 'compose/b', 'permissions/c', 'keys/d', 'deps/e', 'repo/f', 'client/g', 'endpoints/h'].map((id) => f(id, 'pass'));
const runbooks = ['runbooks/key-leak.md', 'runbooks/account-takeover.md', 'runbooks/data-exposure.md'];

describe('evaluateGates', () => {
  it('passes a workspace where every control holds', () => {
    const g = evaluateGates(input(allPass, goodConfig, { authz: passingAuthz, files: runbooks }));
    expect(g.controls.find((c) => c.id === 'G1')!.status).toBe('missing'); // no threat model: not critical
    expect(g.decision).toBe('pass');
    expect(g.score).toBeGreaterThanOrEqual(70);
    expect(g.controls.find((c) => c.id === 'G5')!.status).toBe('met');
  });

  it('blocks on a missing critical control despite a high score', () => {
    const findings = [...allPass.filter((x) => x.checkId !== 'client/g'), f('client/g', 'fail', 'critical')];
    const g = evaluateGates(input(findings, goodConfig, { authz: passingAuthz, files: runbooks }));
    expect(g.controls.find((c) => c.id === 'G4')!.status).toBe('missing');
    expect(g.score).toBeGreaterThanOrEqual(70);
    expect(g.decision).toBe('blocked');
    expect(g.controls.find((c) => c.id === 'G5')!.summary).toContain('G4');
  });

  it('fails on score when no critical control is missing but much is partial', () => {
    const findings = allPass.map((x) => ({ ...x, status: 'fail' as const, severity: 'medium' as const }));
    const g = evaluateGates(input(findings, { gates: { minScore: 80 } }, { authz: passingAuthz }));
    expect(g.decision).toBe('fail');
    expect(g.score).toBeLessThan(80);
  });

  it('G3 is honestly missing without results, and missing when a test failed', () => {
    expect(evaluateGates(input(allPass)).controls.find((c) => c.id === 'G3')!.status).toBe('missing');
    const failed = [{ file: 'a.json', cases: [{ name: 'cross-tenant read', passed: false }] }];
    expect(evaluateGates(input(allPass, {}, { authz: failed })).controls.find((c) => c.id === 'G3')!.status).toBe('missing');
    const onlyTenant = [{ file: 'a.json', cases: [{ name: 'cross-tenant read denied', passed: true }] }];
    expect(evaluateGates(input(allPass, {}, { authz: onlyTenant })).controls.find((c) => c.id === 'G3')!.status).toBe('partial');
  });

  it('could-not-tell findings make a family partial, never met', () => {
    const g = evaluateGates(input([f('selfhost/a', 'error')]));
    expect(g.controls.find((c) => c.id === 'hardening.selfhost')!.status).toBe('partial');
  });

  it('weights and criticality are configurable', () => {
    const findings = [f('repo/f', 'fail', 'high')];
    expect(evaluateGates(input(findings)).controls.find((c) => c.id === 'repository.controls')!.critical).toBe(false);
    const g = evaluateGates(input(findings, { gates: { controls: { 'repository.controls': { critical: true, weight: 50 } } } }));
    expect(g.controls.find((c) => c.id === 'repository.controls')).toMatchObject({ critical: true, weight: 50 });
    expect(g.decision).toBe('blocked');
  });

  it('skipped-only families are not applicable and leave the score alone', () => {
    const g = evaluateGates(input([f('selfhost/a', 'skipped')]));
    expect(g.controls.find((c) => c.id === 'hardening.selfhost')!.status).toBe('not-applicable');
  });
});

describe('SECURITY_GATES.md', () => {
  it('is deterministic and keeps notes written in marked sections', () => {
    const g = evaluateGates(input(allPass, goodConfig, { authz: passingAuthz, files: runbooks }));
    const first = renderSecurityGates(g);
    expect(renderSecurityGates(g)).toBe(first);
    const edited = first.replace(/(<!-- notes:G3:start[^>]*-->\n)/, '$1Our authz suite lives in test/authz; owner: @sec-team\n');
    const again = renderSecurityGates(g, edited);
    expect(again).toContain('Our authz suite lives in test/authz; owner: @sec-team');
    expect(extractNotes(again).get('G3')).toBe('Our authz suite lives in test/authz; owner: @sec-team\n');
    expect(renderSecurityGates(g, again)).toBe(again);
  });
});
