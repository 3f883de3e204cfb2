import { defineCheck } from '../../core/check.js';

export const envFilesReadable = defineCheck({
  meta: {
    id: 'selfhost/env-files-readable',
    title: 'Every env file found could be read and audited',
    severity: 'high',
    risk: 'An env file that cannot be read (binary, not UTF-8, too large, no permission) is not audited, so whatever it sets is unknown: a pass elsewhere means nothing for it.',
    remediation: 'Make the file readable as UTF-8 text (it should be a dotenv file), move non-env content elsewhere, or run the audit with permission to read it.',
    references: [],
    controls: ['hardening.secrets'],
  },
  needs: ['selfhost-env'],
  messages: {
    unreadable: 'Not audited: {{reason}}.',
  },
  run(facts, { report }) {
    for (const f of facts['selfhost-env'].files) {
      if (f.error) report({ messageId: 'unreadable', status: 'error', data: { reason: f.error }, resource: { type: 'file', id: f.path }, location: { path: f.path } });
    }
  },
});
