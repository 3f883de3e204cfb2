import { defineCheck } from '../../core/check.js';
import { checksOutUntrustedCode, isPrivilegedTrigger } from './workflow-facts.js';

export const noUntrustedCheckout = defineCheck({
  meta: {
    id: 'repo/no-untrusted-checkout',
    title: 'Privileged workflows never check out pull-request code',
    severity: 'critical',
    risk: '`pull_request_target` and `workflow_run` run with the base repository\'s secrets and a write token. Checking out and building the pull request\'s code there lets any outside contributor run code with those secrets ("pwn request").',
    remediation: 'Use the `pull_request` trigger for anything that builds or runs contributed code. If a privileged follow-up is needed, pass data through artifacts and treat it as untrusted; never check out `github.event.pull_request.head.sha` in a privileged workflow.',
    references: ['https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/'],
    controls: ['repository.workflow-triggers'],
  },
  needs: ['github-repo'],
  messages: {
    checkout: 'Workflow triggered by {{triggers}} checks out pull-request code in job "{{job}}" (ref: {{ref}}).',
  },
  run({ 'github-repo': repo }, { report }) {
    for (const wf of repo.workflows) {
      if (!isPrivilegedTrigger(wf)) continue;
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (!checksOutUntrustedCode(step)) continue;
          report({
            messageId: 'checkout',
            data: { triggers: wf.on.join(', '), job: job.id, ref: step.with.ref ?? step.with.repository ?? '' },
            resource: { type: 'workflow-job', id: `${wf.path}#${job.id}` },
            location: { path: wf.path, line: step.usesLine ?? step.line },
          });
        }
      }
    }
  },
});
