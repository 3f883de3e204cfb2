import * as z from 'zod';

const tlsSchema = z
  .strictObject({
    mode: z.enum(['disable', 'require', 'verify-ca', 'verify-full']).optional().describe('TLS to PostgreSQL (libpq sslmode); `sslmode` in the URL wins.'),
    caFile: z.string().min(1).optional().describe('CA certificate to verify the server with (sslrootcert).'),
    certFile: z.string().min(1).optional().describe('Client certificate (sslcert).'),
    keyFile: z.string().min(1).optional().describe('Client key (sslkey).'),
  })
  .describe('TLS settings for a postgres:// store.');

const retentionSchema = z
  .strictObject({
    days: z.number().int().positive().default(365).describe('`store prune` deletes runs that started more than this many days ago…'),
    keepRuns: z.number().int().nonnegative().default(20).describe('…but always keeps this many newest runs per scope.'),
  })
  .describe('Retention of audit runs. The evidence log is pruned only with `store prune --include-evidence`, and never below evidence.retentionDays.');

/** The `store` section of appwrite-secops.yaml. */
export const storeConfigSection = {
  store: z
    .strictObject({
      url: z
        .string()
        .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'expected sqlite:PATH or postgres://…')
        .optional()
        .describe('Where runs, findings and the evidence log are kept: sqlite:PATH (relative to the workspace) or postgres://user@host:5432/db. $APPWRITE_SECOPS_STORE and --store win. Keep passwords out of this file.'),
      retention: retentionSchema.default({ days: 365, keepRuns: 20 }),
      tls: tlsSchema.optional(),
    })
    .default({ retention: { days: 365, keepRuns: 20 } })
    .describe('The evidence store (history, diff, baselines, evidence log).'),
};

export type StoreConfig = z.output<(typeof storeConfigSection)['store']>;
