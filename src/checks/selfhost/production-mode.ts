import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, locationOf } from './settings.js';

const NAME = '_APP_ENV';

export const productionMode = defineCheck({
  meta: {
    id: 'selfhost/production-mode',
    title: 'Appwrite runs in production mode',
    severity: 'high',
    risk: 'Outside production mode Appwrite adds file, line and stack traces to error responses (a map of the server for attackers) and skips production-only guards: 1.9 rejects webhooks to non-public hosts only in production, so development mode lets a project owner make the server call internal services (SSRF). The code falls back to "development" when _APP_ENV is unset.',
    remediation: 'Set _APP_ENV=production and `docker compose up -d`.',
    references: [DOCS.envVars],
    controls: ['hardening.config'],
  },
  needs: ['selfhost-env'],
  messages: {
    unset: '_APP_ENV is not set; Appwrite then runs as "development".',
    notProduction: '_APP_ENV is "{{value}}", not "production".',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      if (s?.fromEnvironment) report(fromEnvironmentReport(s));
      else if (!s || s.value === '') report({ messageId: 'unset', resource: envResource(NAME), location: locationOf(d, NAME) });
      else if (s.value !== 'production') report({ messageId: 'notProduction', data: { value: s.value }, resource: envResource(NAME), location: s.location });
    }
  },
});
