import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, locationOf } from './settings.js';

const NAME = '_APP_GRAPHQL_INTROSPECTION';

export const graphqlIntrospectionDisabled = defineCheck({
  meta: {
    id: 'selfhost/graphql-introspection-disabled',
    title: 'GraphQL introspection is off in production',
    severity: 'low',
    risk: 'Introspection (default "enabled") lets anyone download the full GraphQL schema of the instance, including your collections and attributes, which speeds up reconnaissance. Low: Appwrite\'s API surface is public anyway, but your data model need not be.',
    remediation: 'Set _APP_GRAPHQL_INTROSPECTION=disabled on production instances (keep it on in development), then `docker compose up -d`.',
    references: [DOCS.envVars],
    controls: ['hardening.config'],
  },
  needs: ['selfhost-env'],
  messages: {
    enabled: 'GraphQL introspection is {{state}} in production; anyone can read the schema.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      // Outside production, selfhost/production-mode is the finding; introspection is expected there.
      if (d.settings._APP_ENV?.value !== 'production') continue;
      const s = d.settings[NAME];
      if (s?.fromEnvironment) {
        report(fromEnvironmentReport(s));
        continue;
      }
      if (s?.value === 'disabled') continue;
      report({ messageId: 'enabled', data: { state: s && s.value !== '' ? `"${s.value}"` : 'on by default (unset)' }, resource: envResource(NAME), location: locationOf(d, NAME) });
    }
  },
});
