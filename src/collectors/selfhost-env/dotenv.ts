import { interpolate } from '../compose/interpolate.js';

/**
 * A dotenv parser that reads what docker compose reads (compose-go's dotenv, which also covers what
 * the `dotenv` npm package accepts), keeping line and column of every entry. We cannot use a library:
 * none reports positions or keeps going after a malformed line.
 *
 * - `KEY=value`, `KEY: value`, `export KEY=value`; blank lines and `#` comments.
 * - Unquoted values are trimmed; ` #` (whitespace, then `#`) starts an inline comment.
 * - `'single'` and `` `backtick` `` quotes are literal; `"double"` quotes expand `\n \r \t \\ \" \$`
 *   and drop the backslash before any other character. Quoted values may span lines.
 * - Unquoted and double-quoted values interpolate `${VAR}` from earlier keys of the same file.
 * - A bare `KEY` takes its value from the shell environment (compose's "inherited" entry).
 * - Duplicate keys: the last one wins, with a warning.
 */

export type QuoteStyle = 'none' | 'single' | 'double' | 'backtick';

export interface DotenvEntry {
  key: string;
  value: string;
  /** 1-based position of the key. */
  line: number;
  column: number;
  /** Last line of the value (multi-line quoted values). */
  endLine: number;
  quote: QuoteStyle;
  exported: boolean;
  /** Bare `KEY`: the value comes from the environment compose runs in. */
  inherited: boolean;
  /** `${VAR}` references that were not set earlier in the file. */
  unresolved: string[];
  /** The whole value is one reference to an unset variable: provided at deploy time, not in the file. */
  fromEnvironment: boolean;
  /** A later line sets the same key again. */
  overridden: boolean;
}

export interface DotenvProblem {
  level: 'warning' | 'error';
  message: string;
  line: number;
  column?: number;
}

export interface DotenvResult {
  entries: DotenvEntry[];
  problems: DotenvProblem[];
}

const QUOTES: Record<string, QuoteStyle> = { '"': 'double', "'": 'single', '`': 'backtick' };
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v' };

