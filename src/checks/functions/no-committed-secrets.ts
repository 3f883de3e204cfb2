import { classifyVariable, type VariableModel } from '../../appwrite/project-model.js';
import '../../collectors/appwrite-config/schema.js';
import { defineCheck } from '../../core/check.js';
import { redactSecret } from '../../core/redact.js';

/**
 * `vars` of functions and sites hold real credentials inside the project file, which is committed and
 * reviewed in pull requests. Only the redacted form (prefix + hash) ever leaves this check.
 */
export const noCommittedSecrets = defineCheck({
  meta: {
    id: 'functions/no-committed-secrets',
    title: 'Function and site variables in the project file hold no secrets',
    severity: 'high',
    risk: 'Everyone with read access to the repository (and its history, forks and CI logs) holds the credential.',
    remediation: 'Remove the value from the project file, rotate the credential, and set the variable in the Console or with `appwrite functions create-variable` (or a secret manager); keep only non-secret settings in "vars".',
    references: ['https://appwrite.io/docs/products/functions/develop#environment-variables'],
    controls: ['hardening.project', 'secrets.not-committed'],
  },
  needs: ['appwrite-project'],
  messages: {
    secretVar: '{{kind}} "{{owner}}" commits the {{why}} variable {{name}} ({{value}}).',
  },
  run({ 'appwrite-project': facts }, { report }) {
    for (const project of facts.projects) {
      const owners: { kind: 'function' | 'site'; id: string; name?: string; vars: VariableModel[] }[] = [
        ...project.functions.map((f) => ({ kind: 'function' as const, id: f.id, name: f.name, vars: f.vars })),
        ...project.sites.map((s) => ({ kind: 'site' as const, id: s.id, name: s.name, vars: s.vars })),
      ];
      for (const o of owners) {
        for (const v of o.vars) {
          const why = classifyVariable(v.key, v.value);
          if (!why) continue;
          const redacted = redactSecret(v.value);
          report({
            messageId: 'secretVar',
            data: { kind: o.kind, owner: o.id, name: v.key, why: why === 'secret-format' ? 'credential-format' : 'secret-named', value: redacted },
            resource: { type: o.kind, id: o.id, ...(o.name ? { name: o.name } : {}) },
            location: v.location,
            severity: why === 'secret-format' ? 'critical' : 'high',
            key: `var:${v.key}`,
            evidence: { variable: v.key, value: redacted },
          });
        }
      }
    }
  },
});
