import type { LockfilesFacts } from '../../deps/model.js';

export type { LockfilesFacts };

declare module '../../core/facts.js' {
  interface Facts {
    /** Every package.json, lockfile (npm, yarn classic/berry, pnpm, bun) and CI install step of the workspace. */
    lockfiles: LockfilesFacts;
  }
}
