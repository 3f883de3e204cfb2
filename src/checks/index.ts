import type { AnyCheck } from '../core/check.js';
import { authChecks } from './auth/index.js';
import { bucketsChecks } from './buckets/index.js';
import { clientChecks } from './client/index.js';
import { endpointsChecks } from './endpoints/index.js';
import { scopesChecks } from './scopes/index.js';
import { functionsChecks } from './functions/index.js';
import { githubChecks } from './github/index.js';
import { permissionsChecks } from './permissions/index.js';
import { repoChecks } from './repo/index.js';
import { secretsChecks } from './secrets/index.js';

/** The explicit registry of every check. A test proves each check file under checks/<area>/ is listed here. */
export const allChecks: readonly AnyCheck[] = [...permissionsChecks, ...bucketsChecks, ...functionsChecks, ...authChecks, ...clientChecks, ...endpointsChecks, ...scopesChecks, ...secretsChecks, ...repoChecks, ...githubChecks];
