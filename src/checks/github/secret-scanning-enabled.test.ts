import { testCheck } from '../../../test/support/check-tester.js';
import { secretScanningEnabled } from './secret-scanning-enabled.js';

const facts = (v: boolean | undefined, errors: Record<string, string> = {}) => ({ 'github-online': { repo: 'acme/app', defaultBranch: 'main', secretScanning: v, errors } });

testCheck(secretScanningEnabled, {
  valid: [{ name: 'on', facts: facts(true) }],
  invalid: [
    { name: 'off', facts: facts(false), errors: [{ messageId: 'off', resourceId: 'acme/app' }] },
    { name: 'unreadable is could-not-tell', facts: facts(undefined, { secretScanning: 'not permitted (403)' }), errors: [{ messageId: 'unknown', status: 'error' }] },
  ],
});
