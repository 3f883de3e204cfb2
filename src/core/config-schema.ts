/**
 * The config file's schema (zod), its validation with file:line errors, and the JSON Schema for editors.
 * Loaded only when a config file is read (or by embedders and tests): zod and the schemas' construction
 * cost start-up time that an audit without a config file does not need. See ./config.ts.
 */
import * as z from 'zod';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { InputError } from './errors.js';
import { FAIL_ON_LEVELS, SEVERITIES } from './severity.js';
import { areaSections } from './config-sections.js';

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

const coreShape = {
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

export const configSchema = z.strictObject({ ...coreShape, ...areaSections });

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export function parseConfigText(text: string, shownAs: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new InputError(`invalid YAML/JSON: ${firstLine(e.message)}`, {
      position: { path: shownAs, line: pos.line, column: pos.col },
      hint: 'correct the syntax at that line',
    });
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    throw new InputError(`cannot load ${shownAs}: ${(err as Error).message}`, { position: { path: shownAs } });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError('the config must be a mapping of settings', { position: { path: shownAs, line: 1 }, hint: 'start the file with keys such as `failOn: high`' });
  }
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 10).map((issue) => {
    const line = lineOf(doc, lineCounter, issue.path as (string | number)[]);
    const at = issue.path.length ? issue.path.join('.') : '(root)';
    return { line, text: `${at}: ${describeIssue(issue)}` };
  });
  const first = issues[0]!;
  const rest = issues.slice(1).map((i) => `\n  ${shownAs}${i.line ? `:${i.line}` : ''}: ${i.text}`).join('');
  throw new InputError(`${first.text}${rest}`, {
    position: { path: shownAs, line: first.line },
    hint: 'see schema/appwrite-secops.schema.json or the README for the format',
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

function lineOf(doc: Document, lc: LineCounter, p: (string | number)[]): number | undefined {
  for (let n = p.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** JSON Schema for editors (committed as schema/appwrite-secops.schema.json). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
}
