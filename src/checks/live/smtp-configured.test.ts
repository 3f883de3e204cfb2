import { testCheck } from '../../../test/support/check-tester.js';
import { failed, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { smtpConfigured } from './smtp-configured.js';

const smtp = { enabled: true, host: 'smtp.example.com', port: 587, secure: 'tls', senderEmail: 'a@example.com', username: 'u' };

testCheck(smtpConfigured, {
  valid: [
    { name: 'custom SMTP with TLS', facts: live(snapshot()) },
    { name: 'Cloud without custom SMTP (Appwrite sends the mail)', facts: live(snapshot({ version: ok({ version: '2.4.0', cloud: true }), smtp: ok({ ...smtp, enabled: false, secure: '' }) })) },
  ],
  invalid: [
    { name: 'no SMTP in production', facts: live(snapshot({ smtp: ok({ ...smtp, enabled: false }) })), errors: [{ messageId: 'noSmtp', severity: 'medium' }] },
    { name: 'no SMTP in development', facts: live(snapshot({ production: false, smtp: ok({ ...smtp, enabled: false }) })), errors: [{ messageId: 'noSmtp', severity: 'low' }] },
    { name: 'SMTP without TLS', facts: live(snapshot({ smtp: ok({ ...smtp, secure: '' }) })), errors: [{ messageId: 'noTls', severity: 'medium' }] },
    { name: 'project unreadable', facts: live(snapshot({ smtp: failed('project.get') })), errors: [{ messageId: 'unreadable', status: 'error', path: 'https://appwrite.example.com/v1/project' }] },
  ],
});
