import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, locationOf } from './settings.js';

const NAME = '_APP_TRUSTED_HEADERS';
/** Headers that carry a client address; whoever can set them chooses the IP Appwrite sees. */
const FORWARDING = new Set(['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'x-cluster-client-ip', 'fastly-client-ip']);

export const trustedHeadersSafe = defineCheck({
  meta: {
    id: 'selfhost/trusted-headers-safe',
    title: 'Client-IP headers are trusted only behind a proxy that sets them',
    severity: 'medium',
    risk: 'Appwrite 1.8+ takes the client IP from the headers in _APP_TRUSTED_HEADERS (default "x-forwarded-for"). If clients can reach Appwrite without a proxy that overwrites that header, they choose their own IP: IP-keyed rate limits reset at will, _APP_CONSOLE_WHITELIST_IPS is bypassed, and audit logs record forged addresses.',
    remediation: 'Keep Appwrite reachable only through the bundled Traefik (no `ports:` on Appwrite services, no `forwardedHeaders.insecure`), set Traefik `--entrypoints.<name>.forwardedHeaders.trustedIPs` to your CDN or load balancer ranges if there is one, or set _APP_TRUSTED_HEADERS to the header your proxy alone sets.',
    references: [DOCS.envVars],
    controls: ['hardening.network', 'hardening.abuse'],
  },
  needs: ['selfhost-env'],
  messages: {
    bypass: 'Appwrite trusts {{headers}}, but service {{service}} publishes its own port, so clients can reach it without the proxy and forge their IP.',
    proxyPasses: 'Appwrite trusts {{headers}}, and Traefik (service {{service}}) passes client-sent forwarding headers through (forwardedHeaders.insecure).',
    noProxy: 'Appwrite trusts {{headers}}, but the compose project has no Traefik in front of it that would overwrite the header.',
    unverified: 'Appwrite trusts {{headers}}; no compose file here shows a proxy that sets it, so check that one does.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      if (s?.fromEnvironment) {
        report(fromEnvironmentReport(s));
        continue;
      }
      const value = s ? s.value : 'x-forwarded-for';
      const trusted = value.split(',').map((h) => h.trim().toLowerCase()).filter((h) => FORWARDING.has(h));
      if (trusted.length === 0) continue;
      const data = { headers: trusted.join(', ') };
      const resource = envResource(NAME);
      const location = locationOf(d, NAME);
      if (d.directlyPublished) report({ messageId: 'bypass', data: { ...data, service: d.directlyPublished.service }, resource, location: d.directlyPublished.location, evidence: { trustedHeaders: value } });
      else if (d.proxy?.passesClientForwardedHeaders) report({ messageId: 'proxyPasses', data: { ...data, service: d.proxy.service }, resource, location: d.proxy.location });
      else if (d.proxy) continue;
      else if (d.composeFiles.length > 0) report({ messageId: 'noProxy', data, resource, location });
      else report({ messageId: 'unverified', data, resource, location, severity: 'low' });
    }
  },
});
