/** Shared reading of compose facts: what kind of service is this, grouped image references. */
import type { ComposeFacts, ComposeFile, ComposeService, ImageRef } from '../../collectors/compose/schema.js';
import { isAppwriteImage } from '../../collectors/selfhost-env/deployments.js';
import type { ResourceRef } from '../../core/finding.js';

export const COMPOSE_DOCS = {
  security: 'https://appwrite.io/docs/advanced/self-hosting/production/security',
  updates: 'https://appwrite.io/docs/advanced/self-hosting/production/updates',
  composePorts: 'https://docs.docker.com/reference/compose-file/services/#ports',
  dockerSocket: 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
} as const;

export type InternalKind = 'database' | 'redis' | 'executor';

const DATABASE = /^(mariadb|mysql|mongo|mongodb|postgres|postgresql|percona|percona-server|influxdb)$/;
const REDIS = /^(redis|redis-stack-server|valkey|keydb|dragonfly)$/;

function lastSegment(repo: string | undefined): string {
  return (repo ?? '').split('/').pop() ?? '';
}

/** Services that must stay on the internal network: databases, Redis, the functions executor. */
export function internalKind(s: ComposeService): InternalKind | undefined {
  const repo = s.image?.repository;
  const last = lastSegment(repo);
  if (repo === 'openruntimes/executor' || /executor/.test(s.name)) return 'executor';
  if (REDIS.test(last) || (!repo && /redis/.test(s.name))) return 'redis';
  if (DATABASE.test(last) || (!repo && /(mariadb|mysql|mongo|postgres)/.test(s.name))) return 'database';
  return undefined;
}

export function isTraefik(s: ComposeService): boolean {
  return lastSegment(s.image?.repository) === 'traefik' || (!s.image && s.name === 'traefik');
}

export function isExecutor(s: ComposeService): boolean {
  return s.image?.repository === 'openruntimes/executor' || (!s.image && s.name === 'openruntimes-executor');
}

export function serviceResource(s: ComposeService): ResourceRef {
  return { type: 'compose-service', id: s.name, name: s.image?.ref ?? s.name };
}

export interface ImageUse {
  file: ComposeFile;
  image: ImageRef;
  /** Services in this file that use exactly this reference; the first one locates the finding. */
  services: ComposeService[];
}

/**
 * Image references grouped per file: Appwrite runs ~20 services from one image, and one finding per
 * reference (listing the services) reads better than twenty.
 */
export function imageUses(facts: ComposeFacts, filter: (s: ComposeService) => boolean = () => true): ImageUse[] {
  const out: ImageUse[] = [];
  for (const file of facts.files) {
    const byRef = new Map<string, ImageUse>();
    for (const s of file.services) {
      if (!s.image || !filter(s)) continue;
      const use = byRef.get(s.image.ref);
      if (use) use.services.push(s);
      else byRef.set(s.image.ref, { file, image: s.image, services: [s] });
    }
    out.push(...byRef.values());
  }
  return out;
}

export function appwriteImageUses(facts: ComposeFacts, extraServices: readonly string[]): ImageUse[] {
  return imageUses(facts, (s) => isAppwriteImage(s.image?.repository) || extraServices.includes(s.name));
}

export function imageResource(image: ImageRef): ResourceRef {
  return { type: 'container-image', id: image.ref, name: image.repository };
}

export function serviceList(services: ComposeService[]): string {
  const names = services.map((s) => s.name);
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
