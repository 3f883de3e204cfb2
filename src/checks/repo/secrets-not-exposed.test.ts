import { testCheck } from '../../../test/support/check-tester.js';
import { secretsNotExposed } from './secrets-not-exposed.js';
import { repoFacts, SHA } from './__fixtures__/repo-facts.js';

const step = (uses: string) => `on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n        with:\n          token: \${{ secrets.DEPLOY_TOKEN }}\n`;

testCheck(secretsNotExposed, {
  valid: [
    { name: 'pinned third-party', facts: repoFacts({ 'a.yml': step(`someone/deploy@${SHA}`) }) },
    { name: 'first-party', facts: repoFacts({ 'a.yml': step('actions/upload-artifact@v4') }) },
    { name: 'GITHUB_TOKEN is not a repository secret', facts: repoFacts({ 'a.yml': 'on: push\njobs:\n  d:\n    runs-on: x\n    steps:\n      - uses: someone/x@v1\n        with:\n          token: ${{ secrets.GITHUB_TOKEN }}\n' }) },
    { name: 'inherit to own reusable workflow', facts: repoFacts({ 'a.yml': 'on: push\njobs:\n  c:\n    uses: ./.github/workflows/deploy.yml\n    secrets: inherit\n' }) },
  ],
  invalid: [
    { name: 'unpinned third-party', facts: repoFacts({ 'a.yml': step('someone/deploy@v2') }), errors: [{ messageId: 'unpinnedAction', line: 6 }] },
    { name: 'inherit to third-party', facts: repoFacts({ 'a.yml': 'on: push\njobs:\n  c:\n    uses: other-org/wf/.github/workflows/x.yml@v1\n    secrets: inherit\n' }), errors: [{ messageId: 'inherit' }] },
    {
      name: 'secret in a pwn-request job',
      facts: repoFacts({ 'a.yml': 'on: pull_request_target\njobs:\n  t:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: npm test\n        env:\n          KEY: ${{ secrets.APPWRITE_KEY }}\n' }),
      errors: [{ messageId: 'prCode', line: 9 }],
    },
  ],
});
