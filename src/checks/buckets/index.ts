import { antivirusEnabled } from './antivirus-enabled.js';
import { encryptionEnabled } from './encryption-enabled.js';
import { extensionsAllowlisted } from './extensions-allowlisted.js';
import { fileSecurityWithUserUploads } from './file-security-with-user-uploads.js';
import { maxFileSizeSet } from './max-file-size-set.js';
import { noPublicCreate } from './no-public-create.js';

export const bucketsChecks = [noPublicCreate, maxFileSizeSet, extensionsAllowlisted, antivirusEnabled, encryptionEnabled, fileSecurityWithUserUploads] as const;
