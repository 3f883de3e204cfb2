import { testCheck } from '../../../test/support/check-tester.js';
import { noScriptInjection } from './no-script-injection.js';
import { repoFacts } from './__fixtures__/repo-facts.js';

const wf = (run: string) => `on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

testCheck(noScriptInjection, {
  valid: [
    { name: 'through env', facts: repoFacts({ 'a.yml': `on: issues\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          TITLE: \${{ github.event.issue.title }}\n        run: echo "$TITLE"\n` }) },
    { name: 'trusted context', facts: repoFacts({ 'a.yml': wf('echo ${{ github.sha }} ${{ github.event.pull_request.number }}') }) },
  ],
  invalid: [
    { name: 'title inline', facts: repoFacts({ 'a.yml': wf('echo "${{ github.event.pull_request.title }}"') }), errors: [{ messageId: 'injection', line: 6 }] },
    {
      name: 'block scalar, second line',
      facts: repoFacts({ 'a.yml': 'on: issue_comment\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo start\n          echo "${{ github.event.comment.body }}"\n' }),
      errors: [{ messageId: 'injection', line: 8 }],
    },
    { name: 'head_ref', facts: repoFacts({ 'a.yml': wf('git push origin ${{ github.head_ref }}') }), errors: [{ messageId: 'injection' }] },
    { name: 'two expressions', facts: repoFacts({ 'a.yml': wf('echo ${{ github.event.issue.body }} ${{ github.event.head_commit.message }}') }), errors: [{ messageId: 'injection' }, { messageId: 'injection' }] },
  ],
});
