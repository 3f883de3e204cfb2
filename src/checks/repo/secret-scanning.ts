import { defineCheck } from '../../core/check.js';

export const secretScanning = defineCheck({
  meta: {
    id: 'repo/secret-scanning',
    title: 'CI scans every change for committed secrets',
    severity: 'medium',
    risk: 'An Appwrite API key or cloud credential pushed in a commit stays in git history for ever; without a scan in CI it is found by an attacker first.',
    remediation: 'Run `appwrite-secops secrets --history` (or gitleaks / trufflehog) in a workflow on push and pull_request, and enable GitHub secret scanning with push protection.',
    references: ['https://docs.github.com/en/code-security/secret-scanning/introduction/about-secret-scanning'],
    controls: ['repository.secret-scanning'],
  },
  needs: ['github-repo'],
  messages: { missing: 'No workflow runs a secret scan (appwrite-secops secrets/audit, gitleaks or trufflehog).' },
  run({ 'github-repo': repo }, { report }) {
    const scans = repo.workflows.some((w) =>
      w.jobs.some((j) => j.steps.some((s) => /gitleaks|trufflehog|secretlint/i.test(s.uses ?? '') || /appwrite-secops(\.js|@[\w.-]+)?\s+(secrets|audit)\b|gitleaks|trufflehog|secretlint/.test(s.run ?? ''))),
    );
    if (!scans) report({ messageId: 'missing', resource: { type: 'repository', id: '.' }, location: { path: '.github/workflows' } });
  },
});
