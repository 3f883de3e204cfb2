import type { KeysPolicy } from '../../keys/policy.js';

export type { KeysPolicy, ServicePolicy } from '../../keys/policy.js';

declare module '../../core/facts.js' {
  interface Facts {
    /** The API key policy of the config's `keys:` section, with scopes derived from code where asked. */
    'keys-policy': KeysPolicy;
  }
}
