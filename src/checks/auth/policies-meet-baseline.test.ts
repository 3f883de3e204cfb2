import { testCheck } from '../../../test/support/check-tester.js';
import { project } from '../permissions/__fixtures__/project.js';
import { policiesMeetBaseline } from './policies-meet-baseline.js';

const security = (s: Record<string, unknown>) => project({ settings: { auth: { security: s } } });
const strong = { duration: 604800, limit: null, sessionsLimit: 5, passwordHistory: 5, passwordDictionary: true, personalDataCheck: true, sessionAlerts: true, mockNumbers: [] };
const weak = await security({ duration: 31536000 * 2, sessionsLimit: null, passwordHistory: 0, passwordDictionary: false, personalDataCheck: false, sessionAlerts: false });
const tooMany = await security({ ...strong, sessionsLimit: 50 });

testCheck(policiesMeetBaseline, {
  valid: [
    { name: 'strong policies', facts: (await security(strong)).facts },
    { name: 'no settings block: nothing stated, nothing judged', facts: (await project({})).facts },
    { name: 'only some policies stated', facts: (await security({ passwordDictionary: true })).facts },
    { name: 'a looser baseline', facts: tooMany.facts, config: { appwriteProject: { sessionsLimit: 100 } } as never },
  ],
  invalid: [
    {
      name: 'every policy weak',
      facts: weak.facts,
      errors: [
        { messageId: 'sessionsUnlimited', line: weak.line('"sessionsLimit"'), severity: 'low' },
        { messageId: 'historyBelow', line: weak.line('"passwordHistory"') },
        { messageId: 'dictionaryOff', line: weak.line('"passwordDictionary"'), severity: 'medium' },
        { messageId: 'personalDataOff', line: weak.line('"personalDataCheck"') },
        { messageId: 'alertsOff', line: weak.line('"sessionAlerts"') },
        { messageId: 'durationAbove', line: weak.line('"duration"') },
      ],
    },
    { name: 'sessions above baseline', facts: tooMany.facts, errors: [{ messageId: 'sessionsAbove', resourceId: 'fixture' }] },
  ],
});
