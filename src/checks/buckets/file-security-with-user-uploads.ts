import { describeRole } from '../../appwrite/permissions.js';
import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { bucketAudience, bucketResource } from '../../permissions/analysis.js';

/**
 * A bucket that takes uploads from every user (or anyone) without file security: each file gets only
 * the bucket's permissions, so an owner cannot keep their upload private, and with a broad bucket read
 * every uploader reads every other uploader's files.
 */
export const fileSecurityWithUserUploads = defineCheck({
  meta: {
    id: 'buckets/file-security-with-user-uploads',
    title: 'Buckets with user uploads use file security',
    severity: 'medium',
    risk: 'Files uploaded by one user are governed only by bucket permissions: users cannot keep their uploads private, and with bucket-wide read everybody reads everybody\'s files.',
    remediation: 'Set "fileSecurity": true, drop bucket-level read for users, and grant read("user:<id>") on each file when it is uploaded.',
    references: ['https://appwrite.io/docs/products/storage/permissions'],
    controls: ['hardening.project', 'authz.tenant-isolation'],
  },
  needs: ['appwrite-project'],
  messages: {
    sharedUploads: 'bucket "{{bucket}}" takes uploads from {{uploaders}} with fileSecurity {{state}}, and {{readers}} can read every file: users read each other\'s uploads.',
    noOwnerControl: 'bucket "{{bucket}}" takes uploads from {{uploaders}} with fileSecurity {{state}}: uploaders cannot restrict who reads their files.',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const b of project.buckets) {
        if (b.fileSecurity === true) continue;
        const { uploaders, readers } = bucketAudience(b);
        if (uploaders.length === 0) continue;
        const data = {
          bucket: b.id,
          uploaders: [...new Set(uploaders.map(describeRole))].join(', '),
          readers: [...new Set(readers.map(describeRole))].join(', '),
          state: b.fileSecurity === false ? 'off' : 'not set (server default: off)',
        };
        report({ messageId: readers.length ? 'sharedUploads' : 'noOwnerControl', data, resource: bucketResource(b), location: b.location, severity: readers.length ? 'high' : 'medium' });
      }
    }
  },
});
