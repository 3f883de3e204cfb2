import { leastPrivilege } from './least-privilege.js';

/** Least privilege: key scopes compared with what the code calls. */
export const scopesChecks = [leastPrivilege] as const;
