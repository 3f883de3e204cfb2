import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { FIXTURE_RESULT, METAS, finding, makeResult } from './__fixtures__/result.js';
import { renderJunit } from './junit.js';
import { xmlAttr, xmlText } from './xml-escape.js';

interface ParsedCase {
  '@_classname': string;
  '@_name': string;
  '@_file'?: string;
  '@_line'?: string;
  failure?: { '#text': string; '@_message': string; '@_type': string };
  error?: { '#text': string; '@_message': string; '@_type': string };
  skipped?: { '@_message': string };
  'system-out'?: string;
}
interface ParsedSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase: ParsedCase[];
}

function parse(xml: string): { testsuites: { '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string; testsuite: ParsedSuite[] } } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true, // also decodes numeric references such as &#10;
  });
  return parser.parse(xml);
}

function expectWellFormed(xml: string): void {
  const v = XMLValidator.validate(xml);
  expect(v, JSON.stringify(v)).toBe(true);
}

describe('junit reporter', () => {
  it('matches the snapshot', async () => {
    await expect(renderJunit(FIXTURE_RESULT)).toMatchFileSnapshot('./__snapshots__/report.junit.xml');
  });

  it('is well-formed XML', () => {
    expectWellFormed(renderJunit(FIXTURE_RESULT));
  });

  it('has one testsuite per area and one testcase per finding', () => {
    const doc = parse(renderJunit(FIXTURE_RESULT));
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s['@_name'])).toEqual(['compose', 'deps', 'exceptions', 'keys', 'permissions', 'repo', 'selfhost']);
    const cases = suites.flatMap((s) => s.testcase);
    expect(cases).toHaveLength(FIXTURE_RESULT.findings.length);
    expect(doc.testsuites).toMatchObject({ '@_tests': '17', '@_failures': '12', '@_errors': '2', '@_skipped': '1' });
    for (const s of suites) {
      expect(Number(s['@_tests'])).toBe(s.testcase.length);
      expect(Number(s['@_failures'])).toBe(s.testcase.filter((c) => c.failure).length);
      expect(Number(s['@_errors'])).toBe(s.testcase.filter((c) => c.error).length);
      expect(Number(s['@_skipped'])).toBe(s.testcase.filter((c) => c.skipped !== undefined).length);
      for (const c of s.testcase) expect(c['@_classname'].startsWith(`${s['@_name']}/`)).toBe(true);
    }
  });

  it('maps each status to its element', () => {
    const cases = parse(renderJunit(FIXTURE_RESULT)).testsuites.testsuite.flatMap((s) => s.testcase);
    const byClass = (id: string) => cases.filter((c) => c['@_classname'] === id);

    const port = byClass('compose/db-port-not-published')[0]!;
    expect(port).toMatchObject({ '@_name': 'compose-service mariadb in docker-compose.yml', '@_file': 'docker-compose.yml', '@_line': '88' });
    expect(port.failure).toMatchObject({ '@_type': 'high', '@_message': 'Service "mariadb" publishes port 3306 to the host.' });
    expect(port.failure!['#text']).toContain('location: docker-compose.yml:88:9');
    expect(port.failure!['#text']).toContain('fix: Remove the `ports:` entry');

    const couldNotTell = byClass('repo/workflow-permissions')[0]!;
    expect(couldNotTell.error).toMatchObject({ '@_type': 'could-not-tell' });
    expect(couldNotTell['@_name']).toBe(METAS.workflowPerms.title);

    const skipped = byClass('deps/no-known-vulnerabilities')[0]!;
    expect(skipped.skipped).toEqual({ '@_message': 'Not applicable: no lockfile found' });

    const passed = byClass('selfhost/graphql-introspection-off')[0]!;
    expect(passed.failure ?? passed.error ?? passed.skipped).toBeUndefined();

    const excepted = byClass('selfhost/console-access-restricted')[0]!;
    expect(excepted.failure ?? excepted.error).toBeUndefined();
    expect(excepted['system-out']).toContain('owner platform-team@example.com, expires 2026-12-10: Console is only reachable over the VPN');
  });

  it('names a case by resource, else file, else check title, without the line', () => {
    const cases = parse(renderJunit(FIXTURE_RESULT)).testsuites.testsuite.flatMap((s) => s.testcase);
    const names = Object.fromEntries(cases.map((c) => [`${c['@_classname']}|${c['@_name']}`, true]));
    expect(names['keys/expiry-set|api-key CI deploy']).toBe(true);
    expect(names['selfhost/security-email-set|.env']).toBe(true);
    expect(names['selfhost/graphql-introspection-off|GraphQL introspection is off in production']).toBe(true);
  });

  it('makes repeated names unique so CI tools do not merge two findings', () => {
    const a = finding(METAS.forceHttps, { message: 'a', location: { path: '.env', line: 1 }, fingerprint: 'a'.repeat(32) });
    const b = finding(METAS.forceHttps, { message: 'b', location: { path: '.env', line: 9 }, fingerprint: 'b'.repeat(32) });
    const cases = parse(renderJunit(makeResult({ findings: [a, b] }))).testsuites.testsuite[0]!.testcase;
    expect(cases.map((c) => c['@_name'])).toEqual(['.env [aaaaaaaa]', '.env [bbbbbbbb]']);
  });

  it('escapes markup, quotes and characters XML 1.0 forbids, keeping the report parseable', () => {
    const nasty = 'a <b> & "c" \'d\' ]]> \u0000 \u0001 \u001b[31m \ud800 \uFFFE \uFFFF \u0085 tab\there\r\nline2 😀';
    const f: Finding = finding(METAS.forceHttps, {
      message: nasty,
      location: { path: `dir/${nasty}`, line: 2 },
      resource: { type: 'env-var', id: nasty },
      evidence: { v: nasty },
      exception: undefined,
    });
    const e: Finding = finding(METAS.graphql, { status: 'excepted', message: nasty, exception: { reason: nasty, owner: 'o', expires: '2026-12-31', index: 0 } });
    const xml = renderJunit(makeResult({ findings: [f, e], tool: { name: `appwrite-secops${nasty}`, version: nasty } }));
    expectWellFormed(xml);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    const c = parse(xml).testsuites.testsuite.flatMap((s) => s.testcase).find((x) => x.failure)!;
    expect(c.failure!['@_message']).toBe("a <b> & \"c\" 'd' ]]> \\u{0} \\u{1} \\u{1b}[31m \\u{d800} \\u{fffe} \\u{ffff} \\u{85} tab\there\nline2 😀");
    expect(c.failure!['#text']).toContain('😀');
  });

  it('keeps newlines and tabs in attributes as character references', () => {
    expect(xmlAttr('a\nb\tc"d')).toBe('a&#10;b&#9;c&quot;d');
    expect(xmlText('x < y && z > w')).toBe('x &lt; y &amp;&amp; z &gt; w');
  });

  it('writes a valid empty report', () => {
    const xml = renderJunit(makeResult({ findings: [], checks: [], diagnostics: [] }));
    expectWellFormed(xml);
    expect(xml).toContain('<testsuites name="appwrite-secops" tests="0" failures="0" errors="0" skipped="0"');
  });
});
