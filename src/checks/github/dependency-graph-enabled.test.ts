import { testCheck } from '../../../test/support/check-tester.js';
import { dependencyGraphEnabled } from './dependency-graph-enabled.js';

const facts = (v: boolean | undefined, errors: Record<string, string> = {}) => ({ 'github-online': { repo: 'acme/app', defaultBranch: 'main', dependencyGraph: v, errors } });

testCheck(dependencyGraphEnabled, {
  valid: [{ name: 'on', facts: facts(true) }],
  invalid: [
    { name: 'off', facts: facts(false), errors: [{ messageId: 'off', resourceId: 'acme/app' }] },
    { name: 'unreadable is could-not-tell', facts: facts(undefined, { dependencyGraph: 'not permitted (403)' }), errors: [{ messageId: 'unknown', status: 'error' }] },
  ],
});
