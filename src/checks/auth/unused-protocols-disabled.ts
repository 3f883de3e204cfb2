import '../../collectors/appwrite-config/schema.js';
import { appwriteProjectConfig } from '../../appwrite-project/settings.js';
import { defineCheck } from '../../core/check.js';
import { projectRef } from '../../permissions/analysis.js';

/**
 * GraphQL and WebSocket (Realtime) left on while the app does not use them: more attack surface (GraphQL
 * batching and introspection, Realtime channel subscriptions) for no benefit. What is used is declared
 * in `appwriteProject.usedProtocols`; only protocols the file turns on explicitly are judged.
 */
export const unusedProtocolsDisabled = defineCheck({
  meta: {
    id: 'auth/unused-protocols-disabled',
    title: 'API protocols the app does not use are turned off',
    severity: 'low',
    risk: 'Every enabled protocol is another way in: GraphQL allows batched queries and schema introspection, Realtime lets any permitted client subscribe to change streams.',
    remediation: 'Set settings.protocols.<name> to false for protocols the app does not use; if it does use one, add it to appwriteProject.usedProtocols in appwrite-secops.yaml.',
    references: ['https://appwrite.io/docs/apis/graphql', 'https://appwrite.io/docs/apis/realtime'],
    controls: ['hardening.project'],
  },
  needs: ['appwrite-project'],
  messages: {
    unused: 'The {{protocol}} protocol is on but not declared as used (appwriteProject.usedProtocols: {{used}}).',
  },
  run({ 'appwrite-project': facts }, { report, config }) {
    const used: readonly string[] = appwriteProjectConfig(config).usedProtocols;
    for (const project of facts.projects) {
      for (const protocol of ['graphql', 'websocket']) {
        if (project.settings?.protocols?.[protocol] !== true || used.includes(protocol)) continue;
        report({
          messageId: 'unused',
          data: { protocol, used: used.join(', ') || '(none)' },
          resource: projectRef(project),
          location: project.settings.positions[`protocols.${protocol}`] ?? project.settings.location,
          key: protocol,
        });
      }
    }
  },
});
