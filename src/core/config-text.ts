/**
 * Reading appwrite-secops.yaml as YAML, and turning schema issues into one InputError that points at
 * file:line. Shared by the full schema (./config-schema.ts) and the section-by-section validation
 * (./config-lazy.ts); zod is only a type here.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type * as z from 'zod';
import { InputError } from './errors.js';

export interface ConfigDocument {
  doc: Document;
  lineCounter: LineCounter;
  /** The file's mapping as plain data. */
  raw: Record<string, unknown>;
}

/** Parses the text; bad YAML, an alias bomb or a file that is not a mapping is an InputError with a line. */
export function readConfigDocument(text: string, shownAs: string): ConfigDocument {
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
  return { doc, lineCounter, raw: raw as Record<string, unknown> };
}

/** The first ten issues as one error: the first one's file:line as the position, the others listed below it. */
export function configIssuesError(issues: readonly z.core.$ZodIssue[], cd: ConfigDocument, shownAs: string): InputError {
  const lines = issues.slice(0, 10).map((issue) => {
    const line = lineOf(cd.doc, cd.lineCounter, issue.path as (string | number)[]);
    const at = issue.path.length ? issue.path.join('.') : '(root)';
    return { line, text: `${at}: ${describeIssue(issue)}` };
  });
  const first = lines[0]!;
  const rest = lines.slice(1).map((i) => `\n  ${shownAs}${i.line ? `:${i.line}` : ''}: ${i.text}`).join('');
  return new InputError(`${first.text}${rest}`, {
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
