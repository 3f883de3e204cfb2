import { envVarSpec } from '../../appwrite/env-vars.js';
import { defineCheck } from '../../core/check.js';
import type { Location } from '../../core/finding.js';
import { DOCS, envResource } from './settings.js';

export const envNamesCurrent = defineCheck({
  meta: {
    id: 'selfhost/env-names-current',
    title: 'No deprecated Appwrite setting names are in use',
    severity: 'low',
    risk: 'Deprecated names (e.g. _APP_OPTIONS_FUNCTIONS_FORCE_HTTPS, _APP_SYSTEM_SECURITY_EMAIL_ADDRESS) are no longer the ones Appwrite reads or will stop being read after an upgrade; the setting then silently falls back to its default.',
    remediation: 'Move the value to the current name given in the finding, delete the old line, and `docker compose up -d`.',
    references: [DOCS.envVars],
    controls: ['hardening.config'],
  },
  needs: ['selfhost-env'],
  messages: {
    replaced: '{{name}} is deprecated{{since}}; use {{replacement}} instead.',
    dropped: '{{name}} is deprecated{{since}} and has no replacement; remove it.',
  },
  run(facts, { report }) {
    const seen = new Set<string>();
    const judge = (name: string, location: Location): void => {
      const dep = envVarSpec(name)?.deprecated;
      if (!dep) return;
      const key = `${location.path}:${location.line}:${name}`;
      if (seen.has(key)) return;
      seen.add(key);
      const since = dep.since ? ` since ${dep.since}` : '';
      if (dep.replacement?.length) report({ messageId: 'replaced', data: { name, since, replacement: dep.replacement.join(' and ') }, resource: envResource(name), location });
      else report({ messageId: 'dropped', data: { name, since }, resource: envResource(name), location });
    };
    const env = facts['selfhost-env'];
    for (const f of env.files) if (f.kind === 'env') for (const e of f.entries) judge(e.key, { path: f.path, line: e.line, column: e.column });
    for (const d of env.deployments) for (const s of Object.values(d.settings)) if (s.origin === 'compose') judge(s.name, s.location);
  },
});
