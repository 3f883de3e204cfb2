import { testCheck } from '../../../test/support/check-tester.js';
import { fn, project } from '../permissions/__fixtures__/project.js';
import { noPublicExecuteOnTriggered } from './no-public-execute-on-triggered.js';

const cron = await project({ functions: [fn('billing', { execute: ['users'], schedule: '0 0 1 * *' })] });
const events = await project({ functions: [fn('welcome', { execute: ['any'], events: ['users.*.create'] })] });

testCheck(noPublicExecuteOnTriggered, {
  valid: [
    { name: 'scheduled, no execute', facts: (await project({ functions: [fn('nightly', { schedule: '0 3 * * *' })] })).facts },
    { name: 'public HTTP function without triggers', facts: (await project({ functions: [fn('api', { execute: ['any'] })] })).facts },
    { name: 'scheduled, team execute', facts: (await project({ functions: [fn('report', { execute: ['team:ops'], schedule: '@daily' })] })).facts },
  ],
  invalid: [
    { name: 'schedule + users', facts: cron.facts, errors: [{ messageId: 'triggered', line: cron.line('"users"'), resourceId: 'billing' }] },
    { name: 'events + any', facts: events.facts, errors: [{ messageId: 'triggered', line: events.line('"any"') }] },
  ],
});
