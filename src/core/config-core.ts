/**
 * The core sections of appwrite-secops.yaml (failOn, checks, exceptions, exceptionPolicy, evidence,
 * selfhost). Area sections live beside their code and are listed in ./config-sections.ts.
 */
import * as z from 'zod';
import { FAIL_ON_LEVELS, SEVERITIES } from './severity.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real calendar date');

const severityEnum = z.enum(SEVERITIES);

export const exceptionSchema = z
  .strictObject({
    check: z.string().min(1).describe('Check id or glob (`selfhost/*`) this exception covers.'),
    fingerprint: z.string().min(8).optional().describe('Only the finding with this fingerprint.'),
    path: z.string().min(1).optional().describe('Only findings in files matching this glob (relative to the audited root).'),
    resource: z.string().min(1).optional().describe('Only findings on this resource id (env var name, collection id, package name, …).'),
    advisory: z.string().min(1).optional().describe('Only findings for this advisory id or any of its aliases (CVE, GHSA, OSV).'),
    dependencyPath: z
      .string()
      .min(1)
      .optional()
      .describe('Only dependency findings whose path matches this glob, e.g. "express@* > body-parser@* > qs@*".'),
    reason: z.string().min(10, 'say why the risk is accepted (10 characters at least)'),
    owner: z.string().min(1).describe('Who answers for this risk: a person or team.'),
    expires: isoDate.describe('The last day this exception applies (YYYY-MM-DD). Required: risk is accepted for a time, not for ever.'),
  })
  .describe('An accepted risk: a finding that stays in every report, but does not fail the run until it expires.');

export type ExceptionConfig = z.output<typeof exceptionSchema>;

export const coreShape = {
  $schema: z.string().optional(),
  failOn: z.enum(FAIL_ON_LEVELS).default('high').describe('Lowest severity that makes the run exit 1.'),
  checks: z
    .strictObject({
      include: z.array(z.string()).optional().describe('Only these check ids or globs (`selfhost/*`).'),
      exclude: z.array(z.string()).default([]).describe('Never run these check ids or globs.'),
      severity: z.record(z.string(), severityEnum).default({}).describe('Per-check severity overrides.'),
    })
    .default({ exclude: [], severity: {} }),
  exceptions: z.array(exceptionSchema).default([]),
  exceptionPolicy: z
    .strictObject({
      maxDays: z
        .partialRecord(severityEnum, z.number().int().positive())
        .default({ critical: 30, high: 90, medium: 180, low: 365 })
        .describe('Longest an exception may run from today, per severity of the finding it covers.'),
      warnWithinDays: z.number().int().nonnegative().default(14).describe('Warn about exceptions that expire within this many days.'),
    })
    .default({ maxDays: { critical: 30, high: 90, medium: 180, low: 365 }, warnWithinDays: 14 }),
  evidence: z
    .strictObject({
      retentionDays: z.number().int().positive().default(90).describe('How long audit evidence must be kept (days).'),
      mirror: z
        .strictObject({
          kind: z.enum(['appwrite-secops-store', 'siem', 'other']),
          description: z.string().optional(),
        })
        .optional()
        .describe('Where Appwrite audit logs are mirrored beyond the server retention.'),
    })
    .default({ retentionDays: 90 }),
  selfhost: z
    .strictObject({
      appwriteServices: z
        .array(z.string())
        .default([])
        .describe('Extra compose service names that run Appwrite (the image name is detected by default).'),
      dockerSocketAllowed: z
        .array(z.string())
        .default([])
        .describe('Extra compose services allowed to mount docker.sock (traefik and the executor are always allowed).'),
    })
    .default({ appwriteServices: [], dockerSocketAllowed: [] }),
} as const;

/** zod's issue for keys the root schema does not know, worded as its strict root object words it. */
export function unknownKeysIssues(values: Record<string, unknown>): z.core.$ZodIssue[] {
  const r = z.strictObject({}).safeParse(values);
  return r.success ? [] : r.error.issues;
}
