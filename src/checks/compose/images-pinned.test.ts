import { testCheck } from '../../../test/support/check-tester.js';
import { composeFacts } from '../selfhost/__fixtures__/facts.js';
import { imagesPinned } from './images-pinned.js';

const images = (...refs: string[]) => `services:\n${refs.map((r, i) => `  s${i}:\n    image: ${r}\n`).join('')}`;

testCheck(imagesPinned, {
  valid: [
    { name: 'exact versions', facts: composeFacts({ 'docker-compose.yml': images('appwrite/appwrite:1.9.6', 'redis:7.4.7-alpine', 'traefik:3.6', 'mariadb:10.11') }) },
    { name: 'digest, with or without tag', facts: composeFacts({ 'docker-compose.yml': images('redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'nginx:latest@sha256:aaaa') }) },
    { name: 'tag from the .env', facts: composeFacts({ '.env': 'APPWRITE_VERSION=1.9.6\n', 'docker-compose.yml': images('appwrite/appwrite:${APPWRITE_VERSION}') }) },
  ],
  invalid: [
    { name: 'no tag', facts: composeFacts({ 'docker-compose.yml': images('redis') }), errors: [{ messageId: 'untagged', line: 3, resourceId: 'redis' }] },
    { name: 'latest', facts: composeFacts({ 'docker-compose.yml': images('appwrite/appwrite:latest') }), errors: [{ messageId: 'moving', line: 3 }] },
    {
      name: 'one finding per reference, however many services use it',
      facts: composeFacts({ 'docker-compose.yml': images('appwrite/appwrite', 'appwrite/appwrite', 'appwrite/appwrite', 'traefik:latest') }),
      errors: [{ messageId: 'untagged', line: 3 }, { messageId: 'moving', line: 9 }],
    },
    { name: 'tag variable that nothing sets', facts: composeFacts({ 'docker-compose.yml': images('appwrite/appwrite:${VERSION}') }), errors: [{ messageId: 'unresolved', status: 'error' }] },
  ],
});
