import { matchesAny } from '../../core/glob.js';
import { defineCheck } from '../../core/check.js';
import { apiLocation, eachSection, UNREADABLE } from './sections.js';

const DEV_HOST = [
  /^localhost$/i,
  /\.localhost$/i,
  /^127\.\d+\.\d+\.\d+$/,
  /^0\.0\.0\.0$/,
  /^\[?::1\]?$/,
  /^10\.\d+\.\d+\.\d+$/,
  /^192\.168\.\d+\.\d+$/,
  /^172\.(1[6-9]|2\d|3[01])\.\d+\.\d+$/,
  /\.(local|test|internal|lan|home\.arpa)$/i,
  /\.(ngrok\.io|ngrok-free\.app|ngrok\.app|loca\.lt|trycloudflare\.com)$/i,
];

export function isDevHost(host: string): boolean {
  const h = host.replace(/:\d+$/, '');
  return DEV_HOST.some((re) => re.test(h));
}

/**
 * Platforms are Appwrite's origin allow-list for browsers (CORS) and native apps: a wildcard or a
 * development host in production lets other origins call the API with users' sessions.
 */
export const platformsRestricted = defineCheck({
  meta: {
    id: 'live/platforms-restricted',
    title: 'Platforms allow only the approved production origins',
    severity: 'high',
    risk: 'A wildcard web platform lets any site make credentialed requests to the API from a user\'s browser; localhost or tunnel hosts in production let anyone running a page on their own machine do the same.',
    remediation: 'Replace wildcard and development platforms with the exact production hostnames (Console > Overview > Platforms); keep local development in a separate project.',
    references: ['https://appwrite.io/docs/advanced/platform/custom-domains', 'https://appwrite.io/docs/apis/rest#client-integration'],
    controls: ['hardening.project', 'network.cors'],
  },
  needs: ['appwrite-live'],
  messages: {
    wildcard: '{{env}}: web platform "{{name}}" allows hostname "{{host}}", a wildcard.',
    devHost: '{{env}}: production project allows development host "{{host}}" (platform "{{name}}").',
    unapproved: '{{env}}: platform "{{name}}" ({{kind}} {{value}}) is not in approvedPlatforms.',
    unreadable: UNREADABLE,
  },
  run({ 'appwrite-live': facts }, { report }) {
    eachSection(facts, 'platforms', report, (s, platforms) => {
      for (const p of platforms) {
        const base = { resource: { type: 'platform', id: p.id, name: p.name }, location: apiLocation(s, `/project/platforms/${p.id}`) };
        const value = p.kind === 'web' ? (p.hostname ?? '') : (p.identifier ?? '');
        const data = { env: s.environment, name: p.name || p.id, host: value, kind: p.kind, value };
        if (p.kind === 'web' && value.includes('*')) report({ ...base, messageId: 'wildcard', data, severity: s.production ? 'high' : 'medium', key: 'wildcard', evidence: { hostname: value } });
        else if (p.kind === 'web' && s.production && isDevHost(value)) report({ ...base, messageId: 'devHost', data, severity: 'medium', key: 'dev-host', evidence: { hostname: value } });
        else if (s.approvedPlatforms && !matchesAny(s.approvedPlatforms, value)) report({ ...base, messageId: 'unapproved', data, severity: s.production ? 'medium' : 'low', key: 'unapproved', evidence: { [p.kind === 'web' ? 'hostname' : 'identifier']: value } });
      }
    });
  },
});
