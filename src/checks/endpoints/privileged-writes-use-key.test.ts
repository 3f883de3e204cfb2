import { testCheck } from '../../../test/support/check-tester.js';
import { inventory, site } from '../../code/fixtures.js';
import type { Config } from '../../core/config.js';
import { privilegedWritesUseKey } from './privileged-writes-use-key.js';

testCheck(privilegedWritesUseKey, {
  valid: [
    { name: 'server writes with the key', facts: { 'source-inventory': inventory({ callSites: [site('tablesDB.createRow')] }) } },
    { name: 'server reads with the session', facts: { 'source-inventory': inventory({ callSites: [site('tablesDB.listRows', { auth: 'session' })] }) } },
    { name: 'account updates with the session are the user\'s own', facts: { 'source-inventory': inventory({ callSites: [site('account.updateName', { auth: 'session' })] }) } },
    { name: 'client writes with the session are the client\'s business', facts: { 'source-inventory': inventory({ callSites: [site('tablesDB.createRow', { auth: 'session', runtime: 'client' })] }) } },
    {
      name: 'the threat model declares user-level auth for the path',
      facts: { 'source-inventory': inventory({ callSites: [site('tablesDB.updateRow', { path: 'app/profile/actions.ts', auth: 'session' })] }) },
      config: { threatModel: { boundaries: [], servicePaths: [{ id: 'p', files: ['app/profile/**'], runtime: 'server', auth: 'session' }] } } as unknown as Partial<Config>,
    },
  ],
  invalid: [
    {
      name: 'a server action writing a row, and a function writing a file, with the user\'s credentials',
      facts: {
        'source-inventory': inventory({
          callSites: [
            site('tablesDB.updateRow', { path: 'app/profile/actions.ts', line: 11, auth: 'session' }),
            site('storage.createFile', { path: 'functions/up/main.js', line: 4, auth: 'jwt', runtime: 'function' }),
          ],
        }),
      },
      errors: [
        { messageId: 'sessionWrite', path: 'app/profile/actions.ts', line: 11, severity: 'medium' },
        { messageId: 'sessionWrite', path: 'functions/up/main.js', line: 4 },
      ],
    },
  ],
});
