import '../../collectors/appwrite-config/schema.js';
import { appwriteProjectConfig } from '../../appwrite-project/settings.js';
import { defineCheck } from '../../core/check.js';
import { bucketAudience, bucketResource } from '../../permissions/analysis.js';

const MIB = 1024 * 1024;

/** A bucket without its own size limit takes whatever the server allows (up to 5 GB per file on Cloud). */
export const maxFileSizeSet = defineCheck({
  meta: {
    id: 'buckets/max-file-size-set',
    title: 'Every bucket limits the size of a file',
    severity: 'low',
    risk: 'Uploaders can store files as large as the server allows, exhausting storage and bandwidth (and your bill).',
    remediation: 'Set "maximumFileSize" (bytes) on the bucket to what the app needs, e.g. 5000000 for 5 MB images.',
    references: ['https://appwrite.io/docs/products/storage/buckets'],
    controls: ['hardening.project', 'storage.upload-hardening'],
  },
  needs: ['appwrite-project'],
  messages: {
    unset: 'bucket "{{bucket}}" sets no "maximumFileSize": the server-wide limit applies.',
    tooLarge: 'bucket "{{bucket}}" allows files of {{size}} MiB, above the {{max}} MiB baseline.',
  },
  run({ 'appwrite-project': facts }, { report, config }) {
    const max = appwriteProjectConfig(config).maxBucketFileSize;
    for (const project of facts.projects) {
      for (const b of project.buckets) {
        const open = bucketAudience(b).uploaders.length > 0;
        const where = { resource: bucketResource(b), location: b.location, severity: open ? ('medium' as const) : ('low' as const) };
        if (b.maximumFileSize === undefined) report({ messageId: 'unset', data: { bucket: b.id }, ...where });
        else if (b.maximumFileSize > max) {
          report({ messageId: 'tooLarge', data: { bucket: b.id, size: Math.round(b.maximumFileSize / MIB), max: Math.round(max / MIB) }, ...where, evidence: { maximumFileSize: b.maximumFileSize } });
        }
      }
    }
  },
});
