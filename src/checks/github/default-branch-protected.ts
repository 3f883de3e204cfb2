import { defineCheck } from '../../core/check.js';

export const defaultBranchProtected = defineCheck({
  meta: {
    id: 'github/default-branch-protected',
    title: 'The default branch requires reviewed pull requests and refuses force pushes',
    severity: 'high',
    risk: 'Without protection one compromised account or token can push straight to the branch you release from, or rewrite its history to hide a change.',
    remediation: 'Protect the default branch with a ruleset (or classic branch protection): require a pull request with at least one approving review, block force pushes and deletion.',
    references: ['https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/about-rulesets'],
    controls: ['repository.branch-protection'],
  },
  needs: ['github-online'],
  messages: {
    unprotected: 'The default branch {{branch}} of {{repo}} is not protected.',
    noReview: 'The default branch {{branch}} does not require an approving review.',
    forcePush: 'The default branch {{branch}} allows force pushes.',
    unknown: 'Could not tell whether {{branch}} is protected: {{why}}',
  },
  run({ 'github-online': gh }, { report }) {
    const data = { repo: gh.repo, branch: gh.defaultBranch ?? '(unknown)' };
    const resource = { type: 'github-branch', id: `${gh.repo}@${data.branch}` };
    const p = gh.branchProtection;
    if (!p) return report({ messageId: 'unknown', status: 'error', data: { ...data, why: gh.errors.branchProtection ?? 'not reported by the API' }, resource });
    if (!p.protected) return report({ messageId: 'unprotected', data, resource });
    if ((p.requiredReviews ?? 0) < 1) report({ messageId: 'noReview', severity: 'medium', data, resource });
    if (p.allowsForcePushes) report({ messageId: 'forcePush', data, resource });
  },
});
