import { envVarSpec, nearestEnvVarName } from '../../appwrite/env-vars.js';
import { defineCheck } from '../../core/check.js';
import type { Location } from '../../core/finding.js';
import { DOCS, envResource } from './settings.js';

export const envNamesKnown = defineCheck({
  meta: {
    id: 'selfhost/env-names-known',
    title: 'Every _APP_* setting is one Appwrite knows',
    severity: 'low',
    risk: 'Appwrite silently ignores names it does not know, so a typo (_APP_OPTIONS_FORCE_HTTP, _APP_CONSOLE_WHITELIST_EMAIL) leaves the real setting at its default while the file looks right. Medium when the name is a typo of a security setting.',
    remediation: 'Rename the variable to the name Appwrite reads (see the suggestion and the environment-variables reference), or delete it; then `docker compose up -d`.',
    references: [DOCS.envVars],
    controls: ['hardening.config'],
  },
  needs: ['selfhost-env'],
  messages: {
    typo: '{{name}} is not an Appwrite setting; did you mean {{suggestion}}? As written it is ignored.',
    unknown: '{{name}} is not an Appwrite setting this tool knows (catalog of {{release}}); Appwrite ignores unknown names.',
  },
  run(facts, { report }) {
    const env = facts['selfhost-env'];
    // Names the compose files interpolate (the installer's _APP_HTTP_PORT, a custom _APP_VERSION) are
    // read by compose, not by Appwrite: known on purpose.
    const composeNames = new Set(env.deployments.flatMap((d) => d.composeVariables));
    const seen = new Set<string>();
    const judge = (name: string, location: Location): void => {
      if (!name.toUpperCase().startsWith('_APP_') || envVarSpec(name) || composeNames.has(name)) return;
      const key = `${location.path}:${location.line}:${name}`;
      if (seen.has(key)) return;
      seen.add(key);
      const suggestion = nearestEnvVarName(name);
      if (suggestion) {
        const security = !!envVarSpec(suggestion)?.security || !!envVarSpec(suggestion)?.secret;
        report({ messageId: 'typo', data: { name, suggestion }, resource: envResource(name), location, severity: security ? 'medium' : 'low', evidence: { suggestion } });
      } else {
        report({ messageId: 'unknown', data: { name, release: '1.9.6 and main' }, resource: envResource(name), location });
      }
    };
    for (const f of env.files) {
      if (f.kind !== 'env') continue;
      for (const e of f.entries) judge(e.key, { path: f.path, line: e.line, column: e.column });
    }
    for (const d of env.deployments) for (const s of Object.values(d.settings)) if (s.origin === 'compose') judge(s.name, s.location);
  },
});
