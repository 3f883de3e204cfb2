import * as z from 'zod';

const controlOverride = z.strictObject({
  weight: z.number().nonnegative().optional().describe('Relative weight in the readiness score.'),
  critical: z.boolean().optional().describe('A critical control that is missing blocks the release whatever the score.'),
});

export const gatesConfigSection = {
  gates: z
    .strictObject({
      minScore: z.number().min(0).max(100).default(70).describe('Readiness score below which the gate fails (exit 1).'),
      authzResults: z
        .array(z.string())
        .default([])
        .describe('Result files (JSON or JUnit XML) of the negative authorization tests: cross-tenant and cross-role abuse (G3).'),
      controls: z.record(z.string(), controlOverride).default({}).describe('Per-control weight and criticality overrides, by control id (G1, hardening.selfhost, …).'),
    })
    .default({ minScore: 70, authzResults: [], controls: {} }),
  monitoring: z
    .strictObject({
      alertRoutes: z
        .array(z.strictObject({ name: z.string(), kind: z.enum(['slack', 'email', 'pagerduty', 'webhook', 'opsgenie', 'other']), target: z.string().describe('Channel, address or the NAME of an env var holding a webhook URL; never a secret.') }))
        .default([])
        .describe('Where security alerts go.'),
      runbooksDir: z.string().default('runbooks').describe('Folder holding the incident runbooks (key-leak, account-takeover, data-exposure).'),
      drillCadenceDays: z.number().int().positive().default(90).describe('A drill of each runbook at least this often.'),
      drills: z
        .array(z.strictObject({ runbook: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), notes: z.string().optional() }))
        .default([])
        .describe('Drills held: which runbook, when.'),
    })
    .default({ alertRoutes: [], runbooksDir: 'runbooks', drillCadenceDays: 90, drills: [] }),
};
