import type { PermissionRef, SourceRef } from '../../appwrite/project-model.js';
import type { ConfigProblem } from './schema.js';
import type { PositionIndex, Span } from './positions.js';

/** What every section reader shares while one file is read. */
export interface ReadContext {
  /** The file as shown in messages (workspace-relative). */
  path: string;
  pos: PositionIndex;
  problems: ConfigProblem[];
  warn(message: string, line?: number): void;
  /** Registers a secret value so that no output can carry it. */
  secret(value: string): void;
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A wrong value, for messages. Long strings are described, not echoed: a misplaced value can be a
 * secret (a key written where an object was expected), and messages end up in reports and CI logs.
 */
export function show(v: unknown): string {
  if (typeof v === 'string') return v.length <= 12 ? JSON.stringify(v) : `a string of ${v.length} characters`;
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object' && v !== null) return 'an object';
  return String(v);
}

/**
 * Typed access to one JSON object of the file, with positions. A value of the wrong type becomes a
 * problem with file:line and a fix, and reads as "not stated", so the analysis stays conservative.
 */
export class ObjectReader {
  readonly ctx: ReadContext;
  readonly obj: JsonObject;
  readonly span: Span | undefined;
  /** `collection "profiles"`, for messages. */
  readonly what: string;
  readonly resource?: { type: string; id: string };

  constructor(ctx: ReadContext, obj: JsonObject, span: Span | undefined, what: string, resource?: { type: string; id: string }) {
    this.ctx = ctx;
    this.obj = obj;
    this.span = span;
    this.what = what;
    this.resource = resource;
  }

  /** Position of the object (its `$id`), or of a key inside it. */
  loc(key?: string): SourceRef {
    if (!this.span) return { path: this.ctx.path };
    const at = key === undefined ? this.span.start : (this.ctx.pos.keyOffset(this.span, key) ?? this.span.start);
    return { path: this.ctx.path, line: this.ctx.pos.lineOf(at) };
  }

  line(key?: string): number | undefined {
    return this.loc(key).line;
  }

  private valueLocFrom(value: string, from: number | undefined, key: string): SourceRef {
    if (!this.span) return { path: this.ctx.path };
    const at = this.ctx.pos.valueOffset(from === undefined ? this.span : { start: from, end: this.span.end }, value);
    return at === undefined ? this.loc(key) : { path: this.ctx.path, line: this.ctx.pos.lineOf(at) };
  }

  /** Position of a string value inside the object (a permission, a role). */
  valueLoc(value: string, fallbackKey?: string): SourceRef {
    if (!this.span) return { path: this.ctx.path };
    // Search from the list's own key, so the same role under `$read` and `$write` gets each its line.
    const from = fallbackKey === undefined ? undefined : this.ctx.pos.keyOffset(this.span, fallbackKey);
    const at = this.ctx.pos.valueOffset(from === undefined ? this.span : { start: from, end: this.span.end }, value);
    return at === undefined ? this.loc(fallbackKey) : { path: this.ctx.path, line: this.ctx.pos.lineOf(at) };
  }

  invalid(key: string, expected: string, fix: string): void {
    const line = this.line(key);
    const message = `${this.what}: "${key}" must be ${expected}, got ${show(this.obj[key])}. Fix: ${fix}`;
    this.ctx.problems.push({ kind: 'invalid-value', path: this.ctx.path, line, message, ...(this.resource ? { resource: this.resource } : {}) });
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }

  str(key: string): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.invalid(key, 'a string', 'quote the value');
    return undefined;
  }

  bool(key: string): boolean | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.invalid(key, 'a boolean', 'use true or false, without quotes');
    return undefined;
  }

  /** A number; `null` is kept (the CLI writes null for "no limit"). */
  num(key: string): number | null | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.invalid(key, 'a number', 'write the number without quotes');
    return undefined;
  }

  strArray(key: string): string[] | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    this.invalid(key, 'a list of strings', 'write it as ["a", "b"]');
    return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as string[]) : undefined;
  }

  object(key: string): JsonObject | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (isObject(v)) return v;
    this.invalid(key, 'an object', 'write it as { "key": value }');
    return undefined;
  }

  /** Permission strings (or bare roles) with the position of each one. */
  permissions(key: string, convert: (s: string) => string = (s) => s, original?: (s: string) => string): PermissionRef[] {
    const list = this.strArray(key);
    if (!list || list.length === 0) return [];
    // The list's own key is located once; each value is searched from there.
    const from = this.span ? this.ctx.pos.keyOffset(this.span, key) : undefined;
    return list.map((raw) => {
      const value = convert(raw);
      const ref: PermissionRef = { value, location: this.valueLocFrom(raw, from, key) };
      if (value !== raw && original) ref.original = original(raw);
      return ref;
    });
  }

  /** Unknown keys are reported, never fatal: newer CLIs add fields before we know them. */
  unknownKeys(known: ReadonlySet<string>): void {
    for (const k of Object.keys(this.obj)) {
      if (!known.has(k)) this.ctx.warn(`${this.what}: unknown key "${k}" (ignored; a newer Appwrite CLI may have written it)`, this.line(k));
    }
  }
}
