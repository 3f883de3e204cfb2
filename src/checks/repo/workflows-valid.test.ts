import { describe, expect, it } from 'vitest';
import { testCheck } from '../../../test/support/check-tester.js';
import { parseWorkflow, WorkflowParseError } from '../../collectors/github/parse.js';
import { workflowsValid } from './workflows-valid.js';
import { repoFacts } from './__fixtures__/repo-facts.js';

testCheck(workflowsValid, {
  valid: [{ name: 'parses', facts: repoFacts({ 'a.yml': 'on: push\njobs: {}\n' }) }],
  invalid: [
    {
      name: 'broken workflow',
      facts: { 'github-repo': { workflows: [{ path: '.github/workflows/a.yml', on: [], jobs: [], invalid: 'bad indentation', invalidLine: 4 }], ecosystems: {} } },
      errors: [{ messageId: 'invalid', line: 4 }],
    },
  ],
});

describe('parseWorkflow', () => {
  it('reports the line of a syntax error', () => {
    const err = (() => { try { parseWorkflow('on: push\njobs:\n  a:\n    steps: [\n', 'x.yml'); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(WorkflowParseError);
    expect((err as WorkflowParseError).line).toBeGreaterThan(1);
  });
  it('stops an alias bomb', () => {
    const lines = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) lines.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(',')}]`);
    expect(() => parseWorkflow(lines.join('\n'), 'x.yml')).toThrow(/alias/i);
  });
  it('reads every trigger form', () => {
    expect(parseWorkflow('on: push\njobs: {}', 'x').on).toEqual(['push']);
    expect(parseWorkflow('on: [push, pull_request]\njobs: {}', 'x').on).toEqual(['push', 'pull_request']);
    expect(parseWorkflow('on:\n  pull_request_target:\n    types: [opened]\n  push: {}\njobs: {}', 'x').on).toEqual(['pull_request_target', 'push']);
  });
});
