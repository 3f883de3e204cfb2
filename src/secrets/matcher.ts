import { isPlaceholder, shannonEntropy } from './placeholder.js';
import { ALL_RULES } from './rules/index.js';
import type { RawMatch, SecretRule } from './types.js';
import { escapeRegExp } from '../core/text.js';

export interface CompiledRules {
  rules: readonly SecretRule[];
  /** One pass over the text finds every keyword (case-insensitive); rules run only at those offsets. */
  keyword: RegExp;
  byKeyword: Map<string, number[]>;
  sticky: RegExp[];
}

export function compileRules(rules: readonly SecretRule[] = ALL_RULES): CompiledRules {
  const byKeyword = new Map<string, number[]>();
  rules.forEach((r, i) => {
    for (const k of r.keywords) {
      if (k !== k.toLowerCase()) throw new Error(`rule ${r.id}: keyword "${k}" must be lower-case`);
      byKeyword.set(k, [...(byKeyword.get(k) ?? []), i]);
    }
  });
  const alternatives = [...byKeyword.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const sticky = rules.map((r) => new RegExp(r.pattern.source, `y${r.pattern.flags.replace(/[^is]/g, '')}`));
  return { rules, keyword: new RegExp(alternatives.join('|'), 'gi'), byKeyword, sticky };
}

let defaultCompiled: CompiledRules | undefined;
export function defaultRules(): CompiledRules {
  defaultCompiled ??= compileRules();
  return defaultCompiled;
}

export interface ScanTextOptions {
  /** Path shown in findings and used for file-type decisions. */
  path: string;
  /** The text is (about to be) committed: enables `committedOnly` rules. */
  committed: boolean;
  /** Lines before this text (for chunks and diff hunks). */
  lineOffset?: number;
  /** Only matches starting before this offset are kept (the rest of a chunk is overlap). */
  limit?: number;
}

interface Candidate {
  rule: number;
  start: number;
  end: number;
  secret: string;
  nameStart: number;
}

const ALLOW = 'appwrite-secops:allow';
const ALLOW_NEXT = 'appwrite-secops:allow-next-line';
/** A 40-character AWS secret access key near its key id. */
const AWS_SECRET_NEAR = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const AWS_WINDOW = 600;
const PROJECT_HINT =
  /(?:setProject\s{0,8}\(\s{0,8}|X-Appwrite-Project['"\x60]?\s{0,8}[:=,]\s{0,8}|APPWRITE_(?:FUNCTION_)?PROJECT(?:_ID)?['"\x60]?\s{0,8}[:=]\s{0,8}|projectId['"\x60]?\s{0,8}[:=]\s{0,8})['"\x60]([A-Za-z0-9][A-Za-z0-9._-]{0,35})['"\x60]/i;

/**
 * Finds the secrets in one text. Pure and synchronous: it runs in worker threads and inline alike.
 * The returned matches hold raw secrets; callers redact them before anything leaves the scanner.
 */
export function scanText(text: string, compiled: CompiledRules, opts: ScanTextOptions): RawMatch[] {
  const { rules, keyword, byKeyword, sticky } = compiled;
  const candidates: Candidate[] = [];
  const docChecks = new Map<number, boolean>();
  keyword.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = keyword.exec(text)) !== null) {
    const at = m.index;
    // Keywords may overlap ("dev-key" inside "x-appwrite-dev-key"): resume one character later.
    keyword.lastIndex = at + 1;
    if (opts.limit !== undefined && at >= opts.limit) break;
    for (const ri of byKeyword.get(m[0].toLowerCase()) ?? []) {
      const rule = rules[ri]!;
      if (rule.committedOnly && !opts.committed) continue;
      const re = sticky[ri]!;
      re.lastIndex = at;
      const r = re.exec(text);
      if (!r?.groups?.s) continue;
      const secret = r.groups.s;
      const start = r.index + r[0].lastIndexOf(secret);
      if (rule.documentRequires) {
        let ok = docChecks.get(ri);
        if (ok === undefined) docChecks.set(ri, (ok = rule.documentRequires.test(text)));
        if (!ok) continue;
      }
      if (!accepts(rule, secret, { path: opts.path, quoted: !!r.groups.q })) continue;
      candidates.push({ rule: ri, start, end: start + secret.length, secret, nameStart: at });
    }
  }
  if (candidates.length === 0) return [];
  const kept = resolveOverlaps(candidates);
  return toMatches(text, kept, compiled, opts);
}

function accepts(rule: SecretRule, secret: string, ctx: { path: string; quoted: boolean }): boolean {
  const core = rule.entropyOf ? rule.entropyOf(secret) : secret;
  if (!rule.skipPlaceholderCheck && (isPlaceholder(secret) || (core !== secret && isPlaceholder(core)))) return false;
  if (rule.minEntropy !== undefined && shannonEntropy(core) < rule.minEntropy) return false;
  if (rule.validate && !rule.validate(secret, ctx)) return false;
  return true;
}

/** Overlapping matches are one secret: the rule listed first keeps it. */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || a.rule - b.rule);
  const out: Candidate[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.rule < last.rule) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

