import { describe, expect, it } from 'vitest';
import { runCheck, testCheck } from '../../../test/support/check-tester.js';
import { project } from '../permissions/__fixtures__/project.js';
import { noMockNumbers } from './no-mock-numbers.js';

const mocks = await project({ settings: { auth: { security: { mockNumbers: [{ phone: '+15555550123', otp: '913579' }] } } } });

testCheck(noMockNumbers, {
  valid: [
    { name: 'empty list', facts: (await project({ settings: { auth: { security: { mockNumbers: [] } } } })).facts },
    { name: 'no settings', facts: (await project({})).facts },
  ],
  invalid: [{ name: 'a mock number', facts: mocks.facts, errors: [{ messageId: 'mock', line: mocks.line('"mockNumbers"'), severity: 'high' }] }],
});

describe('auth/no-mock-numbers output', () => {
  it('never shows the fixed code', async () => {
    const text = JSON.stringify(await runCheck(noMockNumbers, { name: 'otp', facts: mocks.facts }));
    expect(text).toContain('+15555550123');
    expect(text).not.toContain('913579');
  });
});
