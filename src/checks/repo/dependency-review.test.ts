import { testCheck } from '../../../test/support/check-tester.js';
import { dependencyReview } from './dependency-review.js';
import { repoFacts, SHA } from './__fixtures__/repo-facts.js';

const wf = (on: string, step: string) => `on: ${on}\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - ${step}\n`;

testCheck(dependencyReview, {
  valid: [
    { name: 'dependency-review-action', facts: repoFacts({ 'a.yml': wf('pull_request', `uses: actions/dependency-review-action@${SHA}`) }) },
    { name: 'appwrite-secops deps', facts: repoFacts({ 'a.yml': wf('[pull_request, push]', 'run: npx appwrite-secops deps --fail-on high') }) },
  ],
  invalid: [
    { name: 'no workflows', facts: repoFacts({}), errors: [{ messageId: 'missing' }] },
    { name: 'only on push', facts: repoFacts({ 'a.yml': wf('push', 'run: npm audit') }), errors: [{ messageId: 'missing' }] },
  ],
});
