import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, unsetLocation } from './settings.js';

const NAME = '_APP_EMAIL_SECURITY';
const DEPRECATED = '_APP_SYSTEM_SECURITY_EMAIL_ADDRESS';

export const securityEmailSet = defineCheck({
  meta: {
    id: 'selfhost/security-email-set',
    title: 'A security contact address of your own is configured',
    severity: 'low',
    risk: 'Appwrite tells the world where to report abuse (its outgoing User-Agent says "Please report abuse at <_APP_EMAIL_SECURITY>"). Unset, or left at an appwrite.io address, abuse and security reports about your server reach nobody who can act on them.',
    remediation: 'Set _APP_EMAIL_SECURITY to a monitored address of your team (and _APP_EMAIL_CERTIFICATES for Let\'s Encrypt). Replace the deprecated _APP_SYSTEM_SECURITY_EMAIL_ADDRESS (deprecated since 1.5.1).',
    references: [DOCS.envVars],
    controls: ['hardening.config'],
  },
  needs: ['selfhost-env'],
  messages: {
    unset: 'No security contact: _APP_EMAIL_SECURITY is not set.',
    deprecatedOnly: 'Only the deprecated _APP_SYSTEM_SECURITY_EMAIL_ADDRESS is set; Appwrite 1.5.1+ reads _APP_EMAIL_SECURITY.',
    notYours: '{{name}} is an appwrite.io address ("{{value}}"): reports about your server go to Appwrite, not to you.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      const old = d.settings[DEPRECATED];
      const resource = envResource(NAME);
      if (s?.fromEnvironment) {
        report(fromEnvironmentReport(s));
        continue;
      }
      if (s && s.value.trim() !== '') {
        if (/@appwrite\.io$/i.test(s.value.trim())) report({ messageId: 'notYours', data: { name: NAME, value: s.value.trim() }, resource, location: s.location });
        continue;
      }
      if (old && !old.fromEnvironment && old.value.trim() !== '') report({ messageId: 'deprecatedOnly', resource, location: old.location });
      else report({ messageId: 'unset', resource, location: s?.location ?? unsetLocation(d) });
    }
  },
});
