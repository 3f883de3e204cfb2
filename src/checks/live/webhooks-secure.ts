import { defineCheck } from '../../core/check.js';
import { apiLocation, eachSection, UNREADABLE } from './sections.js';

/**
 * Webhook deliveries carry the full response model of the event (user records, recovery token
 * secrets): they need HTTPS with certificate checks, and receivers need a way to authenticate them.
 */
export const webhooksSecure = defineCheck({
  meta: {
    id: 'live/webhooks-secure',
    title: 'Webhooks deliver over verified HTTPS and can be authenticated',
    severity: 'high',
    risk: 'Over plain HTTP or without certificate verification, anyone on the path reads event payloads (user data, recovery secrets) and can answer in the receiver\'s place; an endpoint that cannot authenticate deliveries accepts forged events.',
    remediation: 'Use an https:// URL, keep TLS verification on (tls: true; 1.9.6 defaults it to false), and verify X-Appwrite-Webhook-Signature (HMAC-SHA1 of URL + body) or set basic-auth credentials.',
    references: ['https://appwrite.io/docs/advanced/platform/webhooks'],
    controls: ['hardening.project', 'network.tls'],
  },
  needs: ['appwrite-live'],
  messages: {
    plainHttp: '{{env}}: webhook "{{name}}" delivers to {{url}} over plain HTTP.',
    tlsOff: '{{env}}: webhook "{{name}}" delivers to {{url}} without verifying the TLS certificate.',
    unauthenticated: '{{env}}: webhook "{{name}}" has neither a signature key nor basic-auth credentials.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report }) {
    eachSection(facts, 'webhooks', report, (s, hooks) => {
      for (const w of hooks) {
        const base = { resource: { type: 'webhook', id: w.id, name: w.name }, location: apiLocation(s, `/webhooks/${w.id}`) };
        const url = safeUrl(w.url);
        const data = { env: s.environment, name: w.name || w.id, url };
        const sev = (high: 'high' | 'medium' | 'low') => (w.enabled ? high : 'low');
        if (/^http:\/\//i.test(w.url)) report({ ...base, messageId: 'plainHttp', data, severity: sev('high'), key: 'http', evidence: { url, enabled: w.enabled } });
        else if (!w.tls) report({ ...base, messageId: 'tlsOff', data, severity: sev('medium'), key: 'tls', evidence: { url, tls: false } });
        // 1.9.5+ shows the signing secret only once, so "unknown" (null) counts as present: Appwrite always creates one.
        if (w.hasSignatureKey === false && !w.hasBasicAuth) report({ ...base, messageId: 'unauthenticated', data, severity: sev('medium'), key: 'auth', evidence: { signatureKey: false, basicAuth: false } });
      }
    });
  },
});

/** The URL without credentials or query string (they may carry tokens). */
export function safeUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//').replace(/\?.*$/, '');
  }
}
