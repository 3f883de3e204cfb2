import { defineCheck } from '../../core/check.js';
import { COMPOSE_DOCS, isExecutor, isTraefik, serviceResource } from './services.js';

/** The socket itself, or a folder that contains it. */
const SOCKET = /(^|\/)docker\.sock$/;
const SOCKET_DIRS = new Set(['/var/run', '/var/run/', '/run', '/run/']);

export const dockerSocketRestricted = defineCheck({
  meta: {
    id: 'compose/docker-socket-restricted',
    title: 'Only Traefik and the functions executor mount the Docker socket',
    severity: 'high',
    risk: 'The Docker socket is root on the host: a container that mounts it can start a privileged container with the host filesystem. Appwrite needs it only in Traefik (service discovery) and the open-runtimes executor (function containers); in any other service a single bug or a malicious image becomes a host takeover. A read-only (`:ro`) mount does not help: the API still works over it.',
    remediation: 'Remove the docker.sock (or /var/run) volume from the service. If it truly needs the Docker API, put a filtering socket proxy in front (e.g. tecnativa/docker-socket-proxy with only the calls it needs) and list the service in selfhost.dockerSocketAllowed in appwrite-secops.yaml with the reason.',
    references: [COMPOSE_DOCS.dockerSocket, COMPOSE_DOCS.security],
    controls: ['hardening.network'],
  },
  needs: ['compose'],
  messages: {
    mounted: 'Service {{service}} mounts the Docker socket ({{source}}).',
  },
  run(facts, { report, config }) {
    const allowed = new Set(config.selfhost.dockerSocketAllowed);
    for (const file of facts.compose.files) {
      for (const s of file.services) {
        if (isTraefik(s) || isExecutor(s) || allowed.has(s.name)) continue;
        for (const v of s.volumes) {
          const source = v.source ?? '';
          if (v.type !== 'bind' && !source.startsWith('/')) continue;
          if (!SOCKET.test(source) && !SOCKET_DIRS.has(source)) continue;
          report({ messageId: 'mounted', data: { service: s.name, source }, resource: serviceResource(s), location: { path: file.path, line: v.line, column: v.column }, evidence: { volume: v.raw, readOnly: v.readOnly }, key: `${s.name}:${source}` });
        }
      }
    }
  },
});
