import { keyScopesLeastPrivilege } from './key-scopes-least-privilege.js';
import { keySecretsUnique } from './key-secrets-unique.js';
import { keysExpire } from './keys-expire.js';
import { keysNotUsedByClients } from './keys-not-used-by-clients.js';
import { keysRecentlyUsed } from './keys-recently-used.js';
import { noDevKeysInProduction } from './no-dev-keys-in-production.js';
import { noExpiredKeys } from './no-expired-keys.js';
import { platformsRestricted } from './platforms-restricted.js';
import { projectMatchesConfig } from './project-matches-config.js';
import { serverVersionCurrent } from './server-version-current.js';
import { smtpConfigured } from './smtp-configured.js';
import { webhooksSecure } from './webhooks-secure.js';

/** Checks of live projects (`audit --env NAME` / `--all-envs`). */
export const liveChecks = [
  serverVersionCurrent,
  platformsRestricted,
  webhooksSecure,
  smtpConfigured,
  keysExpire,
  noExpiredKeys,
  keysRecentlyUsed,
  keyScopesLeastPrivilege,
  keysNotUsedByClients,
  keySecretsUnique,
  noDevKeysInProduction,
  projectMatchesConfig,
] as const;
