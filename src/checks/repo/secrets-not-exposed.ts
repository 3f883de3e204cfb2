import { defineCheck } from '../../core/check.js';
import { checksOutUntrustedCode, isPrivilegedTrigger, parseUses } from './workflow-facts.js';

const SECRET_REF = /\$\{\{\s*secrets\.(?!GITHUB_TOKEN\b)[A-Za-z0-9_]+\s*\}\}/;

export const secretsNotExposed = defineCheck({
  meta: {
    id: 'repo/secrets-not-exposed',
    title: 'Secrets are not handed to untrusted code in workflows',
    severity: 'high',
    risk: 'A secret passed to an unpinned third-party action, inherited wholesale by a third-party reusable workflow, or available to a job that runs pull-request code can be read by whoever controls that code.',
    remediation: 'Pass only the secrets a step needs, only to actions pinned by SHA; replace `secrets: inherit` with an explicit list; never expose secrets in a privileged workflow that checks out pull-request code.',
    references: ['https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions'],
    controls: ['repository.secrets-handling'],
  },
  needs: ['github-repo'],
  messages: {
    unpinnedAction: 'Job "{{job}}" passes a secret to {{uses}}, which is not pinned to a commit SHA.',
    inherit: 'Job "{{job}}" hands every secret (`secrets: inherit`) to the third-party workflow {{uses}}.',
    prCode: 'Job "{{job}}" runs pull-request code in a {{trigger}} workflow and uses a secret in step "{{step}}".',
  },
  run({ 'github-repo': repo }, { report }) {
    for (const wf of repo.workflows) {
      for (const job of wf.jobs) {
        const where = { path: wf.path };
        const resource = { type: 'workflow-job', id: `${wf.path}#${job.id}` };
        if (job.uses && job.secretsInherit) {
          const u = parseUses(job.uses);
          if (u && !u.firstParty && u.owner) report({ messageId: 'inherit', data: { job: job.id, uses: job.uses }, resource, location: { ...where, line: job.line } });
        }
        const untrusted = isPrivilegedTrigger(wf) && job.steps.some(checksOutUntrustedCode);
        job.steps.forEach((step, i) => {
          const usesSecret = [...Object.values(step.with), ...Object.values(step.env), step.run ?? ''].some((v) => SECRET_REF.test(v));
          if (!usesSecret) return;
          const u = step.uses ? parseUses(step.uses) : undefined;
          if (u && !u.firstParty && !u.pinned) {
            report({ messageId: 'unpinnedAction', data: { job: job.id, uses: step.uses! }, resource, location: { ...where, line: step.line }, key: `${job.id}:${i}:unpinned` });
          } else if (untrusted) {
            report({ messageId: 'prCode', data: { job: job.id, trigger: wf.on.filter((e) => e === 'pull_request_target' || e === 'workflow_run').join('/'), step: step.name ?? step.uses ?? `#${i + 1}` }, resource, location: { ...where, line: step.line }, key: `${job.id}:${i}:pr` });
          }
        });
      }
    }
  },
});
