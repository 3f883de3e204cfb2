import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { bucketResource } from '../../permissions/analysis.js';

/** `encryption: false` stated in the file (when omitted the server default, true, applies). */
export const encryptionEnabled = defineCheck({
  meta: {
    id: 'buckets/encryption-enabled',
    title: 'Files are encrypted at rest in every bucket',
    severity: 'medium',
    risk: 'Files are stored in clear on the storage device or object store; a leaked volume, backup or bucket credential exposes them directly.',
    remediation: 'Set "encryption": true on the bucket (files over 20 MB are stored unencrypted by Appwrite regardless).',
    references: ['https://appwrite.io/docs/products/storage/buckets'],
    controls: ['hardening.project', 'data.encryption-at-rest'],
  },
  needs: ['appwrite-project'],
  messages: {
    off: 'bucket "{{bucket}}" turns encryption at rest off.',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const b of project.buckets) {
        if (b.encryption === false) report({ messageId: 'off', data: { bucket: b.id }, resource: bucketResource(b), location: b.location });
      }
    }
  },
});
