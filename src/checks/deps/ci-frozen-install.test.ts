import { testCheck } from '../../../test/support/check-tester.js';
import type { CiInstall } from '../../deps/model.js';
import { ciFrozenInstall } from './ci-frozen-install.js';
import { lockfile, lockfilesFacts } from '../../deps/__fixtures__/check-facts.js';

const step = (manager: CiInstall['manager'], subcommand: string, flags: string[] = [], line = 10, hasPackages = false): CiInstall => ({ path: '.github/workflows/ci.yml', line, manager, subcommand, flags, hasPackages });
const berry = [lockfile('.', 'yarn-berry', [], 'yarn.lock')];

testCheck(ciFrozenInstall, {
  valid: [
    { name: 'npm ci', facts: { lockfiles: lockfilesFacts({ ci: [step('npm', 'ci')] }) } },
    { name: 'a global tool install', facts: { lockfiles: lockfilesFacts({ ci: [step('npm', 'install', ['-g'], 10, true)] }) } },
    { name: 'yarn classic frozen', facts: { lockfiles: lockfilesFacts({ ci: [step('yarn', 'install', ['--frozen-lockfile']), step('yarn', '', ['--immutable'])] }) } },
    { name: 'yarn berry is immutable on CI by default', facts: { lockfiles: lockfilesFacts({ lockfiles: berry, ci: [step('yarn', 'install')] }) } },
    { name: 'pnpm is frozen on CI by default', facts: { lockfiles: lockfilesFacts({ ci: [step('pnpm', 'install')] }) } },
    { name: 'bun frozen', facts: { lockfiles: lockfilesFacts({ ci: [step('bun', 'install', ['--frozen-lockfile'])] }) } },
  ],
  invalid: [
    { name: 'npm install', facts: { lockfiles: lockfilesFacts({ ci: [step('npm', 'install', ['--no-audit'], 8)] }) }, errors: [{ messageId: 'npmInstall', path: '.github/workflows/ci.yml', line: 8 }] },
    { name: 'bare yarn on a classic repository', facts: { lockfiles: lockfilesFacts({ ci: [step('yarn', '')] }) }, errors: [{ messageId: 'yarnNotFrozen' }] },
    { name: 'yarn berry with the immutable flag off', facts: { lockfiles: lockfilesFacts({ lockfiles: berry, ci: [step('yarn', 'install', ['--no-immutable'])] }) }, errors: [{ messageId: 'yarnImmutableOff' }] },
    { name: 'pnpm with --no-frozen-lockfile', facts: { lockfiles: lockfilesFacts({ ci: [step('pnpm', 'install', ['--no-frozen-lockfile'])] }) }, errors: [{ messageId: 'pnpmNotFrozen' }] },
    { name: 'bun install', facts: { lockfiles: lockfilesFacts({ ci: [step('bun', 'install')] }) }, errors: [{ messageId: 'bunNotFrozen' }] },
    {
      name: 'two npm installs in one file are two findings',
      facts: { lockfiles: lockfilesFacts({ ci: [step('npm', 'install', [], 8), step('npm', 'install', [], 20)] }) },
      errors: [
        { messageId: 'npmInstall', line: 8 },
        { messageId: 'npmInstall', line: 20 },
      ],
    },
  ],
});
