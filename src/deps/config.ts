import * as z from 'zod';
import { SEVERITIES } from '../core/severity.js';
import { DEFAULT_OSV_API } from './osv/client.js';
import { DEFAULT_SLA_DAYS, ESCALATIONS } from './sla.js';

const days = z.number().int().positive();

const slaSchema = z
  .strictObject({
    critical: days.default(DEFAULT_SLA_DAYS.critical),
    high: days.default(DEFAULT_SLA_DAYS.high),
    medium: days.default(DEFAULT_SLA_DAYS.medium),
    low: days.default(DEFAULT_SLA_DAYS.low),
  })
  .default({ ...DEFAULT_SLA_DAYS })
  .describe('Days to fix a vulnerable dependency, per severity, counted from when it was first seen (store) or else the advisory publication.');

const osvSchema = z
  .strictObject({
    api: z.url({ protocol: /^https?$/ }).default(DEFAULT_OSV_API).describe('OSV API base URL (a mirror or proxy may be used).'),
    online: z.boolean().default(false).describe('Query the OSV API during `audit` (the `deps` command queries it unless --offline).'),
    db: z.string().min(1).optional().describe('Offline OSV database: a folder of OSV JSON records or the npm all.zip (relative to the audited folder).'),
    timeoutMs: z.number().int().positive().default(30_000),
    retries: z.number().int().min(0).max(10).default(4).describe('Retries after HTTP 429/5xx or a network error (Retry-After is honoured).'),
  })
  .default({ api: DEFAULT_OSV_API, online: false, timeoutMs: 30_000, retries: 4 });

const DEFAULTS = {
  prodOnly: false,
  sla: { ...DEFAULT_SLA_DAYS },
  escalateOverdue: 'one-level' as const,
  unratedSeverity: 'medium' as const,
  osv: { api: DEFAULT_OSV_API, online: false, timeoutMs: 30_000, retries: 4 },
  runAudit: false,
  auditTimeoutMs: 120_000,
};

/** For the lead: spread into `areaSections` in src/core/config-sections.ts. */
export const depsConfigSection = {
  dependencies: z
    .strictObject({
      prodOnly: z.boolean().default(false).describe('Judge only packages that production code can load (not devDependencies).'),
      sla: slaSchema,
      escalateOverdue: z.enum(ESCALATIONS).default('one-level').describe('What happens to the severity of a finding past its SLA: one-level (low -> medium …), to-critical, or none.'),
      unratedSeverity: z.enum(SEVERITIES).default('medium').describe('Severity of an advisory that no source rates.'),
      osv: osvSchema,
      runAudit: z.boolean().default(false).describe('Run the package manager audit (npm/pnpm/yarn/bun) during `audit`.'),
      auditTimeoutMs: z.number().int().positive().default(120_000).describe('Time limit for one package manager audit run.'),
    })
    .default(DEFAULTS)
    .describe('Dependency vulnerability program: advisory sources, SLAs, production-only scope.'),
};

export type DepsConfig = z.output<(typeof depsConfigSection)['dependencies']>;
