import { expirySet } from './expiry-set.js';
import { keysNotShared } from './keys-not-shared.js';
import { keysRotated } from './keys-rotated.js';
import { noUnmanagedKeys } from './no-unmanaged-keys.js';
import { scopesWithinPolicy } from './scopes-within-policy.js';
import { serviceKeysPresent } from './service-keys-present.js';

/** Checks of live keys against the key policy (`keys audit`, and `audit --env` when keys.services is set). */
export const keysChecks = [serviceKeysPresent, noUnmanagedKeys, scopesWithinPolicy, keysNotShared, keysRotated, expirySet] as const;
