import { testCheck } from '../../../test/support/check-tester.js';
import { inventory, site } from '../../code/fixtures.js';
import type { Config } from '../../core/config.js';
import { matchesThreatModel } from './matches-threat-model.js';

const tm = (servicePaths: unknown[]) => ({ threatModel: { boundaries: [], servicePaths } }) as unknown as Partial<Config>;

testCheck(matchesThreatModel, {
  valid: [
    { name: 'no threat model: nothing to compare', facts: { 'source-inventory': inventory({ callSites: [site('users.list', { runtime: 'client' })] }) } },
    {
      name: 'runtime and auth as declared; unknown auth never disagrees; function counts as trusted',
      facts: { 'source-inventory': inventory({ callSites: [site('users.list', { path: 'api/a.ts' }), site('users.get', { path: 'api/b.ts', auth: 'unknown' }), site('users.get', { path: 'functions/f/main.js', runtime: 'function' })] }) },
      config: tm([
        { id: 'api', files: ['api/**'], runtime: 'server', auth: 'key' },
        { id: 'fn', files: ['functions/**'], runtime: 'server', auth: ['key', 'jwt'] },
      ]),
    },
  ],
  invalid: [
    {
      name: 'declared server, bundled for the client, with a key instead of the declared session',
      facts: { 'source-inventory': inventory({ callSites: [site('databases.listDocuments', { path: 'lib/db.ts', line: 7, runtime: 'client', runtimeReason: 'imported by client module a.tsx', auth: 'key' })] }) },
      config: tm([{ id: 'lib', files: ['lib/**'], runtime: 'server', auth: 'session' }]),
      errors: [
        { messageId: 'runtime', path: 'lib/db.ts', line: 1, severity: 'high', resourceId: 'lib' },
        { messageId: 'auth', path: 'lib/db.ts', line: 7, severity: 'high' },
      ],
    },
    {
      name: 'a session where a key was declared is medium; a stale path is low',
      facts: { 'source-inventory': inventory({ callSites: [site('tablesDB.createRow', { path: 'api/x.ts', line: 3, auth: 'session' })] }) },
      config: tm([
        { id: 'api', files: ['api/**'], runtime: 'server', auth: 'key' },
        { id: 'old', files: ['legacy/**'], runtime: 'server', auth: 'key' },
      ]),
      errors: [
        { messageId: 'auth', path: 'api/x.ts', line: 3, severity: 'medium' },
        { messageId: 'stale', severity: 'low', resourceId: 'old' },
      ],
    },
  ],
});
