import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { securityFlagName } from '../../appwrite/project-model.js';
import { containerLabel, containerResource, containers } from '../../permissions/analysis.js';

/**
 * documentSecurity / rowSecurity omitted: the TypeScript Appwrite CLI pushes true (its schema defaults
 * it), the server and the newer CLI (which sends only what is written) use false. The same file then
 * yields different access depending on who deploys it. fileSecurity has no CLI default: the server's
 * false applies, which the author may not expect.
 */
export const securityFlagExplicit = defineCheck({
  meta: {
    id: 'permissions/security-flag-explicit',
    title: 'Document, row and file security are stated explicitly',
    severity: 'medium',
    risk: 'Whether per-item permissions count depends on the tool that deploys the file: owners may lose access to their own items, or items may be shared more widely than reviewed.',
    remediation: 'Write "documentSecurity" (collections), "rowSecurity" (tables) or "fileSecurity" (buckets) as true or false on every resource.',
    references: ['https://appwrite.io/docs/products/databases/permissions', 'https://appwrite.io/docs/tooling/command-line/collections'],
    controls: ['hardening.project'],
  },
  needs: ['appwrite-project'],
  messages: {
    unset: '{{resource}} does not state "{{flag}}": the Appwrite CLI (TypeScript) pushes true, while the server and the newer CLI use false.',
    bucketUnset: '{{resource}} does not state "fileSecurity": the server uses false, so per-file permissions are ignored.',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      for (const c of containers(project)) {
        if (c.security !== undefined) continue;
        const flag = securityFlagName(c.type);
        report({
          messageId: c.type === 'bucket' ? 'bucketUnset' : 'unset',
          data: { resource: containerLabel(c), flag },
          resource: containerResource(c),
          location: c.location,
          severity: c.type === 'bucket' ? 'low' : 'medium',
          evidence: { flag },
        });
      }
    }
  },
});
