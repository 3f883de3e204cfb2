import * as z from 'zod';
import { DEFAULT_BUNDLE_DIRS } from './walk.js';

/** The schema of the `secrets` section; read a loaded config's section with secretsConfigOf (./settings.ts). */

const verifySchema = z
  .strictObject({
    endpoint: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://appwrite.example.com/v1' })
      .describe('The Appwrite API endpoint keys are tested against (with /v1). No other host is ever contacted.'),
    projectId: z.string().min(1).max(36).optional().describe('Project the keys belong to; default: the project id found beside each key.'),
    enabled: z.boolean().default(false).describe('Verify on every run (the CLI flag --verify turns it on for one run).'),
    timeoutMs: z.number().int().positive().max(60_000).default(8000),
  })
  .describe('Liveness check for Appwrite keys found by the scanner: one GET /health per distinct key.');

export const secretsSchema = z
  .strictObject({
    exclude: z.array(z.string().min(1)).default([]).describe('Globs (relative to the scanned folder) never scanned for secrets, on top of node_modules, .git and lockfiles.'),
    bundleDirs: z
      .array(z.string().min(1))
      .default([...DEFAULT_BUNDLE_DIRS])
      .describe('Built-output folders (path suffixes) scanned even when .gitignore excludes them.'),
    gitignore: z.boolean().default(true).describe('Skip what .gitignore excludes (built-output folders are scanned regardless).'),
    baseline: z.string().min(1).optional().describe('Baseline file of accepted secret fingerprints, relative to the scanned folder.'),
    history: z.boolean().default(false).describe('`audit` also scans every commit reachable from any ref (slower).'),
    maxFileMiB: z.number().positive().max(1024).default(64).describe('Files larger than this are skipped (and reported as not scanned).'),
    workers: z.union([z.literal('auto'), z.number().int().min(0).max(64)]).default('auto').describe('Worker threads for matching; 0 matches on the main thread.'),
    verify: verifySchema.optional(),
  })
  .describe('Secret scanner settings.');

export type SecretsConfig = z.output<typeof secretsSchema>;

export const secretsConfigSection = {
  secrets: secretsSchema.default({ exclude: [], bundleDirs: [...DEFAULT_BUNDLE_DIRS], gitignore: true, history: false, maxFileMiB: 64, workers: 'auto' }),
};
