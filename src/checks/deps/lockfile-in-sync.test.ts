import { testCheck } from '../../../test/support/check-tester.js';
import { lockfile, lockfilesFacts, manifest } from '../../deps/__fixtures__/check-facts.js';
import { lockfileInSync } from './lockfile-in-sync.js';

const root = manifest('.', { express: '^4.17.1', 'left-pad': '1.3.0' });
const npmLock = (deps: { name: string; spec?: string; version?: string }[]) => lockfile('.', 'npm', [{ dir: '.', dependencies: deps.map((d) => ({ group: 'prod' as const, ...d })) }]);

testCheck(lockfileInSync, {
  valid: [
    { name: 'npm lock records every declared dependency inside its range', facts: { lockfiles: lockfilesFacts({ manifests: [root], lockfiles: [npmLock([{ name: 'express', spec: '^4.17.1', version: '4.17.1' }, { name: 'left-pad', spec: '1.3.0', version: '1.3.0' }])] }) } },
    { name: 'npm: a changed specifier that the locked version still satisfies', facts: { lockfiles: lockfilesFacts({ manifests: [root], lockfiles: [npmLock([{ name: 'express', spec: '^4.0.0', version: '4.17.1' }, { name: 'left-pad', version: '1.3.0' }])] }) } },
    { name: 'workspace, git and file dependencies are not judged', facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', { a: 'workspace:*', b: 'github:user/b', c: 'file:../c' })], lockfiles: [npmLock([])] }) } },
    { name: 'an alias is judged by its range', facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', { sw: 'npm:string-width@^4.2.3' })], lockfiles: [npmLock([{ name: 'sw', spec: 'npm:string-width@^4.2.3', version: '4.2.3' }])] }) } },
    { name: 'a dist-tag cannot be judged', facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', { qs: 'latest' })], lockfiles: [npmLock([{ name: 'qs', spec: 'latest', version: '6.7.0' }])] }) } },
    { name: 'yarn: every descriptor found', facts: { lockfiles: lockfilesFacts({ manifests: [root], lockfiles: [lockfile('.', 'yarn-classic', [{ dir: '.', dependencies: [{ name: 'express', group: 'prod', spec: '^4.17.1', version: '4.17.1' }, { name: 'left-pad', group: 'prod', spec: '1.3.0', version: '1.3.0' }], unresolved: [] }], 'yarn.lock')] }) } },
  ],
  invalid: [
    {
      name: 'a declared dependency the lockfile lacks',
      facts: { lockfiles: lockfilesFacts({ manifests: [root], lockfiles: [npmLock([{ name: 'express', spec: '^4.17.1', version: '4.17.1' }])] }) },
      errors: [{ messageId: 'missing', path: 'package.json', line: 6, resourceId: 'left-pad' }],
    },
    {
      name: 'a locked version outside the declared range',
      facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', { express: '^5.0.0' })], lockfiles: [npmLock([{ name: 'express', spec: '^4.17.1', version: '4.17.1' }])] }) },
      errors: [{ messageId: 'outOfRange', line: 5, resourceId: 'express' }],
    },
    {
      name: 'pnpm: a changed specifier fails a frozen install even when satisfied',
      facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', { express: '^4.0.0' })], lockfiles: [lockfile('.', 'pnpm', [{ dir: '.', dependencies: [{ name: 'express', group: 'prod', spec: '^4.17.1', version: '4.17.1' }] }], 'pnpm-lock.yaml')] }) },
      errors: [{ messageId: 'changed' }],
    },
    {
      name: 'yarn: a range with no descriptor, and a name yarn.lock never saw',
      facts: {
        lockfiles: lockfilesFacts({
          manifests: [manifest('.', { express: '^4.18.0', lodash: '^4.17.21' })],
          lockfiles: [lockfile('.', 'yarn-classic', [{ dir: '.', dependencies: [{ name: 'express', group: 'prod', spec: '^4.18.0' }, { name: 'lodash', group: 'prod', spec: '^4.17.21' }], unresolved: [{ name: 'express', spec: '^4.18.0', lockedSpecs: ['^4.17.1'] }, { name: 'lodash', spec: '^4.17.21', lockedSpecs: [] }] }], 'yarn.lock')],
        }),
      },
      errors: [
        { messageId: 'changed', resourceId: 'express' },
        { messageId: 'missing', resourceId: 'lodash' },
      ],
    },
    {
      name: 'a workspace member out of sync in a monorepo lockfile',
      facts: {
        lockfiles: lockfilesFacts({
          manifests: [manifest('.', {}), manifest('packages/api', { qs: '^6.11.0' })],
          lockfiles: [lockfile('.', 'npm', [{ dir: '.', dependencies: [] }, { dir: 'packages/api', dependencies: [{ name: 'qs', group: 'prod', spec: '^6.7.0', version: '6.7.0' }] }])],
        }),
      },
      errors: [{ messageId: 'outOfRange', path: 'packages/api/package.json' }],
    },
    {
      name: 'an unreadable lockfile is could-not-tell',
      facts: { lockfiles: lockfilesFacts({ failures: [{ path: 'yarn.lock', message: 'unexpected token', line: 7 }] }) },
      errors: [{ messageId: 'unreadable', status: 'error', path: 'yarn.lock', line: 7 }],
    },
  ],
});
