import { defineCheck } from '../../core/check.js';
import { envRef, eachSection, UNREADABLE } from '../live/sections.js';
import { keyLocation, keyRef, matchKeys } from './match.js';

/**
 * One key per service and environment is the boundary the policy draws. It is gone when two services
 * resolve to one key, when a service runs on the audit credential, or when two environments are in
 * fact one project (every key of one then works in the other).
 */
export const keysNotShared = defineCheck({
  meta: {
    id: 'keys/keys-not-shared',
    title: 'No API key is shared between services or environments',
    severity: 'high',
    risk: 'A shared key joins the blast radius of everything that holds it: a leak in the least careful service (or in staging) is a leak in all of them, and rotating it breaks them all at once.',
    remediation: 'Give each service its own key in each environment (distinct `keyName`s, a separate project per environment), and never deploy the audit or admin credential as a service key.',
    references: ['https://appwrite.io/docs/advanced/security/api-keys'],
    controls: ['keys.isolation'],
  },
  needs: ['appwrite-live', 'keys-policy'],
  messages: {
    sharedName: '{{env}}: services {{services}} all resolve to the key "{{name}}".',
    sharedWithAudit: '{{env}}: the key of service {{service}} ("{{name}}") is the audit credential ({{envVar}}).',
    sharedProject: 'Environments {{envs}} are the same project ({{project}}); service keys of one work in the other.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': live, 'keys-policy': policy }, { report }) {
    eachSection(live, 'keys', report, (env, keys) => {
      const m = matchKeys(policy, env, keys);
      const byName = new Map<string, string[]>();
      for (const s of m.services) byName.set(s.name, [...(byName.get(s.name) ?? []), s.service.service]);
      for (const [name, services] of byName) {
        if (services.length < 2) continue;
        report({ messageId: 'sharedName', data: { env: env.environment, services: services.join(', '), name }, resource: { type: 'api-key-name', id: `${env.environment}:${name}`, name }, location: keyLocation(env), evidence: { services: services.join(' ') }, key: 'name' });
      }
      for (const s of m.services) {
        const k = s.keys.find((x) => x.secretHash !== '' && x.secretHash === env.credential.secretHash);
        if (k) report({ messageId: 'sharedWithAudit', data: { env: env.environment, service: s.service.service, name: k.name, envVar: env.credential.envVar }, resource: keyRef(k), location: keyLocation(env, k.id), evidence: { secret: k.secretPreview }, key: 'audit' });
      }
    });
    const byProject = new Map<string, typeof live.environments>();
    for (const env of live.environments) {
      const id = `${env.endpoint}#${env.projectId}`;
      byProject.set(id, [...(byProject.get(id) ?? []), env]);
    }
    for (const envs of byProject.values()) {
      if (envs.length < 2) continue;
      const names = envs.map((e) => e.environment).sort();
      // Only a boundary the policy draws is broken: some service must run in two of these environments.
      if (!policy.services.some((s) => s.environments === null || s.environments.filter((e) => names.includes(e)).length >= 2)) continue;
      const first = envs[0]!;
      report({ messageId: 'sharedProject', data: { envs: names.join(', '), project: `${first.projectId} at ${first.endpoint}` }, resource: { ...envRef(first), id: `${names.join('+')}:${first.projectId}` }, location: keyLocation(first), severity: envs.some((e) => e.production) ? 'high' : 'medium', evidence: { environments: names.join(' '), projectId: first.projectId }, key: 'project' });
    }
  },
});
