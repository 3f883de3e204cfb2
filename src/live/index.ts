/** Library entry points of the live audit (re-exported by src/index.ts at the lead's discretion). */
export { liveConfigSection, environmentSchema, type EnvironmentConfig, type LiveSettings } from './config.js';
export { liveConfigOf } from './settings.js';
export { selectEnvironments, resolveEnvironment, type ResolvedEnvironment, type EnvironmentSelection } from './environments.js';
export { readLiveProject, type ReadOptions } from './read-project.js';
export { readKeyInventory, type KeyInventory } from './keys-inventory.js';
export { OPERATIONS, requiredScopes, type Operation, type OperationId, type RequiredScope } from './operations.js';
export { toProjectModel } from './to-project-model.js';
export { stringifyJson } from './normalize.js';
export type { LiveErrorInfo, FailureKind } from './errors.js';
export type { LiveFacts, LiveSnapshot, Section, LiveKey, LiveDevKey, LivePlatform, LiveWebhook, LivePolicies } from './snapshot.js';
