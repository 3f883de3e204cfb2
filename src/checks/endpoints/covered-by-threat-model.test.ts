import { testCheck } from '../../../test/support/check-tester.js';
import { inventory, site } from '../../code/fixtures.js';
import type { Config } from '../../core/config.js';
import { coveredByThreatModel } from './covered-by-threat-model.js';

const tm = (servicePaths: unknown[]) => ({ threatModel: { boundaries: [], servicePaths } }) as unknown as Partial<Config>;
const sites = [site('databases.createDocument', { path: 'src/app/api/a/route.ts', line: 5 }), site('users.list', { path: 'src/app/api/a/route.ts', line: 9 }), site('account.get', { path: 'src/components/Me.tsx', line: 3, runtime: 'client', auth: 'session' })];

testCheck(coveredByThreatModel, {
  valid: [
    { name: 'no call sites at all', facts: { 'source-inventory': inventory() } },
    {
      name: 'every call site in a path that allows it',
      facts: { 'source-inventory': inventory({ callSites: sites }) },
      config: tm([
        { id: 'api', files: ['src/app/api/**'], runtime: 'server', auth: 'key', operations: ['databases.*', 'users.list'] },
        { id: 'ui', files: ['src/components/**'], runtime: 'client', auth: 'session' },
      ]),
    },
  ],
  invalid: [
    { name: 'no threat model: one low finding', facts: { 'source-inventory': inventory({ callSites: sites }) }, errors: [{ messageId: 'noThreatModel', severity: 'low', path: 'src/app/api/a/route.ts', line: 5 }] },
    {
      name: 'a file outside every path, and an operation a path does not list',
      facts: { 'source-inventory': inventory({ callSites: sites }) },
      config: tm([{ id: 'api', files: ['src/app/api/**'], runtime: 'server', auth: 'key', operations: ['databases.createDocument'] }]),
      errors: [
        { messageId: 'uncovered', path: 'src/components/Me.tsx', line: 3, severity: 'medium' },
        { messageId: 'notAllowed', path: 'src/app/api/a/route.ts', line: 9, resourceId: 'api' },
      ],
    },
  ],
});
