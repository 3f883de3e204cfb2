import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport } from './settings.js';

const NAME = '_APP_OPTIONS_ROUTER_PROTECTION';

export const routerProtectionEnabled = defineCheck({
  meta: {
    id: 'selfhost/router-protection-enabled',
    title: 'Router protection rejects requests for unknown hostnames',
    severity: 'medium',
    risk: 'With _APP_OPTIONS_ROUTER_PROTECTION=disabled Appwrite answers requests for any Host header, so any domain pointed at the server serves the console and API (phishing look-alikes, cookie and CORS confusion, Host-header tricks). When unset, Appwrite 1.4.4+ falls back to enabled in code, although the documentation lists "disabled" as the default.',
    remediation: 'Remove _APP_OPTIONS_ROUTER_PROTECTION or set it to "enabled"; make sure _APP_DOMAIN and _APP_CONSOLE_HOSTNAMES list every hostname you serve; then `docker compose up -d`.',
    references: [DOCS.envVars],
    controls: ['hardening.network'],
  },
  needs: ['selfhost-env'],
  messages: {
    disabled: '_APP_OPTIONS_ROUTER_PROTECTION is "disabled": requests for any hostname are served.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      if (s?.fromEnvironment) report(fromEnvironmentReport(s));
      else if (s && s.value === 'disabled') report({ messageId: 'disabled', resource: envResource(NAME), location: s.location });
    }
  },
});
