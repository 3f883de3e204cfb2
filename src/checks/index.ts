import type { AnyCheck } from '../core/check.js';
import { githubChecks } from './github/index.js';
import { repoChecks } from './repo/index.js';
import { secretsChecks } from './secrets/index.js';

/** The explicit registry of every check. A test proves each check file under checks/<area>/ is listed here. */
export const allChecks: readonly AnyCheck[] = [...secretsChecks, ...repoChecks, ...githubChecks];
