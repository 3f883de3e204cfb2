import { advisoriesAffecting, parseAppwriteVersion } from '../../appwrite/versions.js';
import { ADVISORY_PACKAGE } from '../../appwrite/advisories.js';
import { defineCheck } from '../../core/check.js';
import { isSeverity, type Severity } from '../../core/severity.js';
import { appwriteImageUses, COMPOSE_DOCS, imageResource, serviceList } from './services.js';

function severityOf(s: string): Severity {
  const v = s.toLowerCase() === 'moderate' ? 'medium' : s.toLowerCase();
  return isSeverity(v) ? v : 'high';
}

export const appwriteNoKnownAdvisories = defineCheck({
  meta: {
    id: 'compose/appwrite-no-known-advisories',
    title: 'The Appwrite version has no known security advisory',
    severity: 'high',
    risk: `The Appwrite image is in the affected range of a published advisory for ${ADVISORY_PACKAGE.name} (GitHub Advisory Database): the weakness is public and exploits are easy to find. Each finding carries the advisory's own severity.`,
    remediation: 'Upgrade to a fixed release (the finding names the first one), or better to the latest release, following the Appwrite upgrade guide; back up first.',
    references: [COMPOSE_DOCS.updates, 'https://github.com/advisories?query=appwrite'],
    controls: ['hardening.versions'],
  },
  needs: ['compose'],
  messages: {
    affected: 'Appwrite {{version}} is affected by {{id}} ({{title}}; range {{range}}){{fix}} (services: {{services}}).',
    unknownVersion: 'Cannot check advisories for image {{image}}: its reference names no version (services: {{services}}).',
  },
  run(facts, { report, config }) {
    for (const { image, file, services } of appwriteImageUses(facts.compose, config.selfhost.appwriteServices)) {
      const location = { path: file.path, line: image.line, column: image.column };
      const version = image.tag ? parseAppwriteVersion(image.tag) : undefined;
      if (!version) {
        report({ messageId: 'unknownVersion', status: 'error', data: { image: image.raw, services: serviceList(services) }, resource: imageResource(image), location, key: image.ref });
        continue;
      }
      for (const hit of advisoriesAffecting(version.version)) {
        const a = hit.advisory;
        const fix = hit.fixedIn ? `; fixed in ${hit.fixedIn}${a.fixed.includes(hit.fixedIn) ? '' : ' (maintainer statement)'}` : '; no fixed release recorded';
        report({
          messageId: 'affected',
          data: { version: version.version, id: a.id, title: a.title, range: hit.range, fix, services: serviceList(services) },
          resource: imageResource(image),
          location,
          severity: severityOf(a.severity),
          aliases: a.aliases,
          key: `${image.ref}:${a.id}`,
          evidence: { advisory: a.id, url: a.url, range: hit.range, ...(hit.fixedIn ? { fixedIn: hit.fixedIn } : {}) },
        });
      }
    }
  },
});
