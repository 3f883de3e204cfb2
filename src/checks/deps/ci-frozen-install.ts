import { defineCheck } from '../../core/check.js';
import type { CiInstall } from '../../deps/model.js';
import '../../collectors/lockfiles/schema.js';

type Verdict = 'npmInstall' | 'yarnNotFrozen' | 'yarnImmutableOff' | 'pnpmNotFrozen' | 'bunNotFrozen' | undefined;

/**
 * Judges one install step. yarn berry and pnpm freeze the lockfile on CI by default, so they fail only
 * when the step turns that off; npm install, yarn classic and bun install never do.
 */
function verdict(i: CiInstall, berryOnly: boolean): Verdict {
  const has = (...f: string[]) => f.some((x) => i.flags.includes(x));
  switch (i.manager) {
    case 'npm':
      return i.subcommand === 'install' && !i.hasPackages && !has('-g', '--global') ? 'npmInstall' : undefined;
    case 'yarn':
      if (i.subcommand === 'add') return undefined;
      if (has('--no-immutable', '--immutable=false', '--frozen-lockfile=false')) return 'yarnImmutableOff';
      if (has('--frozen-lockfile', '--immutable', '--immutable=true', '--frozen-lockfile=true')) return undefined;
      return berryOnly ? undefined : 'yarnNotFrozen';
    case 'pnpm':
      return i.subcommand === 'install' && has('--no-frozen-lockfile', '--frozen-lockfile=false') ? 'pnpmNotFrozen' : undefined;
    case 'bun':
      return i.subcommand === 'install' && !i.hasPackages && !has('--frozen-lockfile', '--frozen-lockfile=true', '-g', '--global') ? 'bunNotFrozen' : undefined;
  }
}

export const ciFrozenInstall = defineCheck({
  meta: {
    id: 'deps/ci-frozen-install',
    title: 'CI installs dependencies exactly as the lockfile pins them',
    severity: 'medium',
    risk: 'An install that may rewrite the lockfile (npm install, yarn install without --frozen-lockfile) builds and ships versions nobody reviewed or audited, including a freshly compromised release.',
    remediation: 'Use `npm ci`, `yarn install --frozen-lockfile` (classic) or `--immutable` (berry), `pnpm install --frozen-lockfile`, `bun install --frozen-lockfile` in CI.',
    references: ['https://docs.npmjs.com/cli/commands/npm-ci', 'https://classic.yarnpkg.com/lang/en/docs/cli/install/#toc-yarn-install-frozen-lockfile', 'https://bun.sh/docs/cli/install'],
    controls: ['supply-chain.lockfile', 'ci.reproducible-builds'],
  },
  needs: ['lockfiles'],
  messages: {
    npmInstall: '`npm install` in CI may rewrite package-lock.json; use `npm ci`.',
    yarnNotFrozen: '`yarn {{subcommand}}` in CI without --frozen-lockfile may rewrite yarn.lock (yarn classic); add --frozen-lockfile (or --immutable on yarn 2+).',
    yarnImmutableOff: '`yarn {{subcommand}}` turns off the immutable lockfile in CI.',
    pnpmNotFrozen: '`pnpm install --no-frozen-lockfile` in CI lets pnpm rewrite pnpm-lock.yaml.',
    bunNotFrozen: '`bun install` in CI without --frozen-lockfile may rewrite bun.lock.',
  },
  run({ lockfiles }, { report }) {
    const kinds = new Set(lockfiles.lockfiles.map((l) => l.kind));
    const berryOnly = kinds.has('yarn-berry') && !kinds.has('yarn-classic');
    const seen = new Map<string, number>();
    for (const i of lockfiles.ci) {
      const v = verdict(i, berryOnly);
      if (!v) continue;
      const id = `${i.path}|${i.manager} ${i.subcommand}`;
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      report({
        messageId: v,
        data: { subcommand: i.subcommand || 'install' },
        resource: { type: 'ci-step', id: `${i.manager} ${i.subcommand || 'install'}` },
        location: { path: i.path, line: i.line },
        // the n-th such step of a file: stable when unrelated lines move
        key: `${v}#${n}`,
      });
    }
  },
});
