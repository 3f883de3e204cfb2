import { isExternallyPublished } from '../../collectors/selfhost-env/deployments.js';
import { defineCheck } from '../../core/check.js';
import { COMPOSE_DOCS, internalKind, serviceResource } from './services.js';

const WHAT = { database: 'database', redis: 'Redis', executor: 'functions executor' } as const;

export const internalPortsPrivate = defineCheck({
  meta: {
    id: 'compose/internal-ports-private',
    title: 'Database, Redis and executor ports are not published to the host',
    severity: 'high',
    risk: 'Appwrite\'s compose file keeps MariaDB/MongoDB/PostgreSQL, Redis and the executor on internal networks. Publishing their ports exposes them on every host interface (Docker\'s port rules bypass host firewalls such as ufw): the database holds every project\'s data, Redis its queues and sessions, and the executor can start containers on the host.',
    remediation: 'Remove the `ports:` entry (services reach each other by service name on the Docker network). If you need local access, bind to loopback (`127.0.0.1:3306:3306`) or use `docker compose exec`. Do not use `network_mode: host` for these services.',
    references: [COMPOSE_DOCS.security, COMPOSE_DOCS.composePorts],
    controls: ['hardening.network'],
  },
  needs: ['compose'],
  messages: {
    published: 'The {{what}} service {{service}} publishes port {{port}} on {{where}}.',
    hostNetwork: 'The {{what}} service {{service}} uses network_mode "host": every port it listens on is on the host\'s interfaces.',
  },
  run(facts, { report }) {
    for (const file of facts.compose.files) {
      for (const s of file.services) {
        const kind = internalKind(s);
        if (!kind) continue;
        for (const p of s.ports.filter(isExternallyPublished)) {
          report({
            messageId: 'published',
            data: { what: WHAT[kind], service: s.name, port: p.published ? `${p.published}->${p.target}` : `${p.target} (on a random host port)`, where: p.hostIp ? p.hostIp : 'all interfaces' },
            resource: serviceResource(s),
            location: { path: file.path, line: p.line, column: p.column },
            evidence: { port: p.raw, kind },
            key: `${s.name}:${p.raw}`,
          });
        }
        if (s.networkMode?.value === 'host') {
          report({ messageId: 'hostNetwork', data: { what: WHAT[kind], service: s.name }, resource: serviceResource(s), location: { path: file.path, line: s.networkMode.line, column: s.networkMode.column }, key: `${s.name}:host` });
        }
      }
    }
  },
});
