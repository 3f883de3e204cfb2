import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { InputError } from '../core/errors.js';
import { readTextFile } from '../core/workspace.js';
import type { SecretFinding } from './types.js';
import { compareText } from '../core/compare.js';

export const BASELINE_VERSION = 1;

const entrySchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/, 'expected a 32-character hex fingerprint'),
  rule: z.string().optional(),
  path: z.string().optional(),
  line: z.number().int().positive().optional(),
});

const baselineSchema = z.strictObject({
  version: z.literal(BASELINE_VERSION),
  tool: z.string().optional(),
  generatedAt: z.string().optional(),
  findings: z.array(entrySchema),
});

export type BaselineFile = z.output<typeof baselineSchema>;

/**
 * A baseline lists the fingerprints of accepted, already-known secrets (never the secrets). A
 * fingerprint hashes rule, path and the secret's hash, so moving the line keeps it covered, while the
 * same value in a new file, or a new value in the same file, is reported.
 */
export async function readBaseline(file: string, shownAs = file): Promise<Set<string>> {
  const text = await readTextFile(file, shownAs, { maxBytes: 64 * 1024 * 1024 });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${shownAs} is not valid JSON: ${(err as Error).message}`, {
      position: { path: shownAs },
      hint: 'regenerate it with `appwrite-secops secrets --write-baseline FILE`',
    });
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${shownAs}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      position: { path: shownAs },
      hint: `a baseline is {"version": ${BASELINE_VERSION}, "findings": [{"fingerprint": "…"}]}; regenerate it with --write-baseline`,
    });
  }
  return new Set(parsed.data.findings.map((f) => f.fingerprint));
}

export function renderBaseline(findings: ReadonlyArray<Pick<SecretFinding, 'fingerprint' | 'ruleId' | 'path' | 'line'>>, now: Date): string {
  const seen = new Set<string>();
  const entries = findings
    .filter((f) => (seen.has(f.fingerprint) ? false : (seen.add(f.fingerprint), true)))
    .sort((a, b) => compareText(a.path, b.path) || a.line - b.line || compareText(a.fingerprint, b.fingerprint))
    .map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, path: f.path, line: f.line }));
  const doc: BaselineFile = { version: BASELINE_VERSION, tool: 'appwrite-secops', generatedAt: now.toISOString(), findings: entries };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Written atomically (temp file + rename), so an interrupted run never leaves half a baseline. */
export async function writeBaseline(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode: 0o644 });
  await rename(tmp, file);
}
