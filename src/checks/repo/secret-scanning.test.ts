import { testCheck } from '../../../test/support/check-tester.js';
import { secretScanning } from './secret-scanning.js';
import { repoFacts, SHA } from './__fixtures__/repo-facts.js';

const wf = (step: string) => `on: push\njobs:\n  s:\n    runs-on: ubuntu-latest\n    steps:\n      - ${step}\n`;

testCheck(secretScanning, {
  valid: [
    { name: 'appwrite-secops secrets', facts: repoFacts({ 'a.yml': wf('run: npx appwrite-secops secrets --history') }) },
    { name: 'gitleaks action', facts: repoFacts({ 'a.yml': wf(`uses: gitleaks/gitleaks-action@${SHA}`) }) },
  ],
  invalid: [{ name: 'none', facts: repoFacts({ 'a.yml': wf('run: npm test') }), errors: [{ messageId: 'missing' }] }],
});
