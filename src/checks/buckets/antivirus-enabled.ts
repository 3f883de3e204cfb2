import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { bucketAudience, bucketResource } from '../../permissions/analysis.js';

/** `antivirus: false` stated in the file (when omitted the server default, true, applies). */
export const antivirusEnabled = defineCheck({
  meta: {
    id: 'buckets/antivirus-enabled',
    title: 'Antivirus scanning is on for every bucket',
    severity: 'medium',
    risk: 'Uploaded malware is stored and handed to every user who downloads the file.',
    remediation: 'Set "antivirus": true on the bucket, and on self-hosted servers enable ClamAV with _APP_STORAGE_ANTIVIRUS=enabled (files over 20 MB are not scanned).',
    references: ['https://appwrite.io/docs/products/storage/buckets', 'https://appwrite.io/docs/advanced/self-hosting/configuration/environment-variables'],
    controls: ['hardening.project', 'storage.upload-hardening'],
  },
  needs: ['appwrite-project'],
  messages: {
    off: 'bucket "{{bucket}}" turns antivirus scanning off.',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const b of project.buckets) {
        if (b.antivirus !== false) continue;
        const open = bucketAudience(b).uploaders.length > 0;
        report({ messageId: 'off', data: { bucket: b.id }, resource: bucketResource(b), location: b.location, severity: open ? 'high' : 'medium' });
      }
    }
  },
});
