import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../core/errors.js';

export interface AuthzTestCase {
  name: string;
  passed: boolean;
}

/**
 * Reads negative-authorization test results: JUnit XML, vitest/jest JSON (`testResults[].assertionResults[]`),
 * or the simple `{ "tests": [{ "name", "status" }] }`. Anything else is an input error, never "no tests".
 */
export function parseAuthzResults(text: string, file: string): AuthzTestCase[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) return parseJUnit(text, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file} is neither JUnit XML nor JSON: ${(err as Error).message}`, { position: { path: file } });
  }
  const d = data as { testResults?: { assertionResults?: { fullName?: string; title?: string; status?: string }[] }[]; tests?: { name?: string; status?: string }[] };
  if (Array.isArray(d.testResults)) {
    return d.testResults.flatMap((f) => (f.assertionResults ?? []).map((a) => ({ name: a.fullName ?? a.title ?? '(unnamed)', passed: a.status === 'passed' })));
  }
  if (Array.isArray(d.tests)) return d.tests.map((t) => ({ name: t.name ?? '(unnamed)', passed: t.status === 'passed' || t.status === 'pass' }));
  throw new InputError(`${file}: unrecognised test-result JSON (expected vitest/jest "testResults" or {"tests": [...]})`, { position: { path: file } });
}

function parseJUnit(text: string, file: string): AuthzTestCase[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InputError(`${file} is not well-formed XML: ${valid.err.msg}`, { position: { path: file, line: valid.err.line } });
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(text) as Record<string, unknown>;
  const suites = ((doc.testsuites as { testsuite?: unknown[] } | undefined)?.testsuite ?? (doc.testsuite as unknown[] | undefined) ?? []) as { testcase?: Record<string, unknown>[] }[];
  const out: AuthzTestCase[] = [];
  for (const s of suites) {
    for (const tc of s.testcase ?? []) {
      const name = `${String(tc['@classname'] ?? '')} ${String(tc['@name'] ?? '')}`.trim();
      const failed = 'failure' in tc || 'error' in tc;
      const skipped = 'skipped' in tc;
      if (!skipped) out.push({ name, passed: !failed });
    }
  }
  return out;
}
