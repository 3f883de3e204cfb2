import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/collector.js';
import { FIXTURE_RESULT, METAS, finding, makeResult } from './__fixtures__/result.js';
import { shortHint } from './presentation.js';
import { DIAGNOSTICS_SHOWN, renderText } from './text.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;
const plain = (result = FIXTURE_RESULT, verbose = false) => renderText(result, { color: false, verbose });
const lines = (text: string) => text.split('\n');
const indexOfLine = (text: string, re: RegExp) => lines(text).findIndex((l) => re.test(l));

describe('text reporter', () => {
  it('matches the snapshot', async () => {
    await expect(plain()).toMatchFileSnapshot('./__snapshots__/report.txt');
  });

  it('matches the verbose snapshot', async () => {
    await expect(plain(FIXTURE_RESULT, true)).toMatchFileSnapshot('./__snapshots__/report.verbose.txt');
  });

  it('uses colour only when asked, whatever the terminal', () => {
    expect(renderText(FIXTURE_RESULT, { color: true })).toMatch(ANSI);
    expect(plain()).not.toMatch(ANSI);
    // Same words either way: colour is decoration only.
    // eslint-disable-next-line no-control-regex
    expect(renderText(FIXTURE_RESULT, { color: true }).replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain());
  });

  it('groups failing findings by severity, critical first, then by area', () => {
    const out = plain();
    const order = ['CRITICAL (4)', 'HIGH (2)', 'MEDIUM (3)', 'LOW (1)', 'INFO (2)'].map((h) => indexOfLine(out, new RegExp(`^${h.replace(/[()]/g, '\\$&')}$`)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const critical = lines(out).slice(order[0], order[1]);
    expect(critical.filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim())).toEqual(['permissions', 'selfhost']);
  });

  it('shows each failing finding with path:line and a fix hint', () => {
    const out = plain();
    expect(out).toContain('      .env:7:1  _APP_OPENSSL_KEY_V1 is the installer placeholder');
    expect(out).toContain('      docker-compose.yml:88:9  Service "mariadb" publishes port 3306 to the host.');
    expect(out).toContain('      .env:12  _APP_OPTIONS_FORCE_HTTPS is "disabled"');
    expect(out).toMatch(/\.env:12 .*\n {6}fix: Set _APP_OPTIONS_FORCE_HTTPS=enabled and restart Appwrite\./);
  });

  it('prints a shared fix once per check, and per finding when a check overrode it', () => {
    const out = plain();
    const block = out.slice(out.indexOf('compose/images-pinned'), out.indexOf('keys/expiry-set'));
    expect(block.match(/fix:/g)).toHaveLength(2);
    expect(block).toContain('fix: Use appwrite/appwrite:1.8.1 (the latest known release) or its digest.');
    const secrets = out.slice(out.indexOf('selfhost/secrets-not-default'), out.indexOf('HIGH (2)'));
    expect(secrets.match(/fix:/g)).toHaveLength(1);
  });

  it('names the resource of a finding that has no file', () => {
    expect(plain()).toContain('        resource: api-key "CI deploy" (66a1f0c2e4b1)');
  });

  it('shows could-not-tell findings prominently with their detail', () => {
    const out = plain();
    const at = indexOfLine(out, /^COULD NOT TELL \(2\)$/);
    expect(at).toBeGreaterThan(indexOfLine(out, /^INFO \(2\)$/));
    expect(out).toContain('  compose/docker-sock-restricted  docker-compose.override.yml');
    expect(out).toContain('      detail: EACCES: run the audit as a user that can read the file');
    // The collector error already holds its detail in the message: it is not printed twice.
    expect(out.match(/excessive YAML alias count/g)).toHaveLength(1);
  });

  it('lists excepted findings with owner and expiry', () => {
    const out = plain();
    expect(out).toContain('ACCEPTED RISK (1)');
    expect(out).toContain('  medium  selfhost/console-access-restricted  .env:18');
    expect(out).toContain('      excepted: owner platform-team@example.com, expires 2026-12-10: Console is only reachable over the VPN (INFRA-412).');
  });

  it('lists diagnostics sorted by file and line', () => {
    const out = plain();
    const problems = lines(out).slice(indexOfLine(out, /^INPUT PROBLEMS \(3\)$/) + 1, indexOfLine(out, /^INPUT PROBLEMS/) + 4);
    expect(problems).toEqual([
      '  warning .env:4  _APP_DOMAIN is set twice; the last value (line 9) wins',
      '  warning .env:31  line is not NAME=value; it was skipped',
      '  error   docker-compose.override.yml:4:3  not valid YAML: unexpected end of the stream within a flow collection',
    ]);
  });

  it('caps diagnostics without verbose and lists them all with it', () => {
    const many: Diagnostic[] = Array.from({ length: DIAGNOSTICS_SHOWN + 5 }, (_, i) => ({ level: 'warning', message: `bad line ${i + 1}`, path: '.env', line: i + 1, source: 'collector' }));
    const result = makeResult({ diagnostics: many });
    expect(plain(result).match(/bad line/g)).toHaveLength(DIAGNOSTICS_SHOWN);
    expect(plain(result)).toContain('… and 5 more (--verbose lists them all)');
    expect(plain(result, true).match(/bad line/g)).toHaveLength(DIAGNOSTICS_SHOWN + 5);
  });

  it('counts passes and skips, and lists them only with verbose', () => {
    expect(plain()).toContain('1 passed and 1 skipped (--verbose lists them)');
    expect(plain()).not.toContain('selfhost/graphql-introspection-off');
    const verbose = plain(FIXTURE_RESULT, true);
    expect(verbose).toContain('PASSED (1)\n  selfhost/graphql-introspection-off · GraphQL introspection is off in production');
    expect(verbose).toContain('SKIPPED (1)\n  deps/no-known-vulnerabilities · Not applicable: no lockfile found');
  });

  it('shows evidence, fingerprints, references and the full fix only with verbose', () => {
    const verbose = plain(FIXTURE_RESULT, true);
    expect(verbose).toContain('        evidence: name=_APP_OPENSSL_KEY_V1, value=your-secret-key, length=15');
    expect(verbose).toContain(`        fingerprint: ${FIXTURE_RESULT.findings[0]!.fingerprint}`);
    expect(verbose).toContain('Never rotate it casually');
    expect(verbose).toContain('      see: https://appwrite.io/docs/');
    expect(plain()).not.toContain('evidence:');
    expect(plain()).not.toContain('Never rotate it casually');
  });

  it('ends with a summary line and the verdict', () => {
    const out = lines(plain());
    expect(out.at(-3)).toBe(
      'Summary: 12 failing (4 critical, 2 high, 3 medium, 1 low, 2 info) · 6 blocking at --fail-on high · 1 excepted · 2 could not tell · 1 passed · 1 skipped; incomplete.',
    );
    expect(out.at(-2)).toBe('Result: BLOCKED: 6 findings at or above high.');
  });

  it.each([
    ['incomplete', makeResult({ failOn: 'critical', findings: [finding(METAS.forceHttps, { message: 'm' }), finding(METAS.graphql, { status: 'error', message: 'x' })] }), 'Result: INCOMPLETE: 1 check could not tell'],
    ['clean', makeResult({ failOn: 'critical', findings: [finding(METAS.forceHttps, { message: 'm' })] }), 'Result: PASSED: nothing at or above critical.'],
    ['fail-on none', makeResult({ failOn: 'none' }), '0 blocking (--fail-on none)'],
    ['nothing failing', makeResult({ findings: [finding(METAS.graphql, { status: 'pass' })], diagnostics: [] }), 'No failing findings.'],
  ])('words the %s case', (_name, result, text) => {
    expect(plain(result)).toContain(text);
  });

  it('never filters by fail-on: findings below the threshold are still listed', () => {
    expect(plain(makeResult({ failOn: 'critical' }))).toContain('_APP_STORAGE_ANTIVIRUS is "disabled".');
  });

  it('shows escape sequences and bidi controls from audited files as visible text', () => {
    const evil = finding(METAS.forceHttps, { message: 'value "\u001b]52;c;ZXZpbA==\u0007\u001b[2J" and \u202eevil\u202c', location: { path: '.env\u001b[31m', line: 2 } });
    const out = plain(makeResult({ findings: [evil], diagnostics: [{ level: 'warning', message: 'x\u001by', source: 'collector' }] }));
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
    expect(out).toContain('\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{1b}[2J');
    expect(out).toContain('\\u{202e}evil');
  });

  it('keeps a multi-line message inside its block', () => {
    const out = plain(makeResult({ findings: [finding(METAS.forceHttps, { message: 'first\nsecond', location: { path: '.env', line: 1 } })] }));
    expect(out).toContain('      .env:1  first\n        second\n');
  });
});

describe('shortHint', () => {
  it.each([
    ['Set X. Restart it.', 'Set X.'],
    ['Upgrade to 1.8.1 or later. Then restart.', 'Upgrade to 1.8.1 or later.'],
    ['Use a tag, e.g. appwrite/appwrite:1.8.1 and pin it.', 'Use a tag, e.g. appwrite/appwrite:1.8.1 and pin it.'],
    ['One sentence only', 'One sentence only'],
  ])('%s -> %s', (input, expected) => {
    expect(shortHint(input, false)).toBe(expected);
    expect(shortHint(input, true)).toBe(input);
  });
});
