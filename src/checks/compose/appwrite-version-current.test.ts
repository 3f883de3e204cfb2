import { testCheck } from '../../../test/support/check-tester.js';
import { defaultConfig } from '../../core/config.js';
import { composeFacts } from '../selfhost/__fixtures__/facts.js';
import { appwriteVersionCurrent } from './appwrite-version-current.js';

const appwrite = (ref: string, name = 'appwrite') => `services:\n  ${name}:\n    image: ${ref}\n  appwrite-worker-mails:\n    image: ${ref}\n`;

testCheck(appwriteVersionCurrent, {
  valid: [
    { name: 'the latest release', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:1.9.6') }) },
    { name: 'newer than this tool knows', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:2.0.0') }) },
    { name: 'with registry and digest', facts: composeFacts({ 'docker-compose.yml': appwrite('docker.io/appwrite/appwrite:1.9.6@sha256:abcd') }) },
    { name: 'version from the .env', facts: composeFacts({ '.env': '_APP_VERSION=1.9.6\n', 'docker-compose.yml': appwrite('appwrite/appwrite:${_APP_VERSION}') }) },
    { name: 'other images are not Appwrite', facts: composeFacts({ 'docker-compose.yml': 'services:\n  redis:\n    image: redis:6.0\n' }) },
  ],
  invalid: [
    { name: 'one patch behind', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:1.9.5') }), errors: [{ messageId: 'outdated', line: 3, resourceId: 'appwrite/appwrite:1.9.5' }] },
    { name: 'a release candidate of an old version', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:1.0.0-RC1') }), errors: [{ messageId: 'outdated' }] },
    { name: 'latest: cannot tell', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:latest') }), errors: [{ messageId: 'unknownVersion', status: 'error' }] },
    { name: 'digest only: cannot tell', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite@sha256:abcd') }), errors: [{ messageId: 'unknownVersion', status: 'error' }] },
    {
      name: 'a custom image named in the config',
      facts: composeFacts({ 'docker-compose.yml': appwrite('registry.example.com/ops/appwrite-custom:1.8.1', 'api') }),
      config: { selfhost: { ...defaultConfig().selfhost, appwriteServices: ['api'] } },
      errors: [{ messageId: 'outdated' }],
    },
  ],
});
