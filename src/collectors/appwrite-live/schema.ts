import type { LiveFacts } from '../../live/snapshot.js';

export type { LiveFacts, LiveSnapshot, Section } from '../../live/snapshot.js';

declare module '../../core/facts.js' {
  interface Facts {
    /** Live projects read through the API, one snapshot per selected environment (`audit --env`). */
    'appwrite-live': LiveFacts;
  }
}

declare module '../../core/collector.js' {
  interface AuditInputs {
    /** `audit --env NAME` (repeatable): environments from the config's `environments:` to read live. */
    liveEnvironments?: string[];
    /** `audit --all-envs`: every configured environment. */
    allLiveEnvironments?: boolean;
    /** Where credential variables are read from; the process environment when omitted. */
    liveEnvVars?: Record<string, string | undefined>;
  }
}
