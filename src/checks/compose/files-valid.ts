import { defineCheck } from '../../core/check.js';

export const filesValid = defineCheck({
  meta: {
    id: 'compose/files-valid',
    title: 'Every compose file found could be parsed and audited',
    severity: 'high',
    risk: 'A compose file that does not parse (invalid YAML, duplicate keys, an alias bomb, unreadable) is not audited: its ports, volumes and images are unknown, so a clean report says nothing about it.',
    remediation: 'Fix the file at the line given (`docker compose config` shows the same error), or remove it if it is not used.',
    references: ['https://docs.docker.com/reference/compose-file/'],
    controls: ['hardening.network'],
  },
  needs: ['compose'],
  messages: {
    invalid: 'Not audited: {{reason}}.',
  },
  run(facts, { report }) {
    for (const f of facts.compose.files) {
      if (!f.error) continue;
      report({ messageId: 'invalid', status: 'error', data: { reason: f.error.message }, resource: { type: 'file', id: f.path }, location: { path: f.path, ...(f.error.line ? { line: f.error.line } : {}), ...(f.error.column ? { column: f.error.column } : {}) } });
    }
  },
});
