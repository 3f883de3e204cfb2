import { testCheck } from '../../../test/support/check-tester.js';
import { AUDIT_SECRET, failed, key, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { keyScopesLeastPrivilege } from './key-scopes-least-privilege.js';

const policy = (allowedScopes: string[]) => ({ live: { keys: { maxUnusedDays: 90, maxLifetimeDays: 365, clientSdks: [], allowedScopes }, requestTimeoutMs: 1, maxRetries: 0, maxRateLimitWaitSeconds: 0, pageSize: 10 } }) as never;

testCheck(keyScopesLeastPrivilege, {
  valid: [
    { name: 'read scopes only, audit key read-only', facts: live(snapshot()) },
    { name: 'keys.write allowed by an explicit policy', config: policy(['users.read', 'keys.write']), facts: live(snapshot({ keys: ok([key({ scopes: ['keys.write'] })]) })) },
  ],
  invalid: [
    { name: 'project-management scopes without a policy', facts: live(snapshot({ keys: ok([key({ id: 'k', scopes: ['users.read', 'keys.write', 'platforms.write'] })]) })), errors: [{ messageId: 'admin', severity: 'high', resourceId: 'k' }] },
    { name: 'scopes outside the policy', config: policy(['users.read']), facts: live(snapshot({ keys: ok([key({ scopes: ['users.read', 'users.write'] })]) })), errors: [{ messageId: 'beyondPolicy', severity: 'medium' }] },
    { name: 'the audit key can write', facts: live(snapshot({ keys: ok([key({ name: 'audit', scopes: ['keys.read', 'users.write'], secret: AUDIT_SECRET })]) })), errors: [{ messageId: 'auditKeyWrites' }] },
    { name: 'keys unreadable', facts: live(snapshot({ keys: failed('project.listKeys') })), errors: [{ messageId: 'unreadable', status: 'error' }] },
  ],
});
