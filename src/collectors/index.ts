import type { AnyCollector } from '../core/collector.js';
import { appwriteLiveCollector, appwriteProjectWithLiveCollector } from './appwrite-live/index.js';
import { advisoriesCollector } from './advisories/index.js';
import { composeCollector } from './compose/index.js';
import { githubCollector } from './github/index.js';
import { lockfilesCollector } from './lockfiles/index.js';
import { selfhostEnvCollector } from './selfhost-env/index.js';
import { githubOnlineCollector } from './github-online/index.js';
import { secretsCollector } from './secrets/index.js';
import { sourceCodeCollector } from './source-code/index.js';
import { keysPolicyCollector } from './keys-policy/index.js';

/** Every collector. The runner calls only those whose facts the selected checks need. */
export const allCollectors: readonly AnyCollector[] = [selfhostEnvCollector, composeCollector, appwriteProjectWithLiveCollector, appwriteLiveCollector, sourceCodeCollector, lockfilesCollector, advisoriesCollector, secretsCollector, githubCollector, githubOnlineCollector, keysPolicyCollector];
