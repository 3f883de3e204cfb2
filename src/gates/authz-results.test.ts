import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { parseAuthzResults } from './authz-results.js';

describe('parseAuthzResults', () => {
  it('reads JUnit XML, skipping skipped cases', () => {
    const xml = `<?xml version="1.0"?><testsuites><testsuite name="authz"><testcase classname="orders" name="cross-tenant read denied"/><testcase classname="teams" name="member cannot delete"><failure message="got 200"/></testcase><testcase name="later"><skipped/></testcase></testsuite></testsuites>`;
    expect(parseAuthzResults(xml, 'r.xml')).toEqual([
      { name: 'orders cross-tenant read denied', passed: true },
      { name: 'teams member cannot delete', passed: false },
    ]);
  });
  it('reads a single testsuite root', () => {
    expect(parseAuthzResults('<testsuite><testcase name="a"/></testsuite>', 'r.xml')).toEqual([{ name: 'a', passed: true }]);
  });
  it('reads vitest/jest JSON and the simple form', () => {
    const vitest = { testResults: [{ assertionResults: [{ fullName: 'authz cross-role', status: 'passed' }, { fullName: 'x', status: 'failed' }] }] };
    expect(parseAuthzResults(JSON.stringify(vitest), 'r.json')).toEqual([{ name: 'authz cross-role', passed: true }, { name: 'x', passed: false }]);
    expect(parseAuthzResults('{"tests":[{"name":"t","status":"pass"}]}', 'r.json')).toEqual([{ name: 't', passed: true }]);
  });
  it.each([
    ['<testsuite><testcase name="a"></testsuite>', /well-formed/],
    ['{"results": []}', /unrecognised/],
    ['not json', /neither JUnit XML nor JSON/],
  ])('refuses %s', (text, msg) => {
    expect(() => parseAuthzResults(text, 'r')).toThrow(InputError);
    expect(() => parseAuthzResults(text, 'r')).toThrow(msg);
  });
});
