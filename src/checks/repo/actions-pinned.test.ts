import { testCheck } from '../../../test/support/check-tester.js';
import { actionsPinned } from './actions-pinned.js';
import { repoFacts, SHA } from './__fixtures__/repo-facts.js';

const wf = (uses: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n`;

testCheck(actionsPinned, {
  valid: [
    { name: 'third-party pinned by SHA', facts: repoFacts({ 'ci.yml': wf(`pnpm/action-setup@${SHA} # v4.1.0`) }) },
    { name: 'first-party by tag is allowed', facts: repoFacts({ 'ci.yml': wf('actions/checkout@v4') }) },
    { name: 'local and docker actions', facts: repoFacts({ 'ci.yml': wf('./.github/actions/setup') + '      - uses: docker://alpine@sha256:abc\n' }) },
  ],
  invalid: [
    { name: 'tag', facts: repoFacts({ 'ci.yml': wf('tj-actions/changed-files@v45') }), errors: [{ messageId: 'unpinned', path: '.github/workflows/ci.yml', line: 6, resourceId: 'tj-actions/changed-files' }] },
    { name: 'branch', facts: repoFacts({ 'ci.yml': wf('someone/action@main') }), errors: [{ messageId: 'unpinned', line: 6 }] },
    { name: 'short SHA', facts: repoFacts({ 'ci.yml': wf('someone/action@11bd719') }), errors: [{ messageId: 'unpinned' }] },
    { name: 'no ref', facts: repoFacts({ 'ci.yml': wf('someone/action') }), errors: [{ messageId: 'noRef' }] },
    {
      name: 'reusable workflow',
      facts: repoFacts({ 'ci.yml': 'on: push\njobs:\n  call:\n    uses: org/workflows/.github/workflows/x.yml@v1\n' }),
      errors: [{ messageId: 'unpinned', line: 3 }],
    },
  ],
});
