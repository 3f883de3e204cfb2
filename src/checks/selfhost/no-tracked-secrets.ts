import { isPlaceholderValue, isSecretVarName } from '../../appwrite/env-vars.js';
import type { EnvEntryFact } from '../../collectors/selfhost-env/schema.js';
import { looksLikeSecretValue } from '../../collectors/selfhost-env/secret-values.js';
import { defineCheck } from '../../core/check.js';
import { redactSecret } from '../../core/redact.js';
import { DOCS } from './settings.js';

const NOT_SECRET_NAME = /(_ID|_HOST|_URL|_ENDPOINT|_DOMAIN|_NAME|_REGION|_BUCKET|_PATH|_DIR)$/i;

/** Entries of a file that hold a real (non-placeholder) secret, overridden lines included: they are in the file too. */
export function realSecrets(entries: readonly EnvEntryFact[]): EnvEntryFact[] {
  return entries.filter((e) => {
    if (e.inherited || e.fromEnvironment || e.value.trim() === '' || isPlaceholderValue(e.value)) return false;
    return isSecretVarName(e.key) || (looksLikeSecretValue(e.value) && !NOT_SECRET_NAME.test(e.key));
  });
}

export const noTrackedSecrets = defineCheck({
  meta: {
    id: 'selfhost/no-tracked-secrets',
    title: 'No env file that git tracks holds a real secret',
    severity: 'critical',
    risk: 'A secret in a file git tracks is in every clone, fork, CI cache and backup of the repository, and stays in its history after the file is fixed. For Appwrite that includes _APP_OPENSSL_KEY_V1, which decrypts stored secrets and mints API keys.',
    remediation: 'Rotate every secret the file holds (the old values are in git history for ever; for _APP_OPENSSL_KEY_V1 plan the migration, do not just swap it), then `git rm --cached <file>`, add it to .gitignore, and keep values in a secret store or an untracked file. Commit a template (.env.example) with empty secret values instead.',
    references: [DOCS.security],
    controls: ['hardening.secrets'],
  },
  needs: ['selfhost-env'],
  messages: {
    tracked: '{{path}} is tracked by git and holds {{count}} real secret(s): {{names}}.',
    unknown: 'Cannot tell whether git tracks {{path}}, which holds {{count}} real secret(s): {{reason}}.',
  },
  run(facts, { report }) {
    const env = facts['selfhost-env'];
    for (const f of env.files) {
      if (f.kind === 'template' || f.error || f.tracked === false) continue;
      const secrets = realSecrets(f.entries);
      if (secrets.length === 0) continue;
      const names = [...new Set(secrets.map((s) => s.key))];
      const first = secrets[0]!;
      const resource = { type: 'file', id: f.path, name: f.path };
      const location = { path: f.path, line: first.line, column: first.column };
      const evidence = {
        variables: secrets.map((s) => `${s.key} (line ${s.line})`).join(', '),
        fingerprints: secrets.map((s) => `${s.key}=${redactSecret(s.value)}`).join(', '),
      };
      if (f.tracked === true) report({ messageId: 'tracked', data: { path: f.path, count: secrets.length, names: names.join(', ') }, resource, location, evidence });
      else report({ messageId: 'unknown', status: 'error', data: { path: f.path, count: secrets.length, reason: env.git.detail ?? 'git is unavailable' }, resource, location, evidence });
    }
  },
});
