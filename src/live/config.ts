/**
 * Config sections for the live project audit:
 *
 * ```yaml
 * environments:
 *   prod:
 *     endpoint: https://appwrite.example.com/v1
 *     projectId: shop-prod
 *     credentialEnv: APPWRITE_PROD_AUDIT_KEY      # the NAME of the variable; never the key itself
 *     consoleSessionEnv: APPWRITE_PROD_CONSOLE    # optional: a_session_console cookie, for 1.8.x servers
 *     production: true
 *     approvedPlatforms: [shop.example.com, com.example.shop]
 * live:
 *   keys: { maxUnusedDays: 90, allowedScopes: [users.read, tables.read] }
 * ```
 *
 * Auth policies, methods and protocols of a live project are judged by the `auth/*` checks against the
 * `appwriteProject` baseline, the same as in appwrite.json: the live audit fills the same project model.
 */
import * as z from 'zod';

const envVarName = (what: string) =>
  z
    .string()
    .min(1)
    .refine((v) => !/^(standard|dynamic|ephemeral|organization|account)_/.test(v) && !/^[0-9a-f]{64,}$/i.test(v), {
      message: `this looks like a secret, not a variable name: put the ${what} in an environment variable and write the variable's NAME here`,
    })
    .refine((v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v), { message: 'must be an environment variable name such as APPWRITE_PROD_KEY' });

export const environmentSchema = z
  .strictObject({
    endpoint: z
      .string()
      .refine((v) => /^https?:\/\/[^/\s]+(\/.*)?$/.test(v), { message: 'must be an http(s) URL such as https://cloud.appwrite.io/v1' })
      .refine((v) => /\/v1\/?$/.test(v), { message: 'must end with /v1 (the API root), e.g. https://appwrite.example.com/v1' })
      .describe('API endpoint, ending in /v1.'),
    projectId: z.string().min(1).max(36).describe('Project ID.'),
    credentialEnv: envVarName('API key').describe('Name of the environment variable holding the audit API key (read-only scopes; see `appwrite-secops keys required-scopes`).'),
    consoleSessionEnv: envVarName('console session')
      .optional()
      .describe('Name of the environment variable holding a console session (the a_session_console cookie value). Needed on servers before 1.9.5, where keys, platforms, webhooks and auth settings are readable only by the console.'),
    production: z.boolean().default(false).describe('Production project: stricter platform, mock-number and dev-key checks.'),
    approvedPlatforms: z
      .array(z.string().min(1))
      .optional()
      .describe('Hostnames (web) and bundle/application ids (native) allowed as platforms; `*.example.com` matches subdomains. When omitted, only wildcard and development hosts are flagged.'),
    selfSigned: z.boolean().default(false).describe('Accept a self-signed TLS certificate (self-hosted test servers only).'),
  })
  .describe('A live Appwrite project to audit.');

export type EnvironmentConfig = z.output<typeof environmentSchema>;

export const DEFAULT_CLIENT_SDKS = ['Web', 'Flutter', 'Apple', 'Android', 'React Native', 'Unity', 'Console'] as const;

const keyPolicy = z
  .strictObject({
    maxUnusedDays: z.number().int().positive().default(90).describe('A key not used for longer than this is reported (Appwrite records use at most once a day).'),
    maxLifetimeDays: z.number().int().positive().default(365).describe('A key whose expiry is further away than this from its creation (or never) is reported.'),
    allowedScopes: z.array(z.string()).optional().describe('Scopes any key may hold; a key holding others is reported. When omitted, only write scopes on key/project management are flagged.'),
    clientSdks: z.array(z.string()).default([...DEFAULT_CLIENT_SDKS]).describe('x-sdk-name values of client SDKs: a key used by one of them has been shipped to a client.'),
  })
  .default({ maxUnusedDays: 90, maxLifetimeDays: 365, clientSdks: [...DEFAULT_CLIENT_SDKS] });

export const liveSettingsSchema = z
  .strictObject({
    keys: keyPolicy,
    requestTimeoutMs: z.number().int().positive().default(30000).describe('Per-request timeout.'),
    maxRetries: z.number().int().min(0).max(10).default(4).describe('Retries of a request that failed with 429, 5xx or a dropped connection.'),
    maxRateLimitWaitSeconds: z.number().int().min(0).default(120).describe('Longest wait for a rate-limit window (X-RateLimit-Reset) before giving up on that read.'),
    pageSize: z.number().int().min(1).max(5000).default(100).describe('Items per page when listing.'),
  })
  .default({
    keys: { maxUnusedDays: 90, maxLifetimeDays: 365, clientSdks: [...DEFAULT_CLIENT_SDKS] },
    requestTimeoutMs: 30000,
    maxRetries: 4,
    maxRateLimitWaitSeconds: 120,
    pageSize: 100,
  });

export type LiveSettings = z.output<typeof liveSettingsSchema>;

export const liveConfigSection = {
  environments: z
    .record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'environment names use letters, digits, - and _'), environmentSchema)
    .default({})
    .describe('Live Appwrite projects by environment name (dev, stage, prod, …), audited with `audit --env NAME` or `--all-envs`.'),
  live: liveSettingsSchema.describe('Policy for the live project audit.'),
} as const;
