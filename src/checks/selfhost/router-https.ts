import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, locationOf } from './settings.js';

const NAME = '_APP_OPTIONS_ROUTER_FORCE_HTTPS';
const DEPRECATED = '_APP_OPTIONS_FUNCTIONS_FORCE_HTTPS';

export const routerHttps = defineCheck({
  meta: {
    id: 'selfhost/router-https',
    title: 'HTTPS is enforced for function and site domains',
    severity: 'medium',
    risk: 'Function and site domains served by the Appwrite router accept plain HTTP unless _APP_OPTIONS_ROUTER_FORCE_HTTPS is enabled, so what users send to functions and sites (tokens, form data) can be read or altered in transit. Since 1.7.0 Appwrite reads this name; the old _APP_OPTIONS_FUNCTIONS_FORCE_HTTPS is deprecated and no longer the setting that counts.',
    remediation: 'Set _APP_OPTIONS_ROUTER_FORCE_HTTPS=enabled (with certificates for the function and site domains, e.g. a wildcard certificate) and remove _APP_OPTIONS_FUNCTIONS_FORCE_HTTPS; then `docker compose up -d`.',
    references: [DOCS.envVars, DOCS.security],
    controls: ['hardening.https'],
  },
  needs: ['selfhost-env'],
  messages: {
    unset: '_APP_OPTIONS_ROUTER_FORCE_HTTPS is not set, so function and site domains accept plain HTTP.',
    disabled: '_APP_OPTIONS_ROUTER_FORCE_HTTPS is "{{value}}"; only "enabled" enforces HTTPS on function and site domains.',
    deprecatedOnly: 'Only the deprecated _APP_OPTIONS_FUNCTIONS_FORCE_HTTPS is set ("{{value}}"); Appwrite 1.7+ reads _APP_OPTIONS_ROUTER_FORCE_HTTPS, which is unset.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      const old = d.settings[DEPRECATED];
      if (s?.fromEnvironment) {
        report(fromEnvironmentReport(s));
        continue;
      }
      if (s && s.value !== '') {
        if (s.value !== 'enabled') report({ messageId: 'disabled', data: { value: s.value }, resource: envResource(NAME), location: s.location });
        continue;
      }
      if (old && old.value !== '') report({ messageId: 'deprecatedOnly', data: { value: old.value }, resource: envResource(NAME), location: old.location });
      else report({ messageId: 'unset', resource: envResource(NAME), location: locationOf(d, NAME) });
    }
  },
});
