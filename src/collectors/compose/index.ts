import { defineCollector } from '../../core/collector.js';
import { loadSelfhostInputs } from '../selfhost-env/inputs.js';
import type { ComposeFacts } from './schema.js';

export type { ComposeFacts } from './schema.js';

/**
 * docker compose files (`docker-compose.yml`, `compose.yaml`, overrides such as
 * `docker-compose.override.yml` and `compose.prod.yaml`, and --compose files), with `${VAR}`
 * resolved from the `.env` beside each file as compose does.
 */
export const composeCollector = defineCollector({
  key: 'compose',
  description: 'docker compose files',
  async collect(ctx) {
    const { composeFiles } = await loadSelfhostInputs(ctx);
    if (composeFiles.length === 0) return { state: 'absent', reason: 'no docker-compose.yml / compose.yaml found' };
    if (composeFiles.every((f) => f.error)) {
      return { state: 'error', message: `no compose file could be read: ${composeFiles.map((f) => `${f.path}${f.error?.line ? `:${f.error.line}` : ''}: ${f.error!.message}`).join('; ')}` };
    }
    const value: ComposeFacts = { files: composeFiles };
    return { state: 'ok', value };
  },
});
