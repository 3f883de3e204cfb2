import { noApiKeyInClient } from './no-api-key-in-client.js';
import { noPublicEnvKeys } from './no-public-env-keys.js';
import { noServerSdkInClient } from './no-server-sdk-in-client.js';

/** Client exposure: keys and server SDKs in code that runs in browsers and apps. */
export const clientChecks = [noPublicEnvKeys, noServerSdkInClient, noApiKeyInClient] as const;