export function parseDotenv(text: string): DotenvResult {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const entries: DotenvEntry[] = [];
  const problems: DotenvProblem[] = [];
  const current = new Map<string, DotenvEntry>();
  const lookup = (name: string): string | undefined => {
    const e = current.get(name);
    return e && !e.inherited && !e.fromEnvironment ? e.value : undefined;
  };

  let i = 0;
  while (i < lines.length) {
    const lineNo = i + 1;
    const line = lines[i]!;
    i++;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;

    let pos = line.length - trimmed.length;
    let exported = false;
    const exp = /^export[ \t]+(?=[^\s=:])/.exec(line.slice(pos));
    if (exp) {
      exported = true;
      pos += exp[0].length;
    }
    const keyMatch = /^[A-Za-z0-9_.-]+/.exec(line.slice(pos));
    if (!keyMatch) {
      problems.push({ level: 'error', line: lineNo, column: pos + 1, message: `expected NAME=value, got ${describe(line.slice(pos))}; the line is ignored` });
      continue;
    }
    const key = keyMatch[0];
    const keyCol = pos + 1;
    pos += key.length;
    while (line[pos] === ' ' || line[pos] === '\t') pos++;

    const base = { key, line: lineNo, column: keyCol, exported, unresolved: [] as string[], overridden: false };
    if (pos >= line.length || line[pos] === '#') {
      add({ ...base, value: '', endLine: lineNo, quote: 'none', inherited: true, fromEnvironment: true });
      continue;
    }
    const sep = line[pos];
    if (sep !== '=' && sep !== ':') {
      problems.push({ level: 'error', line: lineNo, column: pos + 1, message: `unexpected ${describe(line.slice(pos))} after the name ${key}; expected "=" (names may hold letters, digits, "_", "." and "-")` });
      continue;
    }
    pos++;
    const afterSep = pos;
    while (line[pos] === ' ' || line[pos] === '\t') pos++;
    const rest = line.slice(pos);
    const quote = QUOTES[rest[0] ?? ''];

    if (quote) {
      const q = rest[0]!;
      const found = findClosingQuote(lines, i - 1, pos + 1, q, quote === 'double');
      if (!found) {
        problems.push({ level: 'error', line: lineNo, column: pos + 1, message: `the ${quote}-quoted value of ${key} is never closed; the line is ignored (add the closing ${q})` });
        continue;
      }
      const trailing = lines[found.line]!.slice(found.column + 1);
      if (trailing.trim() !== '' && !/^\s+#/.test(trailing) && !trailing.trimStart().startsWith('#')) {
        problems.push({ level: 'warning', line: found.line + 1, column: found.column + 2, message: `text after the closing quote of ${key} is ignored: ${describe(trailing.trim())}` });
      }
      i = found.line + 1;
      if (quote === 'double') {
        const escaped = found.content.replace(/\\([\s\S])/g, (_, c: string) => (c === '$' ? '$$' : (ESCAPES[c] ?? c)));
        add({ ...base, ...interpolated(escaped, lineNo), endLine: found.line + 1, quote, inherited: false });
      } else {
        add({ ...base, value: found.content, endLine: found.line + 1, quote, inherited: false, fromEnvironment: false });
      }
      continue;
    }

    // Unquoted: a `#` starts a comment when whitespace precedes it (also right after the `=`).
    let raw = rest;
    const comment = pos > afterSep && rest.startsWith('#') ? 0 : rest.search(/[ \t]#/);
    if (comment !== -1) raw = rest.slice(0, comment);
    add({ ...base, ...interpolated(raw.trim(), lineNo), endLine: lineNo, quote: 'none', inherited: false });
  }
  return { entries, problems };

  function interpolated(raw: string, lineNo: number): { value: string; unresolved: string[]; fromEnvironment: boolean } {
    if (!raw.includes('$')) return { value: raw, unresolved: [], fromEnvironment: false };
    const r = interpolate(raw, lookup);
    for (const e of r.errors) problems.push({ level: 'error', line: lineNo, message: `${e}; compose refuses this value` });
    return { value: r.value, unresolved: [...r.unresolved, ...r.required.map((x) => x.name)], fromEnvironment: r.fromEnvironment !== undefined };
  }

  function add(e: DotenvEntry): void {
    const prev = current.get(e.key);
    if (prev) {
      prev.overridden = true;
      problems.push({ level: 'warning', line: e.line, column: e.column, message: `${e.key} is set again (first at line ${prev.line}); the last value wins` });
    }
    current.set(e.key, e);
    entries.push(e);
  }
}

/** Finds the closing quote from (lineIdx, col), across lines. Backslash escapes count in double quotes only. */
function findClosingQuote(lines: string[], lineIdx: number, col: number, q: string, escapes: boolean): { line: number; column: number; content: string } | undefined {
  let content = '';
  for (let l = lineIdx; l < lines.length; l++) {
    const s = lines[l]!;
    for (let c = l === lineIdx ? col : 0; c < s.length; c++) {
      const ch = s[c]!;
      if (escapes && ch === '\\' && c + 1 < s.length) {
        content += ch + s[c + 1];
        c++;
        continue;
      }
      if (ch === q) return { line: l, column: c, content };
      content += ch;
    }
    content += '\n';
  }
  return undefined;
}

/** Shows the start of a bad line without echoing a possible secret in full. */
function describe(s: string): string {
  const first = s.trim()[0];
  if (first === undefined) return 'the end of the line';
  return `"${first}"${s.trim().length > 1 ? ' …' : ''}`;
}

/** The entries that take effect: last one per key, in file order. */
export function effectiveEntries<T extends { overridden: boolean }>(entries: readonly T[]): T[] {
  return entries.filter((e) => !e.overridden);
}
