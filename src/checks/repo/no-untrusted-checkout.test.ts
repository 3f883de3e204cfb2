import { testCheck } from '../../../test/support/check-tester.js';
import { noUntrustedCheckout } from './no-untrusted-checkout.js';
import { repoFacts } from './__fixtures__/repo-facts.js';

const wf = (on: string, ref: string) =>
  `on: ${on}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${ref}\n      - run: npm test\n`;

testCheck(noUntrustedCheckout, {
  valid: [
    { name: 'pull_request may check out the head', facts: repoFacts({ 'a.yml': wf('pull_request', '${{ github.event.pull_request.head.sha }}') }) },
    { name: 'pull_request_target on the base branch', facts: repoFacts({ 'a.yml': wf('pull_request_target', '${{ github.base_ref }}') }) },
  ],
  invalid: [
    { name: 'head sha', facts: repoFacts({ 'a.yml': wf('pull_request_target', '${{ github.event.pull_request.head.sha }}') }), errors: [{ messageId: 'checkout', line: 6, severity: 'critical' }] },
    { name: 'head_ref', facts: repoFacts({ 'a.yml': wf('[pull_request_target]', '${{ github.head_ref }}') }), errors: [{ messageId: 'checkout' }] },
    { name: 'workflow_run head', facts: repoFacts({ 'a.yml': wf('workflow_run', '${{ github.event.workflow_run.head_sha }}') }), errors: [{ messageId: 'checkout' }] },
  ],
});
