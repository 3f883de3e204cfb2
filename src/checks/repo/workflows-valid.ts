import { defineCheck } from '../../core/check.js';

export const workflowsValid = defineCheck({
  meta: {
    id: 'repo/workflows-valid',
    title: 'Every workflow and dependabot.yml parses',
    severity: 'medium',
    risk: 'GitHub silently skips a workflow or Dependabot configuration it cannot parse, so the security job you think runs does not.',
    remediation: 'Fix the YAML at the reported line; `actionlint` points at workflow mistakes precisely.',
    references: ['https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions'],
    controls: ['repository.security-ci'],
  },
  needs: ['github-repo'],
  messages: { invalid: '{{path}} does not parse: {{error}}' },
  run({ 'github-repo': repo }, { report }) {
    for (const wf of repo.workflows) {
      if (wf.invalid) report({ messageId: 'invalid', data: { path: wf.path, error: wf.invalid }, resource: { type: 'workflow', id: wf.path }, location: { path: wf.path, line: wf.invalidLine } });
    }
    const d = repo.dependabot;
    if (d?.invalid) report({ messageId: 'invalid', data: { path: d.path, error: d.invalid }, resource: { type: 'dependabot', id: d.path }, location: { path: d.path } });
  },
});
