import { actionsPinned } from './actions-pinned.js';
import { dependabotConfigured } from './dependabot-configured.js';
import { dependabotCooldown } from './dependabot-cooldown.js';
import { dependencyReview } from './dependency-review.js';
import { noScriptInjection } from './no-script-injection.js';
import { noUntrustedCheckout } from './no-untrusted-checkout.js';
import { secretScanning } from './secret-scanning.js';
import { secretsNotExposed } from './secrets-not-exposed.js';
import { workflowPermissions } from './workflow-permissions.js';
import { workflowsValid } from './workflows-valid.js';

export const repoChecks = [
  actionsPinned,
  workflowPermissions,
  noUntrustedCheckout,
  noScriptInjection,
  secretsNotExposed,
  workflowsValid,
  dependabotConfigured,
  dependabotCooldown,
  dependencyReview,
  secretScanning,
] as const;
