import { isPlaceholderValue, placeholderDefaultOf, placeholderDefaultSecrets } from '../../appwrite/env-vars.js';
import type { Setting } from '../../collectors/selfhost-env/schema.js';
import { defineCheck } from '../../core/check.js';
import { redactSecret } from '../../core/redact.js';
import type { Severity } from '../../core/severity.js';
import { appwriteDeployments, DOCS, envResource, FROM_ENVIRONMENT_MESSAGE, fromEnvironmentReport, secretStrength, unsetLocation } from './settings.js';

/** Has its own check (selfhost/openssl-key-strong). */
const OWN_CHECK = new Set(['_APP_OPENSSL_KEY_V1']);

/**
 * Why each secret matters. The executor secret is critical: function runtimes share a network with
 * the executor, which holds the Docker socket, so a known secret lets function code start containers
 * on the host. Database credentials are high: the database is not published by default, but anything
 * on the Docker network (or a published port) gets all project data.
 */
const SEVERITY: Record<string, Severity> = { _APP_EXECUTOR_SECRET: 'critical' };
const MIN_LENGTH: Record<string, number> = { _APP_EXECUTOR_SECRET: 32 };
/** Unset is as bad as the placeholder only where Appwrite then runs with an empty secret. */
const REQUIRED = new Set(['_APP_EXECUTOR_SECRET']);

export const defaultSecretsReplaced = defineCheck({
  meta: {
    id: 'selfhost/default-secrets-replaced',
    title: 'Secrets that ship with placeholder defaults have been replaced with strong values',
    severity: 'high',
    risk:
      'Appwrite ships non-empty placeholders for _APP_EXECUTOR_SECRET ("your-secret-key"), _APP_DB_PASS ("password") and _APP_DB_ROOT_PASS ("rootsecretpassword"), and the installer keeps them unless a value is typed. These values are public: with the executor secret, code running in a function can ask the executor (which controls Docker) to run containers on the host; with the database passwords, anything that reaches the database reads and changes every project.',
    remediation:
      'Generate each secret (`openssl rand -hex 32`), set it in the .env, and restart with `docker compose up -d`. Database passwords must also be changed inside the database (ALTER USER) before the .env changes, or Appwrite cannot connect; the executor secret must match in the appwrite and executor services (OPR_EXECUTOR_SECRET).',
    references: [DOCS.security, DOCS.envVars],
    controls: ['hardening.secrets'],
  },
  needs: ['selfhost-env'],
  messages: {
    placeholder: '{{name}} is still the shipped placeholder "{{placeholder}}".',
    templateValue: '{{name}} holds a template placeholder, not a secret.',
    missing: '{{name}} is not set; the executor then accepts an empty secret.',
    empty: '{{name}} is empty.',
    weak: '{{name}} is short or guessable ({{length}} characters).',
    fromEnvironment: FROM_ENVIRONMENT_MESSAGE,
  },
  run(facts, { report }) {
    for (const d of appwriteDeployments(facts['selfhost-env'])) {
      for (const spec of placeholderDefaultSecrets()) {
        if (OWN_CHECK.has(spec.name)) continue;
        const s = d.settings[spec.name];
        const severity = SEVERITY[spec.name] ?? 'high';
        if (!s) {
          if (REQUIRED.has(spec.name) && d.appwriteServices.length + d.envFiles.length > 0) {
            report({ messageId: 'missing', data: { name: spec.name }, resource: envResource(spec.name), location: unsetLocation(d), severity });
          }
          continue;
        }
        judge(s, severity, MIN_LENGTH[spec.name] ?? 16);
      }
      // Bundled containers' own credentials written inline in compose (MYSQL_ROOT_PASSWORD=rootsecretpassword).
      for (const s of d.containerSecrets) if (s.value !== '' || s.fromEnvironment) judge(s, 'high', 16);
    }

    function judge(s: Setting, severity: Severity, minLength: number): void {
      const resource = envResource(s.name);
      if (s.fromEnvironment) {
        report({ ...fromEnvironmentReport(s), severity });
        return;
      }
      const evidence = { source: s.origin, ...(s.service ? { service: s.service } : {}) };
      if (s.value === '') {
        report({ messageId: 'empty', data: { name: s.name }, resource, location: s.location, severity, evidence });
      } else if (isPlaceholderValue(s.value)) {
        const shipped = placeholderDefaultOf(s.name);
        if (s.value === shipped || ['password', 'rootsecretpassword', 'your-secret-key'].includes(s.value)) {
          report({ messageId: 'placeholder', data: { name: s.name, placeholder: s.value }, resource, location: s.location, severity, evidence });
        } else {
          report({ messageId: 'templateValue', data: { name: s.name }, resource, location: s.location, severity, evidence: { ...evidence, value: redactSecret(s.value) } });
        }
      } else if (!secretStrength(s.value, minLength).ok) {
        report({ messageId: 'weak', data: { name: s.name, length: s.value.length }, resource, location: s.location, severity: severity === 'critical' ? 'high' : 'medium', evidence: { ...evidence, value: redactSecret(s.value) } });
      }
    }
  },
});
