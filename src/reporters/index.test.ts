import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUDIT_FORMATS } from '../cli/commands/audit.js';
import { UsageError } from '../core/errors.js';
import { redactSecret } from '../core/redact.js';
import { FIXTURE_RESULT, METAS, finding, makeResult } from './__fixtures__/result.js';
import { reportSchema } from './__fixtures__/validators.js';
import { COMMENT_MAX_BYTES, isReportFormat, renderReport, REPORT_FORMATS, type ReportFormat } from './index.js';

describe('renderReport', () => {
  it('renders every format', async () => {
    const out = Object.fromEntries(await Promise.all(REPORT_FORMATS.map(async (f) => [f, await renderReport(FIXTURE_RESULT, f, { color: false })] as const)));
    expect(out.text).toMatch(/^appwrite-secops 0\.1\.0 audit of/);
    expect(JSON.parse(out.json!).schemaVersion).toBe('1.0.0');
    expect(JSON.parse(out.sarif!).version).toBe('2.1.0');
    expect(out.markdown).toMatch(/^## /);
    expect(out.junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    for (const text of Object.values(out)) expect(text.endsWith('\n')).toBe(true);
  });

  it('passes colour and verbosity to the text reporter only', async () => {
    // eslint-disable-next-line no-control-regex
    expect(await renderReport(FIXTURE_RESULT, 'text', { color: true })).toMatch(/\u001b\[/);
    expect(await renderReport(FIXTURE_RESULT, 'text', { color: false, verbose: true })).toContain('PASSED (1)');
    // eslint-disable-next-line no-control-regex
    expect(await renderReport(FIXTURE_RESULT, 'json', { color: true })).not.toMatch(/\u001b\[/);
  });

  it('passes maxBytes to the markdown reporter (PR comments are limited to 65,536 characters)', async () => {
    const findings = Array.from({ length: 400 }, (_, i) => finding(METAS.forceHttps, { message: `m${i} ${'x'.repeat(300)}`, location: { path: '.env', line: i + 1 } }));
    const md = await renderReport(makeResult({ findings }), 'markdown', { color: false, maxBytes: COMMENT_MAX_BYTES });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_MAX_BYTES);
    expect(md).toContain('Report truncated');
    expect(await renderReport(makeResult({ findings }), 'markdown', { color: false })).not.toContain('Report truncated');
  });

  it.each(REPORT_FORMATS)('%s writes BigInt evidence (Appwrite SDK values) as its decimal digits', async (format) => {
    const f = finding(METAS.keyExpiry, { message: 'big', location: { path: '.env', line: 1 }, evidence: { bytes: (2n ** 80n) as unknown as number } });
    const out = await renderReport(makeResult({ findings: [f] }), format, { color: false, verbose: true });
    expect(out).toContain('1208925819614629174706176');
  });

  it('rejects an unknown format with a usage error', async () => {
    await expect(renderReport(FIXTURE_RESULT, 'pdf' as ReportFormat, { color: false })).rejects.toBeInstanceOf(UsageError);
  });

  it('loads reporters on demand: index.ts imports none of them statically', () => {
    const src = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/^(import|export) .* from '\.\/(text|json|sarif|markdown|junit)\.js'/m);
    for (const f of REPORT_FORMATS) expect(src).toContain(`await import('./${f}.js')`);
  });

  it('offers exactly the formats the audit command accepts', () => {
    expect([...REPORT_FORMATS]).toEqual([...AUDIT_FORMATS]);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('pdf')).toBe(false);
  });
});

/**
 * Reporters receive findings that are already redacted; what they must guarantee is that the redacted
 * form reaches every output verbatim (no format mangles it into something unrecognisable) and that
 * nothing in them can bring the raw value back.
 */
describe('canary secret', () => {
  // Built at run time so that no file in the repository holds a secret-shaped string.
  const hex = Array.from({ length: 8 }, (_, i) => createHash('sha256').update(`canary-${i}`).digest('hex')).join('');
  const canary = `standard_${hex}`;
  const redacted = redactSecret(canary);
  const leak = finding(METAS.secretsNotDefault, {
    message: `_APP_EXECUTOR_SECRET holds a real key ${redacted} in a tracked file.`,
    resource: { type: 'env-var', id: '_APP_EXECUTOR_SECRET' },
    location: { path: '.env', line: 3 },
    evidence: { value: redacted, length: canary.length },
  });
  const excepted = finding(METAS.consoleWhitelist, {
    status: 'excepted',
    message: `excepted ${redacted}`,
    exception: { reason: `rotating ${redacted} next sprint`, owner: 'ops', expires: '2026-12-31', index: 0 },
  });
  const result = makeResult({ findings: [leak, excepted, finding(METAS.graphql, { status: 'error', message: `could not read ${redacted}`, errorDetail: redacted })] });

  it('is a 256-hex Appwrite-style key and redacts to prefix plus hash', () => {
    expect(hex).toMatch(/^[0-9a-f]{512}$/);
    expect(redacted).toMatch(/^stan…#[0-9a-f]{8}$/);
  });

  it.each([
    ['text', { color: false }],
    ['text', { color: false, verbose: true }],
    ['text', { color: true, verbose: true }],
    ['json', { color: false }],
    ['sarif', { color: false }],
    ['markdown', { color: false }],
    ['junit', { color: false }],
  ] as const)('%s %j shows the redacted form unchanged and never the secret', async (format, opts) => {
    const out = await renderReport(result, format, opts);
    expect(out).toContain(redacted);
    expect(out).not.toContain(canary);
    expect(out).not.toContain(hex.slice(0, 16));
    expect(out).not.toMatch(/standard_[0-9a-f]{8}/);
  });

  it('carries the redacted evidence into every machine format', async () => {
    expect(JSON.parse(await renderReport(result, 'json', { color: false })).findings[0].evidence.value).toBe(redacted);
    expect(JSON.parse(await renderReport(result, 'sarif', { color: false })).runs[0].results[0].properties.evidence.value).toBe(redacted);
    expect(await renderReport(result, 'junit', { color: false })).toContain(`evidence value: ${redacted}`);
    expect(await renderReport(result, 'markdown', { color: false })).toContain(`value: ${redacted}`);
  });
});

describe('snapshot files', () => {
  const dir = new URL('./__snapshots__/', import.meta.url);
  const files = readdirSync(dir).filter((f) => !f.startsWith('.'));

  it('exist for every format', () => {
    expect(files.sort()).toEqual(['report.json', 'report.junit.xml', 'report.md', 'report.sarif', 'report.txt', 'report.verbose.txt']);
  });

  it.each(files)('%s holds nothing that looks like a real secret', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    expect(text).not.toMatch(/(standard|dev)_[0-9a-f]{16,}/);
    // fingerprints are 32 hex; anything longer would be a key or a full hash of one
    expect(text).not.toMatch(/[0-9a-f]{33,}/);
    expect(text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  });
});

describe('docs/report-format.md', () => {
  const doc = readFileSync(new URL('../../docs/report-format.md', import.meta.url), 'utf8');
  const schema = reportSchema() as { properties: Record<string, unknown>; $defs: Record<string, { properties?: Record<string, unknown> }> };

  it('documents every field of the JSON report and of a finding', () => {
    const fields = [...Object.keys(schema.properties), ...Object.keys(schema.$defs.finding!.properties!), ...Object.keys(schema.$defs.summary!.properties!)];
    const missing = fields.filter((f) => !doc.includes(`\`${f}\``));
    expect(missing).toEqual([]);
  });

  it('documents every format', () => {
    for (const f of REPORT_FORMATS) expect(doc).toMatch(new RegExp(`^## .*${f === 'sarif' ? 'SARIF' : f === 'junit' ? 'JUnit' : f === 'json' ? 'JSON' : f === 'markdown' ? 'Markdown' : 'text'}`, 'm'));
  });
});
