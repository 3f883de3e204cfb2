import { testCheck } from '../../../test/support/check-tester.js';
import { dependabotCooldown } from './dependabot-cooldown.js';
import { repoFacts } from './__fixtures__/repo-facts.js';

const dep = (cooldown: string) => `version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n${cooldown}`;

testCheck(dependabotCooldown, {
  valid: [
    { name: 'seven days', facts: repoFacts({}, { dependabot: dep('    cooldown:\n      default-days: 7\n') }) },
    { name: 'no dependabot file (another check)', facts: repoFacts({}) },
  ],
  invalid: [
    { name: 'none', facts: repoFacts({}, { dependabot: dep('') }), errors: [{ messageId: 'none', line: 3 }] },
    { name: 'one day', facts: repoFacts({}, { dependabot: dep('    cooldown:\n      default-days: 1\n') }), errors: [{ messageId: 'short' }] },
  ],
});
