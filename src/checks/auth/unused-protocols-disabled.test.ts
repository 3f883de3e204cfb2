import { testCheck } from '../../../test/support/check-tester.js';
import { project } from '../permissions/__fixtures__/project.js';
import { unusedProtocolsDisabled } from './unused-protocols-disabled.js';

const on = await project({ settings: { protocols: { rest: true, graphql: true, websocket: true } } });

testCheck(unusedProtocolsDisabled, {
  valid: [
    { name: 'REST only', facts: (await project({ settings: { protocols: { rest: true, graphql: false, websocket: false } } })).facts },
    { name: 'protocols not stated', facts: (await project({ settings: {} })).facts },
    { name: 'declared as used', facts: on.facts, config: { appwriteProject: { usedProtocols: ['rest', 'graphql', 'websocket'] } } as never },
  ],
  invalid: [
    {
      name: 'GraphQL and WebSocket on, undeclared',
      facts: on.facts,
      errors: [
        { messageId: 'unused', line: on.line('"graphql"'), severity: 'low' },
        { messageId: 'unused', line: on.line('"websocket"') },
      ],
    },
  ],
});
