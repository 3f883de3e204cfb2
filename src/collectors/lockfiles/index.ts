import { defineCollector } from '../../core/collector.js';
import { loadLockfiles } from './load.js';
import './schema.js';

/**
 * Fact `lockfiles`: manifests, lockfiles and CI install steps. A lockfile that does not parse is kept
 * as a failure (with file:line): the checks report it as "could not tell", never as clean.
 */
export const lockfilesCollector = defineCollector({
  key: 'lockfiles',
  description: 'package.json manifests, lockfiles (package-lock, yarn.lock, pnpm-lock.yaml, bun.lock) and CI install steps',
  async collect(ctx) {
    const facts = await loadLockfiles(ctx);
    if (facts.manifests.length === 0 && facts.lockfiles.length === 0 && facts.failures.length === 0 && facts.unsupported.length === 0 && facts.ci.length === 0) {
      return { state: 'absent', reason: 'no package.json, lockfile or CI install step in the workspace' };
    }
    return { state: 'ok', value: facts };
  },
});
