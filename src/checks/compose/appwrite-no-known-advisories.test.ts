import { testCheck } from '../../../test/support/check-tester.js';
import { composeFacts } from '../selfhost/__fixtures__/facts.js';
import { appwriteNoKnownAdvisories } from './appwrite-no-known-advisories.js';

const appwrite = (ref: string) => `services:\n  appwrite:\n    image: ${ref}\n`;

testCheck(appwriteNoKnownAdvisories, {
  valid: [
    { name: '1.9.6', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:1.9.6') }) },
    { name: '1.3.0: past the maintainer-claimed fix of the open-ended SSRF advisory', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:1.3.0') }) },
  ],
  invalid: [
    {
      name: '0.12.1 is in four ranges',
      facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:0.12.1') }),
      errors: [
        { messageId: 'affected', severity: 'critical', line: 3 },
        { messageId: 'affected', severity: 'high' },
        { messageId: 'affected', severity: 'high' },
        { messageId: 'affected', severity: 'medium' },
      ],
    },
    {
      name: '0.15.3: stored XSS before 1.0.0-RC1 and the SSRF',
      facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:0.15.3') }),
      errors: [
        { messageId: 'affected', severity: 'medium' },
        { messageId: 'affected', severity: 'high' },
      ],
    },
    { name: '1.0.0-RC1 (the XSS fix release itself): the SSRF only', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:1.0.0-RC1') }), errors: [{ messageId: 'affected', severity: 'high' }] },
    { name: '1.2.1: the SSRF only', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:1.2.1') }), errors: [{ messageId: 'affected', severity: 'high' }] },
    { name: 'no version in the reference', facts: composeFacts({ 'docker-compose.yml': appwrite('appwrite/appwrite:dev') }), errors: [{ messageId: 'unknownVersion', status: 'error' }] },
  ],
});
