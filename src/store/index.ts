/** The evidence store's public surface (re-exported by src/index.ts). */
export {
  openStore,
  DEFAULT_STORE_URL,
  STORE_URL_ENV,
  STORE_BACKENDS,
  TRANSITIONS,
  type Store,
  type StoreBackend,
  type BeginRunInput,
  type FinishRunInput,
  type RunRecord,
  type RunQuery,
  type StoredFinding,
  type TrackedFinding,
  type Transition,
  type EvidenceInput,
  type EvidenceRecord,
  type WorkflowState,
  type PruneOptions,
  type PruneReport,
  type OpenStoreOptions,
} from './store.js';
export { diffRuns, introducedFingerprints, type RunDiff } from './diff.js';
export { hashEvidence, GENESIS_HASH, type EvidenceVerification, type ChainBreak } from './evidence-chain.js';
export { canonicalJson, toJson, digestOf } from './json.js';
export { captureEnvironment } from './environment.js';
export { findingsDigestOf } from './runs.js';
export { resolveStoreUrl, maskUrl } from './url.js';
export { storeConfigSection, type StoreConfig } from './config.js';
export { storeConfigOf } from './settings.js';
export { StoreConflictError } from './workflow-state.js';
export { exportEvidence, type ExportResult } from './export.js';
export { recordAudit, compareWithBaseline, RECORD_BATCH, type BaselineComparison } from './audit-run.js';
