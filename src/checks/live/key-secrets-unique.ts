import '../../collectors/appwrite-live/schema.js';
import { defineCheck } from '../../core/check.js';
import type { LiveSnapshot } from '../../live/snapshot.js';
import { apiLocation } from './sections.js';

interface Sighting {
  env: LiveSnapshot;
  what: string;
  preview: string;
}

/**
 * One secret in two environments (dev using prod's key, or a key copied between projects) erases the
 * boundary between them. Secrets are compared by SHA-256, never shown.
 */
export const keySecretsUnique = defineCheck({
  meta: {
    id: 'live/key-secrets-unique',
    title: 'No key secret is shared between environments',
    severity: 'high',
    risk: 'When development or staging holds a production key, everyone with access to the weaker environment (and its CI, laptops and logs) holds production access.',
    remediation: 'Give each environment its own key: create a new key in the project that owns the shared one, update the other environment\'s credential, then delete the shared key.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.isolation'],
  },
  needs: ['appwrite-live'],
  messages: {
    shared: 'The same key secret ({{preview}}) is used in environments {{envs}}: {{where}}.',
  },
  run({ 'appwrite-live': facts }, { report }) {
    const byHash = new Map<string, Sighting[]>();
    const add = (hash: string, s: Sighting) => {
      if (hash) byHash.set(hash, [...(byHash.get(hash) ?? []), s]);
    };
    for (const env of facts.environments) {
      add(env.credential.secretHash, { env, what: `audit credential ${env.credential.envVar}`, preview: env.credential.secretPreview });
      if (env.keys.state === 'ok') for (const k of env.keys.value) if (k.secretHash !== env.credential.secretHash) add(k.secretHash, { env, what: `key "${k.name}"`, preview: k.secretPreview });
    }
    for (const [hash, sightings] of byHash) {
      // Two environment names for one project (same endpoint and id) are not a leak between projects.
      const projects = new Set(sightings.map((x) => `${x.env.endpoint}#${x.env.projectId}`));
      if (projects.size < 2) continue;
      const envs = [...new Set(sightings.map((x) => x.env.environment))].sort();
      const first = sightings[0]!;
      report({
        messageId: 'shared',
        data: { preview: first.preview, envs: envs.join(', '), where: sightings.map((x) => `${x.env.environment}: ${x.what}`).join('; ') },
        resource: { type: 'api-key-secret', id: hash.slice(0, 16) },
        location: apiLocation(first.env, '/project/keys'),
        severity: sightings.some((x) => x.env.production) ? 'critical' : 'high',
        evidence: { secret: first.preview, environments: envs.join(' ') },
      });
    }
  },
});
