import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport } from './settings.js';

export const consoleAccessRestricted = defineCheck({
  meta: {
    id: 'selfhost/console-access-restricted',
    title: 'Console sign-up is restricted (root only, or an e-mail / IP allow-list)',
    severity: 'high',
    risk: 'With _APP_CONSOLE_WHITELIST_ROOT=disabled and no _APP_CONSOLE_WHITELIST_EMAILS or _APP_CONSOLE_WHITELIST_IPS, anyone who can reach the console can create an account, then organisations and projects on your server: free compute, storage and a foothold inside your network.',
    remediation: 'Keep _APP_CONSOLE_WHITELIST_ROOT=enabled (only the first user can sign up; invite the others), or set _APP_CONSOLE_WHITELIST_EMAILS and/or _APP_CONSOLE_WHITELIST_IPS to the people and networks that may sign up; then `docker compose up -d`.',
    references: [DOCS.security, DOCS.envVars],
    controls: ['hardening.console'],
  },
  needs: ['selfhost-env'],
  messages: {
    open: 'Console sign-up is open to anyone: _APP_CONSOLE_WHITELIST_ROOT is "disabled" and neither _APP_CONSOLE_WHITELIST_EMAILS nor _APP_CONSOLE_WHITELIST_IPS is set.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const root = d.settings._APP_CONSOLE_WHITELIST_ROOT;
      if (root?.fromEnvironment) {
        report(fromEnvironmentReport(root));
        continue;
      }
      // Unset means "enabled" (the default); only an explicit "disabled" opens sign-up.
      if (!root || root.value !== 'disabled') continue;
      const lists = ['_APP_CONSOLE_WHITELIST_EMAILS', '_APP_CONSOLE_WHITELIST_IPS'].map((n) => d.settings[n]);
      if (lists.some((s) => s && !s.fromEnvironment && s.value.split(',').some((v) => v.trim() !== ''))) continue;
      const unknown = lists.find((s) => s?.fromEnvironment);
      if (unknown) {
        report(fromEnvironmentReport(unknown));
        continue;
      }
      report({ messageId: 'open', resource: envResource('_APP_CONSOLE_WHITELIST_ROOT'), location: root.location });
    }
  },
});
