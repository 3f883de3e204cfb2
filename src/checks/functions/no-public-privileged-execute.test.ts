import { testCheck } from '../../../test/support/check-tester.js';
import { fn, project } from '../permissions/__fixtures__/project.js';
import { noPublicPrivilegedExecute } from './no-public-privileged-execute.js';

const anyWrites = await project({ functions: [fn('checkout', { execute: ['any'], scopes: ['rows.read', 'rows.write'] })] });
const usersAdmin = await project({ functions: [fn('invite', { execute: ['users', 'team:ops'], scopes: ['users.write'] })] });
const legacy = await project({ functions: [fn('legacy', { execute: ['role:all'], scopes: ['documents.write'] })] });

testCheck(noPublicPrivilegedExecute, {
  valid: [
    { name: 'public function with read scopes', facts: (await project({ functions: [fn('feed', { execute: ['any'], scopes: ['rows.read'] })] })).facts },
    { name: 'write scopes, team execute only', facts: (await project({ functions: [fn('admin', { execute: ['team:ops/admin'], scopes: ['users.write'] })] })).facts },
    { name: 'write scopes, no execute (events only)', facts: (await project({ functions: [fn('hook', { events: ['users.*.create'], scopes: ['rows.write'] })] })).facts },
  ],
  invalid: [
    { name: 'any + rows.write', facts: anyWrites.facts, errors: [{ messageId: 'privileged', line: anyWrites.line('"any"'), severity: 'critical', resourceId: 'checkout' }] },
    { name: 'users + users.write', facts: usersAdmin.facts, errors: [{ messageId: 'privileged', line: usersAdmin.line('"users"'), severity: 'high' }] },
    { name: 'pre-1.0 role:all', facts: legacy.facts, errors: [{ messageId: 'privileged', line: legacy.line('"role:all"'), severity: 'critical' }] },
  ],
});
