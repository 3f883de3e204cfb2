import { testCheck } from '../../../test/support/check-tester.js';
import { defaultConfig } from '../../core/config.js';
import { composeFacts } from '../selfhost/__fixtures__/facts.js';
import { dockerSocketRestricted } from './docker-socket-restricted.js';

const sock = '    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n';
const svc = (name: string, image: string, extra = sock) => `services:\n  ${name}:\n    image: ${image}\n${extra}`;

testCheck(dockerSocketRestricted, {
  valid: [
    { name: 'traefik', facts: composeFacts({ 'docker-compose.yml': svc('traefik', 'traefik:3.6') }) },
    { name: 'the executor', facts: composeFacts({ 'docker-compose.yml': svc('openruntimes-executor', 'openruntimes/executor:0.25.4') }) },
    { name: 'allowed by the config', facts: composeFacts({ 'docker-compose.yml': svc('portainer-agent', 'portainer/agent:2.21.4') }), config: { selfhost: { ...defaultConfig().selfhost, dockerSocketAllowed: ['portainer-agent'] } } },
    { name: 'ordinary volumes', facts: composeFacts({ 'docker-compose.yml': svc('appwrite', 'appwrite/appwrite:1.9.6', '    volumes:\n      - appwrite-uploads:/storage/uploads:rw\n      - /tmp:/tmp:rw\n') }) },
  ],
  invalid: [
    { name: 'the Appwrite API container', facts: composeFacts({ 'docker-compose.yml': svc('appwrite', 'appwrite/appwrite:1.9.6') }), errors: [{ messageId: 'mounted', line: 5, resourceId: 'appwrite' }] },
    { name: 'read-only does not help', facts: composeFacts({ 'docker-compose.yml': svc('watchtower', 'containrrr/watchtower:1.7.1', '    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n') }), errors: [{ messageId: 'mounted', line: 5 }] },
    { name: 'the whole /var/run folder, long syntax', facts: composeFacts({ 'docker-compose.yml': svc('monitor', 'grafana/alloy:v1.5.1', '    volumes:\n      - type: bind\n        source: /var/run\n        target: /host/run\n') }), errors: [{ messageId: 'mounted', line: 5 }] },
    { name: 'a service named like traefik but another image', facts: composeFacts({ 'docker-compose.yml': svc('traefik', 'nginx:1.27') }), errors: [{ messageId: 'mounted' }] },
  ],
});
