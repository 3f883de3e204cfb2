import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Finding } from '../../src/core/finding.js';
import { redactSecret } from '../../src/core/redact.js';
import { summarize, type AuditResult } from '../../src/core/result.js';
import { renderHtml } from '../../src/reporters/html.js';
import { CHROMIUM_ARGS, findChromium } from '../support/browser.js';

const chromium = findChromium();
const CANARY = `standard_${'ab12'.repeat(64)}`;

function f(checkId: string, severity: Finding['severity'], status: Finding['status'], message: string, extra: Partial<Finding> = {}): Finding {
  return { checkId, area: checkId.split('/')[0]!, title: 't', severity, status, message, remediation: 'Do the right thing.', references: ['https://appwrite.io/docs'], controls: [], fingerprint: `${checkId}-${message.length}`, ...extra };
}

const findings: Finding[] = [
  f('selfhost/openssl-key-strong', 'critical', 'fail', '_APP_OPENSSL_KEY_V1 is the placeholder "your-secret-key".', { location: { path: '.env', line: 12 }, evidence: { value: redactSecret(CANARY) } }),
  f('compose/internal-ports-private', 'high', 'fail', 'mariadb publishes 3306 to the host.', { location: { path: 'docker-compose.yml', line: 40 } }),
  f('permissions/no-public-write', 'critical', 'fail', 'collection orders grants create to any. <script>alert(1)</script>', { location: { path: 'appwrite.json', line: 30 } }),
  f('deps/no-known-vulnerabilities', 'medium', 'excepted', 'lodash 4.17.20 GHSA-xxxx', { exception: { reason: 'not reachable', owner: 'web-team', expires: '2026-12-31', index: 0 } }),
  f('repo/actions-pinned', 'high', 'error', 'could not read workflow'),
  f('repo/dependabot-cooldown', 'low', 'pass', 'No problem found.'),
];
const result: AuditResult = { schemaVersion: '1.0.0', tool: { name: 'appwrite-secops', version: '0.1.0' }, root: '/srv/appwrite', startedAt: '2026-11-29T12:00:00.000Z', durationMs: 120, inputs: [], checks: [], findings, diagnostics: [], summary: summarize(findings, 'high') };

describe.skipIf(!!chromium.skipReason)('HTML report in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { chromium: pw } = await import('playwright-core');
    const dir = await mkdtemp(path.join(tmpdir(), 'html-'));
    const file = path.join(dir, 'report.html');
    const html = renderHtml({
      result,
      gate: { schemaVersion: '1', score: 62, minScore: 70, decision: 'blocked', generatedAt: '', controls: [{ id: 'G4', title: 'Privileged writes only server-side', family: 'release', status: 'missing', weight: 15, critical: true, summary: '1 critical finding', evidence: [] }] },
      matrix: [{ resourceType: 'collection', resourceId: 'orders', resourceName: 'Orders', action: 'create', role: 'any', level: 'resource' }],
      keys: [{ environment: 'prod', name: 'orders-api-prod', scopes: ['documents.write'], expire: null, accessedAt: '2026-11-28', sdks: ['Node.js'] }],
      trend: [{ date: '2026-11-01', critical: 4, high: 6, medium: 3, low: 1 }, { date: '2026-11-15', critical: 3, high: 4, medium: 3, low: 2 }, { date: '2026-11-29', critical: 2, high: 2, medium: 1, low: 1 }],
    });
    expect(html).not.toContain(CANARY);
    await writeFile(file, html);
    context = await pw.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'chromium-profile-')), { executablePath: chromium.path, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('renders the score, gates, findings and the extra sections', async () => {
    expect(await page.title()).toBe('appwrite-secops report');
    expect(await page.locator('.decision').textContent()).toBe('BLOCKED');
    expect(await page.locator('tr.finding:visible').count()).toBe(5); // fail, error, excepted by default
    for (const id of ['#gates', '#matrix', '#keys', '#trend']) expect(await page.locator(id).count()).toBe(1);
    expect(await page.locator('text=<script>alert(1)</script>').count()).toBe(1); // shown as text, not run
  });

  it('filters by severity, status and area, and searches', async () => {
    await page.selectOption('#f-severity', 'critical');
    expect(await page.locator('tr.finding:visible').count()).toBe(2);
    await page.selectOption('#f-area', 'permissions');
    expect(await page.locator('tr.finding:visible').count()).toBe(1);
    await page.selectOption('#f-severity', '');
    await page.selectOption('#f-area', '');
    await page.selectOption('#f-status', 'pass');
    expect(await page.locator('tr.finding:visible').count()).toBe(1);
    await page.selectOption('#f-status', '');
    await page.fill('#f-search', 'mariadb');
    expect(await page.locator('tr.finding:visible').count()).toBe(1);
    await page.fill('#f-search', 'no such thing');
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await page.fill('#f-search', '');
  });

  it('expands a finding to show its fix and redacted evidence', async () => {
    await page.locator('tr.finding', { hasText: 'OPENSSL' }).click();
    const detail = page.locator('tr.detail:visible');
    expect(await detail.textContent()).toContain('Do the right thing.');
    expect(await detail.textContent()).toContain(redactSecret(CANARY));
  });

  it('makes no network request and logs no console error', async () => {
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/html-report.png', fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
