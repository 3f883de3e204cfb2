import { testCheck } from '../../../test/support/check-tester.js';
import { dependabotConfigured } from './dependabot-configured.js';
import { repoFacts } from './__fixtures__/repo-facts.js';

const dep = (...ecos: string[]) => `version: 2\nupdates:\n${ecos.map((e) => `  - package-ecosystem: ${e}\n    directory: /\n    schedule:\n      interval: weekly\n`).join('')}`;
const ecosystems = { npm: 'package-lock.json', 'github-actions': '.github/workflows/ci.yml' };

testCheck(dependabotConfigured, {
  valid: [
    { name: 'all covered', facts: repoFacts({}, { dependabot: dep('npm', 'github-actions'), ecosystems }) },
    { name: 'nothing to watch', facts: repoFacts({}, { ecosystems: {} }) },
    { name: 'bun through npm', facts: repoFacts({}, { dependabot: dep('npm'), ecosystems: { bun: 'bun.lock' } }) },
  ],
  invalid: [
    { name: 'no file', facts: repoFacts({}, { ecosystems }), errors: [{ messageId: 'noFile' }] },
    { name: 'missing actions', facts: repoFacts({}, { dependabot: dep('npm'), ecosystems }), errors: [{ messageId: 'missing', resourceId: 'github-actions' }] },
  ],
});
