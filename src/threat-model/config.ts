/**
 * The `threatModel` config section: the trust boundaries of an app and its service paths (the code that
 * talks to Appwrite), each with the runtime it executes in, the auth mode it uses and its permission
 * boundary (the key scopes, or the roles a user session acts as). `appwrite-secops threat-model init`
 * drafts it from the source inventory; the `endpoints/*` and `scopes/*` checks hold the code to it.
 */
import * as z from 'zod';
import { authList } from './settings.js';

export const THREAT_MODEL_RUNTIMES = ['client', 'server', 'function'] as const;
export const THREAT_MODEL_AUTHS = ['session', 'jwt', 'key', 'guest', 'admin'] as const;
export type ThreatModelAuth = (typeof THREAT_MODEL_AUTHS)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, ".", "_" and "-"');

export const trustBoundarySchema = z
  .strictObject({
    id,
    description: z.string().optional(),
    trusted: z.boolean().describe('Code on this side runs on infrastructure you control (true) or on users\' browsers and devices (false).'),
  })
  .describe('A trust boundary: where code runs and whether it can hold secrets.');

export const servicePathSchema = z
  .strictObject({
    id,
    description: z.string().optional(),
    files: z.array(z.string().min(1)).min(1).describe('Globs (relative to the audited root) of the files that make up this path.'),
    runtime: z.enum(THREAT_MODEL_RUNTIMES).describe('Where the code runs: client (browser/app), server, or an Appwrite function.'),
    auth: z
      .union([z.enum(THREAT_MODEL_AUTHS), z.array(z.enum(THREAT_MODEL_AUTHS)).min(1)])
      .describe('How its Appwrite calls authenticate: session, jwt (a user), key (an API key), guest (nothing), admin (console).'),
    boundary: id.optional().describe('The trust boundary (id) this path runs behind.'),
    permissionBoundary: z
      .strictObject({
        scopes: z.array(z.string().min(1)).optional().describe('Scopes of the API key this path uses (for least-privilege checks).'),
        roles: z.array(z.string().min(1)).optional().describe('Roles a user session acts as here (users, team:admins, label:staff, …).'),
        description: z.string().optional(),
      })
      .default({})
      .describe('What limits this path: key scopes for key paths, roles and document permissions for session paths.'),
    operations: z.array(z.string().min(1)).optional().describe('Operations the path may call (`databases.createDocument`, `users.*`); unset = any.'),
  })
  .describe('A service path: code with one runtime, auth mode and permission boundary.');

export const threatModelSchema = z
  .strictObject({
    boundaries: z.array(trustBoundarySchema).default([]),
    servicePaths: z.array(servicePathSchema).default([]),
  })
  .superRefine((tm, ctx) => {
    const seen = new Set<string>();
    tm.servicePaths.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['servicePaths', i, 'id'], message: `duplicate path id "${p.id}"` });
      seen.add(p.id);
      if (p.boundary && !tm.boundaries.some((b) => b.id === p.boundary)) {
        ctx.addIssue({ code: 'custom', path: ['servicePaths', i, 'boundary'], message: `unknown trust boundary "${p.boundary}" (declare it under threatModel.boundaries)` });
      }
      const b = tm.boundaries.find((x) => x.id === p.boundary);
      if (b && !b.trusted && authList(p.auth).includes('key')) {
        ctx.addIssue({ code: 'custom', path: ['servicePaths', i, 'auth'], message: `path "${p.id}" uses an API key behind the untrusted boundary "${b.id}"; keys belong on trusted servers` });
      }
    });
  })
  .default({ boundaries: [], servicePaths: [] })
  .describe('Trust boundaries and service paths of the app (see `appwrite-secops threat-model init`).');

export type ThreatModel = z.output<typeof threatModelSchema>;
export type ServicePath = ThreatModel['servicePaths'][number];
export type TrustBoundary = ThreatModel['boundaries'][number];

/** For src/core/config-sections.ts. */
export const threatModelConfigSection = { threatModel: threatModelSchema } as const;
