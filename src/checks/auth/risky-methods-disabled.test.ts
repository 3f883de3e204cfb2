import { testCheck } from '../../../test/support/check-tester.js';
import { project } from '../permissions/__fixtures__/project.js';
import { riskyMethodsDisabled } from './risky-methods-disabled.js';

const all = await project({ settings: { auth: { methods: { jwt: true, phone: true, invites: true, anonymous: true, 'email-otp': true, 'magic-url': true, 'email-password': true } } } });

testCheck(riskyMethodsDisabled, {
  valid: [
    { name: 'email and password only', facts: (await project({ settings: { auth: { methods: { anonymous: false, 'magic-url': false, phone: false, 'email-password': true } } } })).facts },
    { name: 'methods not stated', facts: (await project({ settings: { auth: {} } })).facts },
  ],
  invalid: [
    {
      name: 'anonymous, magic URL and phone on',
      facts: all.facts,
      errors: [
        { messageId: 'anonymous', line: all.line('"anonymous"'), severity: 'medium' },
        { messageId: 'magicUrl', line: all.line('"magic-url"'), severity: 'low' },
        { messageId: 'phone', line: all.line('"phone"'), severity: 'low' },
      ],
    },
  ],
});
