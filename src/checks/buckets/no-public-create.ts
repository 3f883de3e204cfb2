import { describeRole, isUnauthenticatedRole } from '../../appwrite/permissions.js';
import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { bucketResource, grantsAction, grantsOf } from '../../permissions/analysis.js';

/** Uploads without an account: free hosting for malware and phishing pages, and storage exhaustion. */
export const noPublicCreate = defineCheck({
  meta: {
    id: 'buckets/no-public-create',
    title: 'No bucket accepts uploads from anonymous callers',
    severity: 'high',
    risk: 'Anyone can upload files: the bucket becomes free hosting for malware or phishing pages under your domain, and storage fills up at your cost.',
    remediation: 'Remove create("any") / create("guests") from the bucket; grant create to "users" (with fileSecurity on) or upload through a function that validates the file.',
    references: ['https://appwrite.io/docs/products/storage/permissions', 'https://appwrite.io/docs/products/storage/buckets'],
    controls: ['hardening.project', 'storage.upload-hardening'],
  },
  needs: ['appwrite-project'],
  messages: {
    publicCreate: 'bucket "{{bucket}}" lets {{who}} upload files ({{permission}}).',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const b of project.buckets) {
        for (const g of grantsOf(b.permissions)) {
          if (!isUnauthenticatedRole(g.role) || !grantsAction(g, 'create')) continue;
          report({
            messageId: 'publicCreate',
            data: { bucket: b.id, who: describeRole(g.role), permission: g.ref.value },
            resource: bucketResource(b),
            location: g.ref.location ?? b.location,
            key: `create:${g.role.canonical}`,
            evidence: { role: g.role.canonical },
          });
        }
      }
    }
  },
});
