import { testCheck } from '../../../test/support/check-tester.js';
import { inventory, site } from '../../code/fixtures.js';
import type { Config } from '../../core/config.js';
import { callSitesMapped } from './call-sites-mapped.js';

testCheck(callSitesMapped, {
  valid: [
    { name: 'every call mapped, auth known', facts: { 'source-inventory': inventory({ callSites: [site('users.list'), site('account.get', { auth: 'session', runtime: 'client' })] }) } },
    {
      name: 'unknown auth declared by the threat model',
      facts: { 'source-inventory': inventory({ callSites: [site('users.list', { path: 'srv/a.ts', auth: 'unknown' })] }) },
      config: { threatModel: { boundaries: [], servicePaths: [{ id: 's', files: ['srv/**'], runtime: 'server', auth: 'key' }] } } as unknown as Partial<Config>,
    },
  ],
  invalid: [
    {
      name: 'a method beyond the catalog, unknown auth, and a file that did not parse',
      facts: {
        'source-inventory': inventory({
          callSites: [site('project.listKeys', { path: 'srv/keys.ts', line: 3 }), site('users.list', { path: 'srv/a.ts', line: 8, auth: 'unknown' }), site('users.get', { path: 'srv/a.ts', line: 9, auth: 'unknown' })],
          incomplete: [{ path: 'src/broken.ts', reason: 'could not be parsed: Unexpected token' }],
        }),
      },
      errors: [
        { messageId: 'unknownOperation', path: 'srv/keys.ts', line: 3 },
        { messageId: 'unknownAuth', path: 'srv/a.ts', line: 8, severity: 'info' },
        { messageId: 'unparsed', path: 'src/broken.ts', status: 'error' },
      ],
    },
  ],
});
