import { defineCheck } from '../../core/check.js';

export const workflowPermissions = defineCheck({
  meta: {
    id: 'repo/workflow-permissions',
    title: 'Workflows declare least-privilege token permissions',
    severity: 'medium',
    risk: 'Without a `permissions` block the GITHUB_TOKEN gets the repository default, which is read-write for older repositories and organisations; `write-all` hands every scope to every step, so one compromised dependency can push code or publish releases.',
    remediation: 'Add `permissions: {}` or `permissions: { contents: read }` at the top of each workflow and grant the few write scopes a job needs on that job only.',
    references: ['https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token'],
    controls: ['repository.token-permissions'],
  },
  needs: ['github-repo'],
  messages: {
    missing: 'Workflow {{path}} sets no top-level permissions and job "{{job}}" sets none either: the token gets the repository default.',
    writeAll: '{{where}} grants "write-all".',
  },
  run({ 'github-repo': repo }, { report }) {
    for (const wf of repo.workflows) {
      if (wf.invalid) continue;
      if (wf.permissions === 'write-all') {
        report({ messageId: 'writeAll', severity: 'high', data: { where: `Workflow ${wf.path}` }, resource: { type: 'workflow', id: wf.path }, location: { path: wf.path, line: wf.permissionsLine }, key: 'top' });
      }
      for (const job of wf.jobs) {
        if (job.permissions === 'write-all') {
          report({ messageId: 'writeAll', severity: 'high', data: { where: `Job "${job.id}"` }, resource: { type: 'workflow-job', id: `${wf.path}#${job.id}` }, location: { path: wf.path, line: job.permissionsLine ?? job.line } });
        } else if (wf.permissions === undefined && job.permissions === undefined && !job.uses) {
          report({ messageId: 'missing', data: { path: wf.path, job: job.id }, resource: { type: 'workflow-job', id: `${wf.path}#${job.id}` }, location: { path: wf.path, line: job.line } });
        }
      }
    }
  },
});
