import { noAppwriteKeys } from './no-appwrite-keys.js';
import { noAppwriteServerSecrets } from './no-appwrite-server-secrets.js';
import { noCloudCredentials } from './no-cloud-credentials.js';
import { noJwtSecrets } from './no-jwt-secrets.js';
import { noKeysInBundles } from './no-keys-in-bundles.js';
import { noPrivateKeys } from './no-private-keys.js';
import { noServiceTokens } from './no-service-tokens.js';
import { scanComplete } from './scan-complete.js';

/** Every secret-scanning check; findings in built output go to no-keys-in-bundles only. */
export const secretsChecks = [noAppwriteKeys, noAppwriteServerSecrets, noCloudCredentials, noPrivateKeys, noServiceTokens, noJwtSecrets, noKeysInBundles, scanComplete] as const;
