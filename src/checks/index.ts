import type { AnyCheck } from '../core/check.js';
import { authChecks } from './auth/index.js';
import { bucketsChecks } from './buckets/index.js';
import { clientChecks } from './client/index.js';
import { composeChecks } from './compose/index.js';
import { depsChecks } from './deps/index.js';
import { selfhostChecks } from './selfhost/index.js';
import { endpointsChecks } from './endpoints/index.js';
import { scopesChecks } from './scopes/index.js';
import { functionsChecks } from './functions/index.js';
import { githubChecks } from './github/index.js';
import { liveChecks } from './live/index.js';
import { keysChecks } from './keys/index.js';
import { permissionsChecks } from './permissions/index.js';
import { repoChecks } from './repo/index.js';
import { secretsChecks } from './secrets/index.js';

/** The explicit registry of every check. A test proves each check file under checks/<area>/ is listed here. */
export const allChecks: readonly AnyCheck[] = [...selfhostChecks, ...composeChecks, ...permissionsChecks, ...bucketsChecks, ...functionsChecks, ...authChecks, ...clientChecks, ...endpointsChecks, ...scopesChecks, ...liveChecks, ...keysChecks, ...depsChecks, ...secretsChecks, ...repoChecks, ...githubChecks];
