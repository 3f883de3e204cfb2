import { defineCheck } from '../../core/check.js';

export const dependencyReview = defineCheck({
  meta: {
    id: 'repo/dependency-review',
    title: 'Pull requests run a dependency review',
    severity: 'medium',
    risk: 'Without a review at pull-request time, a change that adds a vulnerable or malicious dependency is only noticed after it has merged and shipped.',
    remediation: 'Run `actions/dependency-review-action` (pinned by SHA) on `pull_request` with `fail-on-severity: high`, or `appwrite-secops deps` in a pull-request workflow.',
    references: ['https://docs.github.com/en/code-security/supply-chain-security/understanding-your-software-supply-chain/about-dependency-review'],
    controls: ['repository.dependency-review', 'dependencies.audit-in-ci'],
  },
  needs: ['github-repo'],
  messages: { missing: 'No workflow that runs on pull_request reviews dependencies (dependency-review-action, appwrite-secops deps/audit, osv-scanner or a package-manager audit).' },
  run({ 'github-repo': repo }, { report }) {
    const prWorkflows = repo.workflows.filter((w) => w.on.includes('pull_request') || w.on.includes('pull_request_target'));
    const reviews = prWorkflows.some((w) =>
      w.jobs.some((j) => j.steps.some((s) => /dependency-review-action|osv-scanner/.test(s.uses ?? '') || /appwrite-secops(\.js|@[\w.-]+)?\s+(deps|audit|gate)\b|osv-scanner|\b(npm|pnpm|yarn|bun) (npm )?audit\b/.test(s.run ?? ''))),
    );
    if (!reviews) report({ messageId: 'missing', resource: { type: 'repository', id: '.' }, location: { path: '.github/workflows' } });
  },
});
