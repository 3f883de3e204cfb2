/**
 * appwrite-secops as a library. Everything the CLI does is available here; nothing in the library prints
 * or exits.
 *
 * ```ts
 * import { audit, renderReport } from 'appwrite-secops';
 * const result = await audit({ root: './deploy' });
 * console.log(await renderReport(result, 'markdown', { color: false }));
 * ```
 */
export { audit, selectChecks, type AuditOptions } from './audit.js';
export { allChecks } from './checks/index.js';
export { allCollectors } from './collectors/index.js';
export { defineCheck, type Check, type CheckMeta, type AnyCheck, type ReportInput } from './core/check.js';
export { defineCollector, type Collector, type CollectContext, type AuditInputs, type Diagnostic } from './core/collector.js';
export { defaultConfig, loadConfigFile, resolveConfig, type Config } from './core/config.js';
export { configSchema, configJsonSchema } from './core/config-schema.js';
export { SecopsError, UsageError, InputError, IncompleteError } from './core/errors.js';
export { applyExceptions } from './core/exceptions.js';
export type { Facts, FactState } from './core/facts.js';
export type { Finding, FindingStatus, Location, ResourceRef } from './core/finding.js';
export { redactSecret, Redactor } from './core/redact.js';
export { exitCodeFor, summarize, RESULT_SCHEMA_VERSION, type AuditResult, type Summary } from './core/result.js';
export { SEVERITIES, type Severity, type FailOn } from './core/severity.js';
export { renderReport, REPORT_FORMATS, type ReportFormat } from './reporters/index.js';
export { TOOL_VERSION } from './version.js';
export { scanSecrets } from './secrets/scan.js';
export * from './store/index.js';
