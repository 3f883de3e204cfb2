import { noCommittedSecrets } from './no-committed-secrets.js';
import { noPublicExecuteOnTriggered } from './no-public-execute-on-triggered.js';
import { noPublicPrivilegedExecute } from './no-public-privileged-execute.js';
import { scopesLeastPrivilege } from './scopes-least-privilege.js';

export const functionsChecks = [noPublicPrivilegedExecute, scopesLeastPrivilege, noCommittedSecrets, noPublicExecuteOnTriggered] as const;
