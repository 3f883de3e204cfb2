import { ciFrozenInstall } from './ci-frozen-install.js';
import { lockfileInSync } from './lockfile-in-sync.js';
import { lockfilePresent } from './lockfile-present.js';
import { noKnownVulnerabilities } from './no-known-vulnerabilities.js';

/** Every check of the dependency program (issue 5). */
export const depsChecks = [noKnownVulnerabilities, lockfilePresent, lockfileInSync, ciFrozenInstall] as const;
