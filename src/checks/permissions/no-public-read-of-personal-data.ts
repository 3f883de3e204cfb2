import { describeRole, isUnauthenticatedRole } from '../../appwrite/permissions.js';
import '../../collectors/appwrite-config/schema.js';
import { appwriteProjectConfig } from '../../appwrite-project/settings.js';
import { defineCheck } from '../../core/check.js';
import { containerLabel, containerResource, containers, grantsAction, grantsOf, isSensitive, sensitivityOf } from '../../permissions/analysis.js';

/** read for `any`/`guests` on a resource whose name or fields suggest personal or secret data. */
export const noPublicReadOfPersonalData = defineCheck({
  meta: {
    id: 'permissions/no-public-read-of-personal-data',
    title: 'Personal and secret data is not readable without an account',
    severity: 'high',
    risk: 'Anyone can list and download the records: emails, phone numbers, addresses, payment details or stored secrets leak to the internet and to scrapers.',
    remediation: 'Remove read("any") / read("guests") from this resource; grant read to the owner per item (document/row/file security) or to a team role, and serve public fields through a separate public collection or a function.',
    references: ['https://appwrite.io/docs/advanced/platform/permissions', 'https://appwrite.io/docs/products/databases/permissions'],
    controls: ['hardening.project', 'data.classification'],
  },
  needs: ['appwrite-project'],
  messages: {
    publicRead: '{{resource}} is readable by {{who}} ({{permission}}) and looks like {{kind}} data: {{fields}}.',
  },
  run({ 'appwrite-project': facts }, { report, config }) {
    const terms = appwriteProjectConfig(config).personalDataTerms;
    for (const project of facts.projects) {
      for (const c of containers(project)) {
        const sens = sensitivityOf(c, terms);
        if (!isSensitive(sens)) continue;
        for (const g of grantsOf(c.permissions)) {
          if (!isUnauthenticatedRole(g.role) || !grantsAction(g, 'read')) continue;
          const secret = sens.secret.length > 0;
          const fields = [...sens.secret, ...sens.personal].slice(0, 6).join(', ');
          report({
            messageId: 'publicRead',
            data: { resource: containerLabel(c), who: describeRole(g.role), permission: g.ref.original ?? g.ref.value, kind: secret ? 'secret' : 'personal', fields },
            resource: containerResource(c),
            location: g.ref.location ?? c.location,
            severity: secret ? 'critical' : 'high',
            key: `read:${g.role.canonical}`,
            evidence: { role: g.role.canonical, fields, kind: secret ? 'secret' : 'personal' },
          });
        }
      }
    }
  },
});
