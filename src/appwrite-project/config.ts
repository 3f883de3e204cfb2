import * as z from 'zod';

const defaults = {
  sessionsLimit: 10,
  passwordHistory: 5,
  passwordDictionary: true,
  personalDataCheck: true,
  sessionAlerts: true,
  maxSessionDurationSeconds: 31536000,
  usedProtocols: ['rest'] as string[],
  maxBucketFileSize: 100 * 1024 * 1024,
  maxFunctionScopes: 10,
  personalDataTerms: [] as string[],
};

/** Baseline for Appwrite project settings, buckets and functions (section `appwriteProject`). */
export const appwriteProjectConfigSection = {
  appwriteProject: z
    .strictObject({
      sessionsLimit: z.number().int().positive().default(defaults.sessionsLimit).describe('Most sessions a user may hold at once; a project without a limit, or with a higher one, is reported.'),
      passwordHistory: z.number().int().nonnegative().default(defaults.passwordHistory).describe('Fewest previous passwords a user may not reuse (0 turns the check off).'),
      passwordDictionary: z.boolean().default(defaults.passwordDictionary).describe('Require the common-password dictionary check.'),
      personalDataCheck: z.boolean().default(defaults.personalDataCheck).describe('Require the check that refuses passwords containing the user\'s name, email or phone.'),
      sessionAlerts: z.boolean().default(defaults.sessionAlerts).describe('Require new-session email alerts.'),
      maxSessionDurationSeconds: z.number().int().positive().default(defaults.maxSessionDurationSeconds).describe('Longest session length allowed, in seconds (Appwrite\'s default is one year).'),
      usedProtocols: z.array(z.enum(['rest', 'graphql', 'websocket'])).default(defaults.usedProtocols as ('rest' | 'graphql' | 'websocket')[]).describe('API protocols the app uses; any other protocol left on is reported. Add "websocket" if you use Realtime, "graphql" if you use GraphQL.'),
      maxBucketFileSize: z.number().int().positive().default(defaults.maxBucketFileSize).describe('Largest per-file limit (bytes) a bucket may allow.'),
      maxFunctionScopes: z.number().int().positive().default(defaults.maxFunctionScopes).describe('Most API scopes one function may hold before it is reported as over-privileged.'),
      personalDataTerms: z.array(z.string().min(2)).default(defaults.personalDataTerms).describe('Extra words that mark a collection, table or field as personal or secret data.'),
    })
    .default({ ...defaults, usedProtocols: ['rest'] }),
};

export type AppwriteProjectConfig = z.output<(typeof appwriteProjectConfigSection)['appwriteProject']>;
