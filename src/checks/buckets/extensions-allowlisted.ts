import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { bucketAudience, bucketResource } from '../../permissions/analysis.js';

/** Extensions a browser runs or renders when the file is viewed from the Appwrite domain. */
const ACTIVE = new Set(['html', 'htm', 'xhtml', 'svg', 'js', 'mjs', 'xml', 'swf', 'exe', 'bat', 'cmd', 'sh', 'ps1', 'php', 'jar', 'msi', 'apk']);

export const extensionsAllowlisted = defineCheck({
  meta: {
    id: 'buckets/extensions-allowlisted',
    title: 'Buckets accept only the file types the app needs',
    severity: 'medium',
    risk: 'Without an allowlist any file type is stored and served: HTML or SVG files run script in your domain (stored XSS), executables turn the bucket into malware hosting.',
    remediation: 'Set "allowedFileExtensions" to the types the app needs (e.g. ["jpg", "png", "pdf"]) and leave out html, svg and executables.',
    references: ['https://appwrite.io/docs/products/storage/buckets'],
    controls: ['hardening.project', 'storage.upload-hardening'],
  },
  needs: ['appwrite-project'],
  messages: {
    noAllowlist: 'bucket "{{bucket}}" accepts every file type (no "allowedFileExtensions").',
    activeType: 'bucket "{{bucket}}" allows active content types: {{types}}.',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const b of project.buckets) {
        const open = bucketAudience(b).uploaders.length > 0;
        const list = b.allowedFileExtensions ?? [];
        if (list.length === 0) {
          report({ messageId: 'noAllowlist', data: { bucket: b.id }, resource: bucketResource(b), location: b.location, severity: open ? 'medium' : 'low' });
          continue;
        }
        const active = list.map((e) => e.toLowerCase().replace(/^\./, '')).filter((e) => ACTIVE.has(e));
        if (active.length) {
          report({ messageId: 'activeType', data: { bucket: b.id, types: active.join(', ') }, resource: bucketResource(b), location: b.location, severity: open ? 'high' : 'medium', evidence: { types: active.join(',') } });
        }
      }
    }
  },
});
