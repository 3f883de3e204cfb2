import { defineCheck } from '../../core/check.js';
import '../../collectors/secrets/schema.js';

export const scanComplete = defineCheck({
  meta: {
    id: 'secrets/scan-complete',
    title: 'Every file in the workspace could be scanned for secrets',
    severity: 'medium',
    risk: 'A file that could not be read, or was too large to scan, may hold a secret that no report shows.',
    remediation: 'Make the file readable to the scanning user, raise secrets.maxFileMiB, or exclude the file deliberately with secrets.exclude.',
    references: [],
    controls: ['secrets.not-committed'],
  },
  needs: ['secrets'],
  messages: {
    notScanned: '{{path}} was not scanned for secrets: {{reason}}.',
  },
  run({ secrets }, { report }) {
    for (const s of secrets.skipped) {
      // Binary files are skipped by design (no text secret to match), not a gap in coverage.
      if (s.reason === 'binary') continue;
      report({ messageId: 'notScanned', data: { path: s.path, reason: s.reason }, location: { path: s.path }, resource: { type: 'file', id: s.path }, status: 'error' });
    }
  },
});
