import { appwriteNoKnownAdvisories } from './appwrite-no-known-advisories.js';
import { appwriteVersionCurrent } from './appwrite-version-current.js';
import { dockerSocketRestricted } from './docker-socket-restricted.js';
import { filesValid } from './files-valid.js';
import { imagesPinned } from './images-pinned.js';
import { internalPortsPrivate } from './internal-ports-private.js';

/** docker compose hardening checks (fact `compose`). */
export const composeChecks = [internalPortsPrivate, dockerSocketRestricted, imagesPinned, appwriteVersionCurrent, appwriteNoKnownAdvisories, filesValid] as const;
