import { abuseProtectionEnabled } from './abuse-protection-enabled.js';
import { antivirusEnabled } from './antivirus-enabled.js';
import { auditRetentionSufficient } from './audit-retention-sufficient.js';
import { consoleAccessRestricted } from './console-access-restricted.js';
import { defaultSecretsReplaced } from './default-secrets-replaced.js';
import { envFilesReadable } from './env-files-readable.js';
import { envNamesCurrent } from './env-names-current.js';
import { envNamesKnown } from './env-names-known.js';
import { forceHttps } from './force-https.js';
import { graphqlIntrospectionDisabled } from './graphql-introspection-disabled.js';
import { noTrackedSecrets } from './no-tracked-secrets.js';
import { opensslKeyStrong } from './openssl-key-strong.js';
import { productionMode } from './production-mode.js';
import { redisPasswordSet } from './redis-password-set.js';
import { routerHttps } from './router-https.js';
import { routerProtectionEnabled } from './router-protection-enabled.js';
import { securityEmailSet } from './security-email-set.js';
import { templateSecretsEmpty } from './template-secrets-empty.js';
import { trustedHeadersSafe } from './trusted-headers-safe.js';

/** Self-hosted hardening checks over `.env` files and the compose environment (fact `selfhost-env`). */
export const selfhostChecks = [
  opensslKeyStrong,
  defaultSecretsReplaced,
  noTrackedSecrets,
  redisPasswordSet,
  forceHttps,
  routerHttps,
  abuseProtectionEnabled,
  routerProtectionEnabled,
  consoleAccessRestricted,
  productionMode,
  graphqlIntrospectionDisabled,
  trustedHeadersSafe,
  antivirusEnabled,
  securityEmailSet,
  auditRetentionSufficient,
  envNamesKnown,
  envNamesCurrent,
  templateSecretsEmpty,
  envFilesReadable,
] as const;
