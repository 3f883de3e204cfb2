import { describe, expect, it } from 'vitest';
import { FINDING_STATUSES } from '../core/finding.js';
import { RESULT_SCHEMA_VERSION } from '../core/result.js';
import { FAIL_ON_LEVELS, SEVERITIES } from '../core/severity.js';
import { FIXTURE_FINDINGS, FIXTURE_RESULT, METAS, finding, makeResult } from './__fixtures__/result.js';
import { describeErrors, reportSchema, reportValidator } from './__fixtures__/validators.js';
import { renderJson } from './json.js';

function render(result = FIXTURE_RESULT): Record<string, unknown> & { findings: Array<Record<string, unknown>> } {
  return JSON.parse(renderJson(result)) as Record<string, unknown> & { findings: Array<Record<string, unknown>> };
}

function expectValid(doc: unknown): void {
  const validate = reportValidator();
  const ok = validate(doc);
  expect(ok, describeErrors(validate.errors)).toBe(true);
}

describe('json reporter', () => {
  it('matches the snapshot', async () => {
    await expect(renderJson(FIXTURE_RESULT)).toMatchFileSnapshot('./__snapshots__/report.json');
  });

  it('validates against schema/report.schema.json', () => {
    expectValid(render());
  });

  it.each([
    ['no findings at all', makeResult({ findings: [], diagnostics: [], checks: [] })],
    ['no config file', makeResult({ configPath: undefined })],
    ['everything passes', makeResult({ findings: [finding(METAS.forceHttps, { status: 'pass' })] })],
    ['fail-on none', makeResult({ failOn: 'none' })],
  ])('validates for %s', (_name, result) => {
    expectValid(render(result));
  });

  it('keeps every finding with every field, in the order given', () => {
    const doc = render();
    expect(doc.findings).toHaveLength(FIXTURE_FINDINGS.length);
    expect(doc.findings.map((f) => f.fingerprint)).toEqual(FIXTURE_FINDINGS.map((f) => f.fingerprint));
    expect(doc.findings).toEqual(JSON.parse(JSON.stringify(FIXTURE_FINDINGS)));
    expect(doc).toMatchObject({
      schemaVersion: '1.0.0',
      tool: { name: 'appwrite-secops', version: '0.1.0' },
      verdict: 'blocked',
      summary: FIXTURE_RESULT.summary,
      inputs: FIXTURE_RESULT.inputs,
      checks: JSON.parse(JSON.stringify(FIXTURE_RESULT.checks)),
    });
    expect((doc.diagnostics as unknown[]).length).toBe(FIXTURE_RESULT.diagnostics.length);
  });

  it.each([
    ['blocked', makeResult(), 'blocked'],
    ['incomplete', makeResult({ failOn: 'critical', findings: [finding(METAS.forceHttps), finding(METAS.graphql, { status: 'error', message: 'x' })] }), 'incomplete'],
    ['clean', makeResult({ failOn: 'critical', findings: [finding(METAS.forceHttps)] }), 'clean'],
  ])('derives the verdict: %s', (_name, result, verdict) => {
    expect(render(result).verdict).toBe(verdict);
  });

  it('writes BigInt values (Appwrite SDK sizes) as decimal strings instead of throwing', () => {
    const big = 2n ** 70n;
    const f = finding(METAS.keyExpiry, { message: 'big', evidence: { size: big as unknown as number } });
    const doc = render(makeResult({ findings: [f] }));
    expect(doc.findings[0]!.evidence).toEqual({ size: '1180591620717411303424' });
    expectValid(doc);
  });

  it('leaves out unknown positions (below 1) instead of publishing line 0', () => {
    const f = finding(METAS.forceHttps, { message: 'm', location: { path: '.env', line: 0, column: 4 } });
    const g = finding(METAS.antivirus, { message: 'm', location: { path: '.env', line: 3, column: 0, endLine: 2 } });
    const doc = render(makeResult({ findings: [f, g], diagnostics: [{ level: 'warning', message: 'd', path: '.env', line: 0, column: 2, source: 'collector' }] }));
    expect(doc.findings.map((x) => x.location)).toEqual([{ path: '.env' }, { path: '.env', line: 3 }]);
    expect(doc.diagnostics).toEqual([{ level: 'warning', message: 'd', path: '.env', source: 'collector' }]);
    expectValid(doc);
  });

  it('sorts diagnostics so that parallel collectors give the same report twice', () => {
    const a = { level: 'warning' as const, message: 'a', path: 'b.env', line: 2, source: 'collector' };
    const b = { level: 'error' as const, message: 'b', path: 'a.env', line: 9, source: 'collector' };
    expect(renderJson(makeResult({ diagnostics: [a, b] }))).toBe(renderJson(makeResult({ diagnostics: [b, a] })));
  });
});

describe('schema/report.schema.json', () => {
  const schema = reportSchema() as { $defs: Record<string, { enum?: string[] }>; properties: { schemaVersion: { pattern: string } } };

  it('lists the same severities, statuses and fail-on levels as the code', () => {
    expect(schema.$defs.severity!.enum).toEqual([...SEVERITIES]);
    expect(schema.$defs.status!.enum).toEqual([...FINDING_STATUSES]);
    expect(schema.$defs.failOn!.enum).toEqual([...FAIL_ON_LEVELS]);
  });

  it('accepts the current RESULT_SCHEMA_VERSION (bump the schema with the major)', () => {
    expect(new RegExp(schema.properties.schemaVersion.pattern).test(RESULT_SCHEMA_VERSION)).toBe(true);
  });

  const base = () => render();
  it.each<[string, (d: ReturnType<typeof render>) => void]>([
    ['an unknown status', (d) => (d.findings[0]!.status = 'maybe')],
    ['an unknown severity', (d) => (d.findings[0]!.severity = 'severe')],
    ['an excepted finding without its exception', (d) => delete d.findings.find((f) => f.status === 'excepted')!.exception],
    ['an exception on a failing finding', (d) => (d.findings[0]!.exception = { reason: 'r', owner: 'o', expires: '2026-12-01', index: 0 })],
    ['line 0', (d) => (d.findings[0]!.location = { path: '.env', line: 0 })],
    ['an evidence object', (d) => (d.findings[0]!.evidence = { nested: { a: 1 } })],
    ['a missing summary', (d) => delete d.summary],
    ['an undocumented top-level field', (d) => (d.extra = 1)],
    ['an undocumented finding field', (d) => (d.findings[0]!.note = 'x')],
    ['a malformed fingerprint', (d) => (d.findings[0]!.fingerprint = 'not-hex')],
    ['a bad expiry date', (d) => (d.findings.find((f) => f.status === 'excepted')!.exception = { reason: 'r', owner: 'o', expires: 'soon', index: 0 })],
  ])('rejects %s', (_name, mutate) => {
    const doc = base();
    mutate(doc);
    expect(reportValidator()(doc)).toBe(false);
  });
});
