import { defineCheck } from '../../core/check.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, locationOf } from './settings.js';

const NAME = '_APP_STORAGE_ANTIVIRUS';

export const antivirusEnabled = defineCheck({
  meta: {
    id: 'selfhost/antivirus-enabled',
    title: 'Uploaded files are scanned for malware',
    severity: 'low',
    risk: 'With _APP_STORAGE_ANTIVIRUS disabled (the default) Appwrite stores and serves any uploaded file, so a bucket can distribute malware to your users under your domain. Low: scanning is a defence in depth, bucket permissions and file-type limits come first.',
    remediation: 'Run a ClamAV service (image appwrite/clamav) on the appwrite network, set _APP_STORAGE_ANTIVIRUS=enabled with _APP_STORAGE_ANTIVIRUS_HOST / _PORT, and keep `antivirus: true` on buckets that accept user uploads (files over 20 MB are not scanned).',
    references: [DOCS.envVars],
    controls: ['hardening.storage'],
  },
  needs: ['selfhost-env'],
  messages: {
    disabled: 'Antivirus scanning of uploads is {{state}}.',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      const s = d.settings[NAME];
      if (s?.fromEnvironment) {
        report(fromEnvironmentReport(s));
        continue;
      }
      if (s?.value === 'enabled') continue;
      report({ messageId: 'disabled', data: { state: s && s.value !== '' ? `"${s.value}"` : 'off (unset, default "disabled")' }, resource: envResource(NAME), location: locationOf(d, NAME) });
    }
  },
});
