import { testCheck } from '../../../test/support/check-tester.js';
import { defaultBranchProtected } from './default-branch-protected.js';

type P = { protected: boolean; requiredReviews?: number; allowsForcePushes?: boolean };
const facts = (p: P | undefined, errors: Record<string, string> = {}) => ({ 'github-online': { repo: 'acme/app', defaultBranch: 'main', branchProtection: p, errors } });

testCheck(defaultBranchProtected, {
  valid: [
    { name: 'reviews, no force push', facts: facts({ protected: true, requiredReviews: 1, allowsForcePushes: false }) },
  ],
  invalid: [
    { name: 'unprotected', facts: facts({ protected: false }), errors: [{ messageId: 'unprotected' }] },
    { name: 'no review', facts: facts({ protected: true, requiredReviews: 0 }), errors: [{ messageId: 'noReview', severity: 'medium' }] },
    { name: 'force pushes', facts: facts({ protected: true, requiredReviews: 2, allowsForcePushes: true }), errors: [{ messageId: 'forcePush' }] },
    { name: 'unknown', facts: facts(undefined, { branchProtection: 'not permitted (403)' }), errors: [{ messageId: 'unknown', status: 'error' }] },
  ],
});
