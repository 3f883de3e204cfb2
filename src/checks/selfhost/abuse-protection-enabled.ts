import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport } from './settings.js';

const NAME = '_APP_OPTIONS_ABUSE';

export const abuseProtectionEnabled = defineCheck({
  meta: {
    id: 'selfhost/abuse-protection-enabled',
    title: 'Rate limiting and abuse protection are on',
    severity: 'high',
    risk: '_APP_OPTIONS_ABUSE=disabled switches off every API rate limit: password and OTP guessing, account and e-mail flooding, and expensive queries run unthrottled against the instance.',
    remediation: 'Remove _APP_OPTIONS_ABUSE or set it to "enabled" (the default), then `docker compose up -d`. For trusted automation use API keys, which are exempt from rate limits.',
    references: [DOCS.envVars],
    controls: ['hardening.abuse'],
  },
  needs: ['selfhost-env'],
  messages: {
    disabled: '_APP_OPTIONS_ABUSE is "disabled": no rate limits apply to any endpoint.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      // Appwrite compares with "disabled" only; unset and any other value keep protection on.
      if (s?.fromEnvironment) report(fromEnvironmentReport(s));
      else if (s && s.value === 'disabled') report({ messageId: 'disabled', resource: envResource(NAME), location: s.location });
    }
  },
});