function toMatches(text: string, kept: Candidate[], compiled: CompiledRules, opts: ScanTextOptions): RawMatch[] {
  const out: RawMatch[] = [];
  let line = 1 + (opts.lineOffset ?? 0);
  let pos = 0;
  const awsSecrets = new Set<string>();
  let projectHint: string | undefined | null = null;
  for (const c of kept) {
    if (opts.limit !== undefined && c.start >= opts.limit) break;
    const rule = compiled.rules[c.rule]!;
    line += countNewlines(text, pos, c.start);
    pos = c.start;
    const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
    const lineEndRaw = text.indexOf('\n', c.start);
    const lineText = text.slice(lineStart, lineEndRaw === -1 ? text.length : lineEndRaw);
    const prevStart = lineStart === 0 ? -1 : text.lastIndexOf('\n', lineStart - 2) + 1;
    const prevText = prevStart === -1 ? '' : text.slice(prevStart, lineStart - 1);
    const match: RawMatch = {
      ruleId: rule.id,
      line,
      column: c.start - lineStart + 1,
      endLine: line + countNewlines(text, c.start, c.end),
      secret: c.secret,
      allowed: lineText.includes(ALLOW) || prevText.includes(ALLOW_NEXT),
    };
    const sev = rule.severityFor?.(c.secret);
    if (sev) match.severity = sev;
    if (c.nameStart < c.start && rule.id !== 'gcp-service-account' && rule.id !== 'private-key') {
      const context = nameBefore(text, c.nameStart, c.start);
      if (context) match.context = context;
    }
    if (rule.id === 'aws-access-key') {
      const near = findAwsSecret(text, c.start, c.end);
      if (near) {
        match.related = [near];
        match.severity = 'critical';
        awsSecrets.add(near);
      }
    }
    if (rule.family === 'appwrite-key') {
      if (projectHint === null) projectHint = PROJECT_HINT.exec(text)?.[1];
      if (projectHint) match.projectHint = projectHint;
    }
    out.push(match);
  }
  // The secret half of an AWS key pair is reported once, with its key id.
  return awsSecrets.size ? out.filter((x) => !(x.ruleId === 'aws-secret-key' && awsSecrets.has(x.secret))) : out;
}

function findAwsSecret(text: string, start: number, end: number): string | undefined {
  const from = Math.max(0, start - AWS_WINDOW);
  const window = text.slice(from, Math.min(text.length, end + AWS_WINDOW));
  AWS_SECRET_NEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AWS_SECRET_NEAR.exec(window)) !== null) {
    const s = m[0];
    if (/[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9/+]/.test(s) && shannonEntropy(s) >= 4.0 && !isPlaceholder(s)) return s;
  }
  return undefined;
}

/** The setting or header name a value was assigned to (`X-Appwrite-Key`, `APPWRITE_API_KEY`). */
function nameBefore(text: string, nameStart: number, secretStart: number): string | undefined {
  let s = nameStart;
  while (s > 0 && nameStart - s < 40 && /[\w-]/.test(text[s - 1]!)) s--;
  const name = /^[\w-]+/.exec(text.slice(s, Math.min(secretStart, s + 80)))?.[0];
  return name && name.length <= 80 ? name : undefined;
}

export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < to) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}
