import { callSitesMapped } from './call-sites-mapped.js';
import { coveredByThreatModel } from './covered-by-threat-model.js';
import { matchesThreatModel } from './matches-threat-model.js';
import { noKeyOnlyCallsFromClient } from './no-key-only-calls-from-client.js';
import { privilegedWritesUseKey } from './privileged-writes-use-key.js';

/** The endpoint inventory held to the threat model: coverage, runtime/auth mismatches, client calls to key-only operations. */
export const endpointsChecks = [callSitesMapped, coveredByThreatModel, matchesThreatModel, noKeyOnlyCallsFromClient, privilegedWritesUseKey] as const;
