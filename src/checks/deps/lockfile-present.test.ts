import { testCheck } from '../../../test/support/check-tester.js';
import { lockfile, lockfilesFacts, manifest } from '../../deps/__fixtures__/check-facts.js';
import { lockfilePresent } from './lockfile-present.js';

testCheck(lockfilePresent, {
  valid: [
    { name: 'a lockfile next to the manifest', facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', { qs: '^6.7.0' })], lockfiles: [lockfile('.', 'npm', [])] }) } },
    { name: 'no dependencies, no lockfile needed', facts: { lockfiles: lockfilesFacts({ manifests: [manifest('docs', {})] }) } },
    {
      name: 'a workspace member covered by the root lockfile importers',
      facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', {}), manifest('packages/api', { qs: '^6' })], lockfiles: [lockfile('.', 'pnpm', [{ dir: 'packages/api', dependencies: [] }], 'pnpm-lock.yaml')] }) },
    },
    {
      name: 'a workspace member matched by the root workspaces globs (yarn)',
      facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', {}, { workspaces: ['packages/*'] }), manifest('packages/api', { qs: '^6' })], lockfiles: [lockfile('.', 'yarn-classic', [], 'yarn.lock')] }) } },
    { name: 'an unreadable lockfile still exists', facts: { lockfiles: lockfilesFacts({ manifests: [manifest('app', { qs: '^6' })], failures: [{ path: 'app/yarn.lock', message: 'x' }] }) } },
    { name: 'bun.lockb counts as a lockfile', facts: { lockfiles: lockfilesFacts({ manifests: [manifest('app', { qs: '^6' })], unsupported: [{ path: 'app/bun.lockb', reason: 'binary' }] }) } },
    {
      name: 'peer dependencies alone need no lockfile',
      facts: { lockfiles: lockfilesFacts({ manifests: [{ ...manifest('lib', {}), dependencies: [{ name: 'react', spec: '^18', group: 'peer' }] }] }) },
    },
  ],
  invalid: [
    { name: 'no lockfile at all', facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', { qs: '^6.7.0', express: '^4' })] }) }, errors: [{ messageId: 'missing', path: 'package.json', line: 1, resourceId: 'package.json' }] },
    {
      name: 'a nested project outside the workspace globs',
      facts: { lockfiles: lockfilesFacts({ manifests: [manifest('.', {}, { workspaces: ['packages/*'] }), manifest('tools/gen', { qs: '^6' })], lockfiles: [lockfile('.', 'npm', [{ dir: '.', dependencies: [] }])] }) },
      errors: [{ messageId: 'missing', path: 'tools/gen/package.json' }],
    },
    {
      name: 'a lockfile in a sibling folder does not cover',
      facts: { lockfiles: lockfilesFacts({ manifests: [manifest('a', { qs: '^6' }), manifest('b', { qs: '^6' })], lockfiles: [lockfile('a', 'npm', [{ dir: '.', dependencies: [] }])] }) },
      errors: [{ messageId: 'missing', path: 'b/package.json' }],
    },
  ],
});
