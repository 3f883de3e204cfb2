import { defineCollector } from '../../core/collector.js';
import { buildDeployments } from './deployments.js';
import { loadSelfhostInputs } from './inputs.js';
import type { SelfhostEnvFacts } from './schema.js';

export type { SelfhostEnvFacts } from './schema.js';

/**
 * `.env` files (any depth; templates such as `.env.example` marked as such), files named with
 * --env-file, and the Appwrite settings given inline in compose files, merged per deployment.
 */
export const selfhostEnvCollector = defineCollector({
  key: 'selfhost-env',
  description: 'self-hosted Appwrite settings (.env files and compose environment)',
  async collect(ctx) {
    const inputs = await loadSelfhostInputs(ctx);
    const deployments = buildDeployments(inputs.envFiles, inputs.composeFiles, ctx.config.selfhost.appwriteServices);
    const hasAppwriteCompose = deployments.some((d) => d.composeFiles.length > 0 && d.appwriteServices.length > 0);
    if (inputs.envFiles.length === 0 && !hasAppwriteCompose) {
      return { state: 'absent', reason: 'no .env files and no compose file running Appwrite' };
    }
    const readable = inputs.envFiles.filter((f) => !f.error);
    if (readable.length === 0 && !hasAppwriteCompose) {
      return { state: 'error', message: `no env file could be read: ${inputs.envFiles.map((f) => `${f.path}: ${f.error}`).join('; ')}` };
    }
    const value: SelfhostEnvFacts = {
      files: inputs.envFiles,
      deployments,
      git: inputs.git,
    };
    return { state: 'ok', value };
  },
});
