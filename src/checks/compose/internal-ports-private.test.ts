import { testCheck } from '../../../test/support/check-tester.js';
import { composeFacts } from '../selfhost/__fixtures__/facts.js';
import { internalPortsPrivate } from './internal-ports-private.js';

const svc = (name: string, image: string, extra: string) => `services:\n  ${name}:\n    image: ${image}\n${extra}`;

testCheck(internalPortsPrivate, {
  valid: [
    { name: 'no published ports', facts: composeFacts({ 'docker-compose.yml': svc('mariadb', 'mariadb:10.11', '    networks: [appwrite]\n') }) },
    { name: 'bound to loopback', facts: composeFacts({ 'docker-compose.yml': svc('redis', 'redis:7.4.7-alpine', '    ports:\n      - 127.0.0.1:6379:6379\n      - "[::1]:6380:6379"\n') }) },
    { name: 'long syntax on loopback', facts: composeFacts({ 'docker-compose.yml': svc('mongodb', 'mongo:8.2.5', '    ports:\n      - target: 27017\n        published: 27017\n        host_ip: 127.0.0.1\n') }) },
    { name: 'expose is not publishing', facts: composeFacts({ 'docker-compose.yml': svc('mariadb', 'mariadb:10.11', '    expose: ["3306"]\n') }) },
    { name: 'the proxy publishes 80/443 by design', facts: composeFacts({ 'docker-compose.yml': svc('traefik', 'traefik:3.6', '    ports:\n      - 80:80\n      - 443:443\n') }) },
  ],
  invalid: [
    { name: 'database on all interfaces', facts: composeFacts({ 'docker-compose.yml': svc('mariadb', 'mariadb:10.11', '    ports:\n      - "3306:3306"\n') }), errors: [{ messageId: 'published', path: 'docker-compose.yml', line: 5, resourceId: 'mariadb' }] },
    {
      name: 'redis on two ports (one finding each)',
      facts: composeFacts({ 'docker-compose.yml': svc('redis', 'redis:7.4.7-alpine', '    ports:\n      - "6379"\n      - 0.0.0.0:16379:6379\n') }),
      errors: [{ messageId: 'published', line: 5 }, { messageId: 'published', line: 6 }],
    },
    { name: 'executor published, long syntax', facts: composeFacts({ 'compose.yaml': svc('openruntimes-executor', 'openruntimes/executor:0.25.4', '    ports:\n      - target: 80\n        published: 9900\n') }), errors: [{ messageId: 'published', path: 'compose.yaml', line: 5 }] },
    { name: 'database on the host network', facts: composeFacts({ 'docker-compose.yml': svc('postgresql', 'appwrite/postgres:0.1.0', '    network_mode: host\n') }), errors: [{ messageId: 'hostNetwork', line: 4 }] },
    { name: 'in an override file', facts: composeFacts({ 'docker-compose.override.yml': svc('redis', 'redis', '    ports: ["6379:6379"]\n') }), errors: [{ messageId: 'published', path: 'docker-compose.override.yml', line: 4 }] },
  ],
});
