import { defineCheck } from '../../core/check.js';
import { apiLocation, eachSection, envRef, UNREADABLE } from './sections.js';

/** Verification, recovery, magic-link and session-alert e-mails need SMTP; over it they need TLS. */
export const smtpConfigured = defineCheck({
  meta: {
    id: 'live/smtp-configured',
    title: 'The project sends its security e-mails through SMTP with TLS',
    severity: 'medium',
    risk: 'Without SMTP, e-mail verification, password recovery, magic links and new-session alerts are never delivered (or fall back to a server default you do not control); SMTP without TLS exposes recovery links and one-time codes in transit.',
    remediation: 'Configure custom SMTP for the project (Console > Settings > SMTP) with TLS (secure: tls or ssl), or make sure the self-hosted server\'s _APP_SMTP_* settings deliver mail.',
    references: ['https://appwrite.io/docs/advanced/self-hosting/configuration/smtp', 'https://appwrite.io/docs/products/auth/security'],
    controls: ['hardening.project', 'auth.notifications'],
  },
  needs: ['appwrite-live'],
  messages: {
    noSmtp: '{{env}}: the project has no custom SMTP: security e-mails depend on the server default.',
    noTls: '{{env}}: SMTP to {{host}}:{{port}} is configured without TLS.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report }) {
    eachSection(facts, 'smtp', report, (s, smtp) => {
      const base = { resource: envRef(s), location: apiLocation(s, '/project') };
      // Cloud sends the security e-mails through Appwrite's own mail service when no custom SMTP is set.
      const cloud = s.version.state === 'ok' && s.version.value.cloud;
      if (!smtp.enabled && !cloud) report({ ...base, messageId: 'noSmtp', data: { env: s.environment }, severity: s.production ? 'medium' : 'low', key: 'disabled', evidence: { smtpEnabled: false } });
      else if (smtp.enabled && !smtp.secure) report({ ...base, messageId: 'noTls', data: { env: s.environment, host: smtp.host, port: smtp.port }, key: 'tls', evidence: { host: smtp.host, port: smtp.port, secure: '' } });
    });
  },
});
