import { defaultBranchProtected } from './default-branch-protected.js';
import { dependabotAlertsEnabled } from './dependabot-alerts-enabled.js';
import { dependabotSecurityUpdates } from './dependabot-security-updates.js';
import { dependencyGraphEnabled } from './dependency-graph-enabled.js';
import { pushProtectionEnabled } from './push-protection-enabled.js';
import { secretScanningEnabled } from './secret-scanning-enabled.js';

export const githubChecks = [secretScanningEnabled, pushProtectionEnabled, dependabotAlertsEnabled, dependabotSecurityUpdates, dependencyGraphEnabled, defaultBranchProtected] as const;
