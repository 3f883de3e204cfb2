import type { AnyCollector } from '../core/collector.js';
import { appwriteConfigCollector } from './appwrite-config/index.js';
import { githubCollector } from './github/index.js';
import { githubOnlineCollector } from './github-online/index.js';
import { secretsCollector } from './secrets/index.js';
import { sourceCodeCollector } from './source-code/index.js';

/** Every collector. The runner calls only those whose facts the selected checks need. */
export const allCollectors: readonly AnyCollector[] = [appwriteConfigCollector, sourceCodeCollector, secretsCollector, githubCollector, githubOnlineCollector];
