/**
 * Config section `keys`: the API key policy. One key per service and environment, named by `naming`,
 * holding exactly the service's scopes (listed, or derived from the service's code), with an expiry and
 * a maximum age. Used by `keys audit`, `keys create`, `keys rotate` and `keys revoke`.
 *
 * ```yaml
 * keys:
 *   naming: '{service}-{env}'
 *   maxAgeDays: 90
 *   requireExpiry: true
 *   expiryDays: 90
 *   unmanaged: [audit-*]                  # key names that belong to no service and are not "extra"
 *   environments:
 *     prod: { adminCredentialEnv: APPWRITE_PROD_KEYS_ADMIN }   # a key holding keys.read + keys.write
 *   rotation: { idleWindow: 24h }
 *   services:
 *     orders-api:
 *       scopes: [rows.read, rows.write]
 *       environments: [prod, stage]
 *       sink: { dotenv: { path: 'deploy/orders-api/.env.{env}', variable: APPWRITE_API_KEY } }
 *     billing-fn:
 *       derive: code
 *       paths: [functions/billing]
 *       sink: { command: 'gh secret set APPWRITE_KEY --env {env}' }
 * ```
 */
import * as z from 'zod';
import { parseDuration } from './duration.js';

const envVarName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable NAME such as APPWRITE_PROD_KEYS_ADMIN (never the key itself)');

const serviceName = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'service names use lower-case letters, digits, - and _');

export const sinkSchema = z
  .union([
    z.strictObject({
      dotenv: z.strictObject({
        path: z.string().min(1).describe('The dotenv file to update (relative to the working folder); `{env}` and `{service}` are replaced.'),
        variable: envVarName.default('APPWRITE_API_KEY').describe('The variable that holds the key.'),
      }),
    }),
    z.strictObject({ command: z.string().min(1).describe('A shell command that reads the secret on its standard input (`gh secret set NAME`, `vault kv put …`).') }),
    z.strictObject({ print: z.literal(true).describe('Show the secret once, after confirmation.') }),
  ])
  .describe('Where a new secret goes: a dotenv file, a command reading stdin, or the terminal once.');

export type SinkConfig = z.output<typeof sinkSchema>;

const duration = z.string().refine((v) => parseDuration(v) !== undefined, { message: 'a duration such as 30m, 24h or 7d (0 for none)' });

export const serviceSchema = z
  .strictObject({
    scopes: z.array(z.string().min(1)).optional().describe('The scopes the service key holds, and no others.'),
    derive: z.literal('code').optional().describe('Derive the scopes from the service code (the endpoint inventory\'s least-privilege set).'),
    paths: z.array(z.string().min(1)).optional().describe('With `derive: code`: folders (relative to the audited root) holding the service code.'),
    environments: z.array(z.string().min(1)).optional().describe('Environments the service runs in (default: every configured environment).'),
    keyName: z.string().min(1).max(128).optional().describe('Key name template overriding `naming` for this service.'),
    maxAgeDays: z.number().int().positive().optional(),
    expiryDays: z.number().int().positive().optional(),
    sink: sinkSchema.optional(),
  })
  .refine((s) => (s.scopes ? !s.derive : s.derive === 'code'), { message: 'give either `scopes: [...]` or `derive: code`' })
  .refine((s) => s.derive !== 'code' || (s.paths?.length ?? 0) > 0, { message: '`derive: code` needs `paths:` (the folders holding the service code)' });

export type ServiceConfig = z.output<typeof serviceSchema>;

const DEFAULTS = {
  naming: '{service}-{env}',
  maxAgeDays: 90,
  requireExpiry: true,
  expiryDays: 90,
  unmanaged: [] as string[],
  environments: {} as Record<string, { adminCredentialEnv?: string }>,
  rotation: { idleWindow: '24h', leaseMinutes: 15, commandTimeoutSeconds: 120 },
  services: {} as Record<string, ServiceConfig>,
};

export const keysSettingsSchema = z
  .strictObject({
    naming: z
      .string()
      .refine((v) => v.includes('{service}'), { message: 'the naming template must contain {service}' })
      .default(DEFAULTS.naming)
      .describe('Key name template: {service} and {env} are replaced.'),
    maxAgeDays: z.number().int().positive().default(DEFAULTS.maxAgeDays).describe('A key older than this is due for rotation.'),
    requireExpiry: z.boolean().default(DEFAULTS.requireExpiry).describe('Every service key must have an expiry date.'),
    expiryDays: z.number().int().positive().default(DEFAULTS.expiryDays).describe('New keys expire this many days after creation; existing keys may not expire later than this after their creation.'),
    unmanaged: z.array(z.string().min(1)).default([]).describe('Name globs of keys that belong to no service (the audit key, a break-glass key) and are not reported as extra.'),
    environments: z
      .record(z.string(), z.strictObject({ adminCredentialEnv: envVarName.optional().describe('Variable holding a key with keys.read and keys.write (1.9.5+). Default: the environment\'s credentialEnv.') }))
      .default({})
      .describe('Key-management credentials per environment (servers before 1.9.5 use the environment\'s consoleSessionEnv).'),
    rotation: z
      .strictObject({
        idleWindow: duration.default(DEFAULTS.rotation.idleWindow).describe('How long the old key must be idle (after the new one is delivered) before it is deleted.'),
        leaseMinutes: z.number().int().positive().default(DEFAULTS.rotation.leaseMinutes).describe('Lock lease of a running rotation; renewed at every step.'),
        commandTimeoutSeconds: z.number().int().positive().default(DEFAULTS.rotation.commandTimeoutSeconds).describe('Longest a sink or probe command may run.'),
      })
      .default(DEFAULTS.rotation),
    services: z.record(serviceName, serviceSchema).default({}).describe('Service boundaries: one key per service and environment.'),
  })
  .default(DEFAULTS)
  .describe('API key policy: service keys, scopes, expiry, rotation.');

export type KeysSettings = z.output<typeof keysSettingsSchema>;

export const keysConfigSection = { keys: keysSettingsSchema } as const;
