import { defineCheck } from '../../core/check.js';
import { COMPOSE_DOCS, imageResource, imageUses, serviceList } from './services.js';

/** Tags that move by design. */
const MOVING = new Set(['latest', 'stable', 'edge', 'nightly', 'main', 'master', 'dev', 'develop', 'rolling', 'current', 'mainline', 'beta', 'alpha', 'next', 'canary']);

export const imagesPinned = defineCheck({
  meta: {
    id: 'compose/images-pinned',
    title: 'Every image is pinned to a version tag or digest',
    severity: 'medium',
    risk: 'An image with no tag, or a moving one such as `latest`, changes under you on the next pull: an Appwrite upgrade can run without its migration and corrupt data, a dependency can change behaviour, and a compromised upstream tag is deployed without review. You also cannot say which version runs.',
    remediation: 'Pin each image to an exact version (`appwrite/appwrite:1.9.6`, `redis:7.4.7-alpine`), ideally with its digest (`…:1.9.6@sha256:…`), and upgrade deliberately following the Appwrite upgrade guide.',
    references: [COMPOSE_DOCS.updates],
    controls: ['hardening.versions'],
  },
  needs: ['compose'],
  messages: {
    untagged: 'Image {{image}} has no tag, so it means "latest" (services: {{services}}).',
    moving: 'Image {{image}} uses the moving tag "{{tag}}" (services: {{services}}).',
    unresolved: 'The tag of image {{raw}} comes from {{vars}}, which no .env sets; the version cannot be told (services: {{services}}).',
  },
  run(facts, { report }) {
    for (const use of imageUses(facts.compose)) {
      const { image, file, services } = use;
      const location = { path: file.path, line: image.line, column: image.column };
      const base = { resource: imageResource(image), location, evidence: { services: services.map((s) => s.name).join(', ') }, key: image.ref };
      if (image.digest) continue;
      if (image.unresolved.length) report({ ...base, messageId: 'unresolved', status: 'error', data: { raw: image.raw, vars: image.unresolved.join(', '), services: serviceList(services) } });
      else if (!image.tag) report({ ...base, messageId: 'untagged', data: { image: image.ref, services: serviceList(services) } });
      else if (MOVING.has(image.tag.toLowerCase())) report({ ...base, messageId: 'moving', data: { image: image.ref, tag: image.tag, services: serviceList(services) } });
    }
  },
});
