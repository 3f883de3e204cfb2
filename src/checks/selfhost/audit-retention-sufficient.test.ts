import { testCheck } from '../../../test/support/check-tester.js';
import { defaultConfig } from '../../core/config.js';
import { auditRetentionSufficient } from './audit-retention-sufficient.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';

const K = '_APP_MAINTENANCE_RETENTION_AUDIT';
const C = '_APP_MAINTENANCE_RETENTION_AUDIT_CONSOLE';
const evidence = (retentionDays: number, mirror = false) => ({ evidence: { ...defaultConfig().evidence, retentionDays, ...(mirror ? { mirror: { kind: 'siem' as const } } : {}) } });

testCheck(auditRetentionSufficient, {
  valid: [
    { name: '90 days against the default 90-day policy', facts: envFacts({ '.env': env() }) },
    { name: 'the 14-day default with a 14-day policy', facts: envFacts({ '.env': env({ [K]: null }) }), config: evidence(14) },
    { name: 'short retention but mirrored', facts: envFacts({ '.env': env({ [K]: '86400' }) }), config: evidence(365, true) },
  ],
  invalid: [
    { name: 'the 14-day default', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'short', path: '.env', resourceId: K, severity: 'medium' }] },
    { name: 'explicitly 14 days', facts: envFacts({ '.env': env({ [K]: '1209600' }) }), errors: [{ messageId: 'short', line: lineOf(env(), K) }] },
    { name: 'a longer policy catches the console log too', facts: envFacts({ '.env': env() }), config: evidence(365), errors: [{ messageId: 'short', resourceId: K }, { messageId: 'short', resourceId: C }] },
    { name: 'not a number', facts: envFacts({ '.env': env({ [K]: '90d' }) }), errors: [{ messageId: 'invalid', severity: 'high', line: lineOf(env(), K) }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_MAINTENANCE_RETENTION_AUDIT: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_MAINTENANCE_RETENTION_AUDIT') }] },
  ],
});
