import { isOlderThanLatest, LATEST_KNOWN_RELEASE, parseAppwriteVersion } from '../../appwrite/versions.js';
import { defineCheck } from '../../core/check.js';
import { appwriteImageUses, COMPOSE_DOCS, imageResource, serviceList } from './services.js';

export const appwriteVersionCurrent = defineCheck({
  meta: {
    id: 'compose/appwrite-version-current',
    title: `Appwrite runs the latest known release (${LATEST_KNOWN_RELEASE})`,
    severity: 'medium',
    risk: 'Releases fix security problems, and not only advertised ones: 1.9.x patch releases updated base images to patch OS package CVEs, phpseclib, and webhook security. An older image keeps those holes open, and the further behind it is, the harder the upgrade (each minor version must be stepped through).',
    remediation: `Back up (database, volumes and the .env with _APP_OPENSSL_KEY_V1), then upgrade step by step to ${LATEST_KNOWN_RELEASE} with the Appwrite upgrade command and run \`docker compose exec appwrite migrate\` when the release notes ask for it.`,
    references: [COMPOSE_DOCS.updates],
    controls: ['hardening.versions'],
  },
  needs: ['compose'],
  messages: {
    outdated: 'Appwrite {{version}} is older than the latest known release {{latest}} (services: {{services}}).',
    unknownVersion: 'The Appwrite version of image {{image}} cannot be told from its reference{{why}} (services: {{services}}).',
  },
  run(facts, { report, config }) {
    for (const { image, file, services } of appwriteImageUses(facts.compose, config.selfhost.appwriteServices)) {
      const base = { resource: imageResource(image), location: { path: file.path, line: image.line, column: image.column }, key: image.ref };
      const version = image.tag ? parseAppwriteVersion(image.tag) : undefined;
      if (!version) {
        const why = image.unresolved.length ? `: its tag comes from ${image.unresolved.join(', ')}, which no .env sets` : image.tag ? `: "${image.tag}" is not a version` : image.digest ? ': add the version tag beside the digest (image:1.9.6@sha256:…)' : ': it has no tag';
        report({ ...base, messageId: 'unknownVersion', status: 'error', data: { image: image.raw, why, services: serviceList(services) } });
        continue;
      }
      if (isOlderThanLatest(version.version)) {
        report({ ...base, messageId: 'outdated', data: { version: version.version, latest: LATEST_KNOWN_RELEASE, services: serviceList(services) }, evidence: { version: version.version, latest: LATEST_KNOWN_RELEASE } });
      }
    }
  },
});
