import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { FIXTURE_RESULT, METAS, finding, makeResult } from './__fixtures__/result.js';
import { htmlText, mdCell, mdCode, mdProse } from './markdown-escape.js';
import { COMMENT_MAX_BYTES, renderMarkdown, STEP_SUMMARY_MAX_BYTES } from './markdown.js';

/** Pipes GFM treats as cell borders: those not escaped by an odd run of backslashes. */
function cellBorders(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] !== '|') continue;
    let back = 0;
    for (let j = i - 1; j >= 0 && row[j] === '\\'; j--) back++;
    if (back % 2 === 0) n++;
  }
  return n;
}

/** Every table row has as many cells as its header. */
function expectWellFormedTables(md: string): void {
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\|(-|---:|\|)+\|?$/.test(lines[i]!.replace(/---:?/g, '-'))) continue;
    const width = cellBorders(lines[i - 1]!);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cellBorders(lines[j]!), lines[j]).toBe(width);
  }
  expect(md.match(/<details>/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0);
}

describe('markdown reporter', () => {
  it('matches the snapshot', async () => {
    await expect(renderMarkdown(FIXTURE_RESULT)).toMatchFileSnapshot('./__snapshots__/report.md');
  });

  it('writes well-formed tables and balanced details', () => {
    expectWellFormedTables(renderMarkdown(FIXTURE_RESULT));
  });

  it('starts with the verdict and a summary table', () => {
    const md = renderMarkdown(FIXTURE_RESULT);
    expect(md.startsWith('## 🔴 appwrite-secops audit: blocked by 6 findings at or above high\n')).toBe(true);
    expect(md).toContain('| Failing | 4 | 2 | 3 | 1 | 2 |');
    expect(md).toContain('**6** blocking (fail-on `high`) · **12** failing · **2** could not tell · **1** excepted');
  });

  it('keeps severities that block open and collapses the others', () => {
    const md = renderMarkdown(FIXTURE_RESULT);
    expect(md).toContain('#### Critical (4)');
    expect(md).toContain('#### High (2)');
    expect(md).toContain('<summary><b>Medium (3) · does not block</b></summary>');
    expect(md).toContain('<summary><b>Info (2) · does not block</b></summary>');
    const lenient = renderMarkdown(makeResult({ failOn: 'low' }));
    expect(lenient).toContain('#### Medium (3)');
    expect(lenient).toContain('#### Low (1)');
  });

  it('has could-not-tell and accepted-risk sections with owner and expiry', () => {
    const md = renderMarkdown(FIXTURE_RESULT);
    expect(md).toContain('### Could not tell (2)');
    expect(md).toContain('docker-compose.override.yml could not be read: permission denied.<br>EACCES');
    expect(md).toContain('### Accepted risk (1)');
    expect(md).toContain('| `selfhost/console-access-restricted` | medium | `.env:18` |');
    expect(md).toContain('| `platform-team@example.com` | 2026-12-10 | Console is only reachable over the VPN (INFRA-412). |');
  });

  it('lists input problems, evidence and passed/skipped checks in collapsed sections', () => {
    const md = renderMarkdown(FIXTURE_RESULT);
    expect(md).toContain('<summary><b>Input problems (3)</b></summary>');
    expect(md).toContain('| error | `docker-compose.override.yml:4:3` |');
    expect(md).toContain('<summary><b>Evidence (8)</b></summary>');
    expect(md).toContain('value: fixt…#');
    expect(md).toContain('<summary><b>Passed (1) and skipped (1) checks</b></summary>');
  });

  it('shows variable names and author code spans as code, so underscores are not emphasis', () => {
    const md = renderMarkdown(FIXTURE_RESULT);
    expect(md).toContain('`_APP_OPENSSL_KEY_V1` is the installer placeholder');
    expect(md).toContain('Generate a random key with `openssl rand -hex 64` and set `_APP_OPENSSL_KEY_V1`.');
  });

  it('escapes hostile content from audited files', () => {
    const hostile: Finding = finding(METAS.imagesPinned, {
      message: 'Image "evil | x" <img src=https://t.example/p.gif> ![t](https://t.example/i.png) [click](javascript:alert(1)) `code` $x^2$ **bold** ~~s~~ &amp;\nsecond line',
      location: { path: 'a|b`c.yml', line: 3 },
      remediation: 'Pin `evil|tag` and <b>stop</b>.',
      evidence: { image: '<script>alert(1)</script>|' },
    });
    const md = renderMarkdown(makeResult({ findings: [hostile], diagnostics: [{ level: 'warning', message: 'x | <b>y</b>', path: 'p|q', line: 1, source: 'collector' }] }));
    expectWellFormedTables(md);
    expect(md).not.toMatch(/(^|[^\\])<(img|script|b>stop)/);
    expect(md).toContain('\\<img src=');
    expect(md).not.toMatch(/(^|[^\\])!\[t\]/);
    expect(md).not.toMatch(/(^|[^\\])\[click\]/);
    expect(md).toContain('\\$x^2\\$');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).toContain('\\&amp;');
    expect(md).toContain('<br>second line');
    expect(md).toContain('``a\\|b`c.yml:3``');
  });

  it('stays under the 1 MiB step-summary limit by truncating with a note', () => {
    const findings = Array.from({ length: 4000 }, (_, i) =>
      finding(METAS.forceHttps, { message: `finding ${i} ${'x'.repeat(400)}`, location: { path: `svc-${i}/.env`, line: i + 1 }, evidence: { n: i } }),
    );
    const md = renderMarkdown(makeResult({ findings, diagnostics: [] }));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(md)).toBeGreaterThan(STEP_SUMMARY_MAX_BYTES - 4096);
    expect(md).toMatch(/Report truncated:\*\* \d+ more rows not shown, to stay within 1024 KiB/);
    expectWellFormedTables(md);
    const shown = md.match(/\| `selfhost\/force-https` \| `svc-\d+/g)!.length;
    const omitted = Number(/(\d+) more rows/.exec(md)![1]);
    // every finding row and evidence row is either shown or counted as left out
    expect(shown + omitted).toBe(4000 * 2);
  });

  it('honours a smaller limit for PR comments', () => {
    const findings = Array.from({ length: 500 }, (_, i) => finding(METAS.forceHttps, { message: `finding ${i} ${'é'.repeat(200)}`, location: { path: '.env', line: i + 1 } }));
    const md = renderMarkdown(makeResult({ findings }), { maxBytes: COMMENT_MAX_BYTES });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_MAX_BYTES);
    expect(md).toContain('Report truncated');
    expectWellFormedTables(md);
  });

  it('adds no truncation note when everything fits', () => {
    expect(renderMarkdown(FIXTURE_RESULT)).not.toContain('truncated');
  });

  it('truncates a pathological single message instead of letting it fill the budget', () => {
    const md = renderMarkdown(makeResult({ findings: [finding(METAS.forceHttps, { message: 'y'.repeat(200_000) })] }));
    expect(md.length).toBeLessThan(5000);
    expect(md).toContain('y…');
  });
});

describe('markdown escaping', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['*x* _y_', '\\*x\\* \\_y\\_'],
    ['<b>', '\\<b\\>'],
    ['[a](b)', '\\[a\\](b)'],
    ['$1', '\\$1'],
    ['line\nnext', 'line<br>next'],
    ['tab\there', 'tab here'],
    ['esc\u001b', 'esc\\\\u{1b}'],
    ['stan…#1a2b3c4d', 'stan…#1a2b3c4d'],
  ])('mdCell(%j) = %j', (input, expected) => expect(mdCell(input)).toBe(expected));

  it.each([
    ['plain', '`plain`'],
    ['has `tick`', '`` has `tick` ``'],
    ['`starts', '`` `starts ``'],
    ['a|b', '`a\\|b`'],
    ['multi\nline', '`multi line`'],
    ['', ''],
  ])('mdCode(%j) = %j', (input, expected) => expect(mdCode(input)).toBe(expected));

  it('keeps author code spans and formats variable names in prose', () => {
    expect(mdProse('Set _APP_ENV=production with `docker compose up -d`, then *restart*.')).toBe(
      'Set `_APP_ENV`=production with `docker compose up -d`, then \\*restart\\*.',
    );
    expect(mdProse('`a|b` and <x>', { inTable: false })).toBe('`a|b` and \\<x\\>');
  });

  it('entity-escapes text inside HTML', () => {
    expect(htmlText('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
