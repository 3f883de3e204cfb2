import type { AnyCheck } from '../core/check.js';

/** The explicit registry of every check. A test proves each file under checks/<area>/ is listed here. */
export const allChecks: readonly AnyCheck[] = [];
