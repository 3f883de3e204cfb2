import type { Finding } from '../core/finding.js';
import type { AuditResult } from '../core/result.js';
import { compareText, evidenceEntries, formatException, formatLocation, formatResource, groupBy, validPosition } from './presentation.js';
import { xmlAttr, xmlText } from './xml-escape.js';

interface TestCase {
  classname: string;
  name: string;
  finding: Finding;
}

/**
 * JUnit XML for CI test dashboards: one `<testsuite>` per area and one `<testcase>` per check and
 * resource (classname = check id; name = the resource, else the file, else the check title).
 * fail -> `<failure>`, error -> `<error>` (could not tell), skipped -> `<skipped/>`, excepted -> a
 * passing case with a `<system-out>` note. Like every reporter it shows all findings; CI decides.
 */
export function renderJunit(result: AuditResult): string {
  const cases = uniqueNames(result.findings.map((f) => ({ classname: f.checkId, name: caseName(f), finding: f })));
  cases.sort((a, b) => compareText(a.finding.area, b.finding.area) || compareText(a.classname, b.classname) || compareText(a.name, b.name));
  const suites = groupBy(cases, (c) => c.finding.area);
  const total = counts(cases);
  const seconds = (Math.max(0, result.durationMs) / 1000).toFixed(3);

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="${xmlAttr(result.tool.name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="${seconds}" timestamp="${xmlAttr(result.startedAt)}">`,
  );
  for (const [area, inSuite] of suites) {
    const c = counts(inSuite);
    out.push(
      `  <testsuite name="${xmlAttr(area)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="0" timestamp="${xmlAttr(result.startedAt)}">`,
    );
    out.push('    <properties>');
    out.push(`      <property name="tool" value="${xmlAttr(`${result.tool.name} ${result.tool.version}`)}"/>`);
    out.push(`      <property name="failOn" value="${xmlAttr(result.summary.failOn)}"/>`);
    out.push('    </properties>');
    for (const tc of inSuite) out.push(...testCase(tc));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function testCase(tc: TestCase): string[] {
  const f = tc.finding;
  const file = f.location ? ` file="${xmlAttr(f.location.path)}"` : '';
  const line = f.location && validPosition(f.location.line) ? ` line="${f.location.line}"` : '';
  const open = `    <testcase classname="${xmlAttr(tc.classname)}" name="${xmlAttr(tc.name)}"${file}${line} time="0"`;
  switch (f.status) {
    case 'pass':
      return [`${open}/>`];
    case 'skipped':
      return [`${open}>`, `      <skipped message="${xmlAttr(f.message)}"/>`, '    </testcase>'];
    case 'fail':
      return [`${open}>`, `      <failure message="${xmlAttr(f.message)}" type="${f.severity}">${xmlText(details(f))}</failure>`, '    </testcase>'];
    case 'error':
      return [`${open}>`, `      <error message="${xmlAttr(f.message)}" type="could-not-tell">${xmlText(details(f))}</error>`, '    </testcase>'];
    case 'excepted': {
      const note = `Accepted risk (${f.severity}): ${f.message}\n${f.exception ? formatException(f.exception) : 'no exception details recorded'}\nfingerprint: ${f.fingerprint}`;
      return [`${open}>`, `      <system-out>${xmlText(note)}</system-out>`, '    </testcase>'];
    }
  }
}

/** The body of a failure or error: everything a reader needs without opening another report. */
function details(f: Finding): string {
  const lines = [f.message, '', `check: ${f.checkId} (${f.title})`, `severity: ${f.severity}`];
  const loc = formatLocation(f.location);
  if (loc) lines.push(`location: ${loc}`);
  const res = formatResource(f.resource);
  if (res) lines.push(`resource: ${res}`);
  if (f.errorDetail && f.errorDetail !== f.message) lines.push(`detail: ${f.errorDetail}`);
  for (const [k, v] of evidenceEntries(f.evidence)) lines.push(`evidence ${k}: ${v}`);
  if (f.aliases?.length) lines.push(`aliases: ${f.aliases.join(', ')}`);
  lines.push(`fix: ${f.remediation}`);
  for (const r of f.references) lines.push(`see: ${r}`);
  lines.push(`fingerprint: ${f.fingerprint}`);
  return lines.join('\n');
}

/**
 * A resource, else a file, else the check title. The line is left out on purpose (like the
 * fingerprint), so that CI test history follows a finding when unrelated lines move.
 */
function caseName(f: Finding): string {
  if (f.resource) return `${f.resource.type} ${f.resource.name ?? f.resource.id}${f.location ? ` in ${f.location.path}` : ''}`;
  if (f.location) return f.location.path;
  return f.title;
}

/** CI tools merge test cases with one classname and name, so a repeated name gets the fingerprint. */
function uniqueNames(cases: TestCase[]): TestCase[] {
  const seen = new Map<string, number>();
  for (const c of cases) {
    const k = `${c.classname}\u0000${c.name}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return cases.map((c) => (seen.get(`${c.classname}\u0000${c.name}`)! > 1 ? { ...c, name: `${c.name} [${c.finding.fingerprint.slice(0, 8)}]` } : c));
}

function counts(cases: readonly TestCase[]): { tests: number; failures: number; errors: number; skipped: number } {
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const c of cases) {
    if (c.finding.status === 'fail') failures++;
    else if (c.finding.status === 'error') errors++;
    else if (c.finding.status === 'skipped') skipped++;
  }
  return { tests: cases.length, failures, errors, skipped };
}
