import { defineCollector } from '../../core/collector.js';
import { loadProjectFacts } from './load.js';

export type { AppwriteProjectFacts, ConfigFailure, ConfigProblem } from './schema.js';
export { loadProjectFacts } from './load.js';
export { parseProjectFile, PROJECT_FILE_NAMES } from './parse.js';

export const appwriteConfigCollector = defineCollector({
  key: 'appwrite-project',
  description: 'Appwrite CLI project files (appwrite.config.json, appwrite.json)',
  async collect(ctx) {
    const named = ctx.inputs.appwriteConfig;
    return loadProjectFacts({
      workspace: ctx.workspace,
      explicit: named === undefined ? undefined : Array.isArray(named) ? named : [named],
      secret: (v) => ctx.redactor.add(v),
      diagnose: (d) => ctx.diagnose(d),
      recordInput: (kind, p) => ctx.recordInput(kind, p),
    });
  },
});
