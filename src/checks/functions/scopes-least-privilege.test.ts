import { testCheck } from '../../../test/support/check-tester.js';
import { fn, project } from '../permissions/__fixtures__/project.js';
import { scopesLeastPrivilege } from './scopes-least-privilege.js';

const admin = await project({ functions: [fn('setup', { scopes: ['rows.write', 'keys.write', 'users.write'] })] });
const many = Array.from({ length: 12 }, (_, i) => ['rows.read', 'rows.write', 'files.read', 'files.write', 'executions.read', 'executions.write', 'targets.read', 'targets.write', 'messages.read', 'messages.write', 'topics.read', 'subscribers.read'][i]!);

testCheck(scopesLeastPrivilege, {
  valid: [{ name: 'data scopes only', facts: (await project({ functions: [fn('api', { scopes: ['rows.read', 'rows.write', 'files.read'] })] })).facts }],
  invalid: [
    { name: 'admin scopes', facts: admin.facts, errors: [{ messageId: 'adminScopes', line: admin.line('"scopes"'), severity: 'high', resourceId: 'setup' }] },
    { name: 'more than 10 scopes', facts: (await project({ functions: [fn('kitchen-sink', { scopes: many })] })).facts, errors: [{ messageId: 'tooMany', severity: 'medium' }] },
    { name: 'a typo in a scope', facts: (await project({ functions: [fn('t', { scopes: ['rows.reed'] })] })).facts, errors: [{ messageId: 'unknownScope', severity: 'low' }] },
  ],
});
