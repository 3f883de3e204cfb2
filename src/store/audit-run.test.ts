import { expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { summarize, type AuditResult } from '../core/result.js';
import { backends, describeBackends } from './__fixtures__/backends.js';
import { finding, manyFindings } from './__fixtures__/findings.js';
import { compareWithBaseline, recordAudit } from './audit-run.js';

const list = await backends();

function result(findings: Finding[], checks = [...new Set(findings.map((f) => f.checkId))]): AuditResult {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'appwrite-secops', version: '9.9.9' },
    root: '/srv/appwrite',
    startedAt: '2025-05-05T05:05:05.000Z',
    durationMs: 777,
    configPath: '/srv/appwrite/appwrite-secops.yaml',
    inputs: [{ kind: 'selfhost-env', path: '.env' }],
    checks: checks.map((id) => ({ id, title: id, severity: 'high', risk: 'r', remediation: 'x', references: [], controls: [] })),
    findings,
    diagnostics: [],
    summary: summarize(findings, 'high'),
  };
}

const A = finding({ checkId: 'selfhost/force-https', resourceId: 'A' });
const B = finding({ checkId: 'selfhost/force-https', resourceId: 'B' });
const E = finding({ checkId: 'compose/no-docker-socket', resourceId: '-', status: 'error' });

describeBackends('audit integration', list, ({ backend, open }) => {
  it('records an audit result as one run, in batches, with its checks', async () => {
    const store = await open(await backend.fresh());
    const findings = manyFindings(12_001);
    const run = await recordAudit(store, result(findings), { env: { CI: 'true', GITHUB_SHA: 'abc', AWS_SECRET_ACCESS_KEY: 'nope-never' } });
    expect(run).toMatchObject({
      state: 'finished',
      complete: true,
      startedAt: '2025-05-05T05:05:05.000Z',
      durationMs: 777,
      toolVersion: '9.9.9',
      root: '/srv/appwrite',
      findingCount: 12_001,
      checks: ['selfhost/force-https'],
      inputs: { inputs: [{ kind: 'selfhost-env', path: '.env' }], configPath: '/srv/appwrite/appwrite-secops.yaml', failOn: 'high' },
    });
    expect(run.environment.ci).toEqual({ CI: 'true', GITHUB_SHA: 'abc' });
    expect(JSON.stringify(run.environment)).not.toContain('nope-never');
    expect(await store.findingsOf(run.id)).toHaveLength(12_001);
  });

  it('an incomplete audit is recorded incomplete, and its errored check fixes nothing', async () => {
    const store = await open(await backend.fresh());
    const D = finding({ checkId: 'compose/no-docker-socket', resourceId: 'D' });
    await recordAudit(store, result([A, D]));
    const run = await recordAudit(store, result([A, E]));
    expect(run).toMatchObject({ complete: false, transitions: { fixed: 0, unchanged: 1 } });
  });

  it('baseline: only findings not in the baseline are introduced', async () => {
    const store = await open(await backend.fresh());
    const base = await recordAudit(store, result([A]));
    const cmp = await compareWithBaseline(store, 'last', result([A, B]));
    expect(cmp.baseline.id).toBe(base.id);
    expect(cmp.introduced).toEqual(new Set([B.fingerprint]));
    expect((await compareWithBaseline(store, String(base.id), result([]))).diff.fixed).toEqual([]); // no check ran
    expect((await compareWithBaseline(store, 'last', result([], ['selfhost/force-https']))).diff.fixed.map((f) => f.fingerprint)).toEqual([A.fingerprint]);
    await expect(compareWithBaseline(store, '42', result([A]))).rejects.toThrow(/no run 42/);
  });
});
