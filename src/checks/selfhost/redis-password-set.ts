import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, unsetLocation } from './settings.js';

export const redisPasswordSet = defineCheck({
  meta: {
    id: 'selfhost/redis-password-set',
    title: 'Redis requires a password',
    severity: 'medium',
    risk:
      'Appwrite keeps its queues, cache, rate-limit counters and realtime state in Redis, which ships with no password (_APP_REDIS_PASS is empty). Any container on the Docker network, or anyone reaching a published Redis port, can read queued events (webhook payloads, e-mails), reset rate limits and inject jobs. Not published by default, hence medium.',
    remediation:
      'Start Redis with a password (`command: redis-server --requirepass "${_APP_REDIS_PASS}"` on the redis service) and set the same value in _APP_REDIS_PASS, then `docker compose up -d`.',
    references: [DOCS.envVars],
    controls: ['hardening.secrets', 'hardening.network'],
  },
  needs: ['selfhost-env'],
  messages: {
    empty: '_APP_REDIS_PASS is empty: Redis accepts connections without a password.',
    unset: '_APP_REDIS_PASS is not set: Redis accepts connections without a password.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings._APP_REDIS_PASS;
      const resource = envResource('_APP_REDIS_PASS');
      if (!s) report({ messageId: 'unset', resource, location: unsetLocation(d) });
      else if (s.fromEnvironment) report(fromEnvironmentReport(s));
      else if (s.value.trim() === '') report({ messageId: 'empty', resource, location: s.location });
    }
  },
});
