import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, locationOf } from './settings.js';

const NAME = '_APP_OPTIONS_FORCE_HTTPS';

export const forceHttps = defineCheck({
  meta: {
    id: 'selfhost/force-https',
    title: 'HTTPS is enforced for the API and console',
    severity: 'high',
    risk: 'Without it Appwrite serves the API and console over plain HTTP: session cookies, JWTs and API keys cross the network in clear text and can be stolen or altered on the way. The shipped default is "disabled".',
    remediation: 'Set _APP_OPTIONS_FORCE_HTTPS=enabled (HTTP GET requests are redirected, other HTTP methods are refused) once TLS works on port 443, then `docker compose up -d`.',
    references: [DOCS.security, DOCS.envVars],
    controls: ['hardening.https'],
  },
  needs: ['selfhost-env'],
  messages: {
    unset: '_APP_OPTIONS_FORCE_HTTPS is not set, so it defaults to "disabled": HTTP requests are served as they come.',
    disabled: '_APP_OPTIONS_FORCE_HTTPS is "{{value}}"; only "enabled" enforces HTTPS.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      if (s?.fromEnvironment) report(fromEnvironmentReport(s));
      else if (!s || s.value === '') report({ messageId: 'unset', resource: envResource(NAME), location: locationOf(d, NAME) });
      else if (s.value !== 'enabled') report({ messageId: 'disabled', data: { value: s.value }, resource: envResource(NAME), location: s.location });
    }
  },
});
