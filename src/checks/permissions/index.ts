import { configValid } from './config-valid.js';
import { noCrossTenantAccess } from './no-cross-tenant-access.js';
import { noHardcodedUser } from './no-hardcoded-user.js';
import { noPublicReadOfPersonalData } from './no-public-read-of-personal-data.js';
import { noPublicWrite } from './no-public-write.js';
import { securityFlagExplicit } from './security-flag-explicit.js';
import { teamRolesSpecific } from './team-roles-specific.js';

export const permissionsChecks = [
  noPublicWrite,
  noCrossTenantAccess,
  noPublicReadOfPersonalData,
  teamRolesSpecific,
  noHardcodedUser,
  securityFlagExplicit,
  configValid,
] as const;
