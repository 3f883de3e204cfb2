import { noMockNumbers } from './no-mock-numbers.js';
import { policiesMeetBaseline } from './policies-meet-baseline.js';
import { riskyMethodsDisabled } from './risky-methods-disabled.js';
import { unusedProtocolsDisabled } from './unused-protocols-disabled.js';

export const authChecks = [policiesMeetBaseline, noMockNumbers, riskyMethodsDisabled, unusedProtocolsDisabled] as const;
