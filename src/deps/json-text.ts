/**
 * JSON helpers for lockfiles and tool output: parse errors with line:column, the line of each object key
 * (JSON.parse forgets positions, findings need them), and the JSONC that bun.lock is written in.
 */

/** A file that is not in the format it claims to be, with the position when there is one. */
export class FormatError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'FormatError';
    this.line = line;
    this.column = column;
  }
}

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** JSON.parse, but a syntax error says where: `line 14, column 3: Expected ',' or '}'`. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const m = /at position (\d+)/.exec(msg);
    if (!m && !/Unexpected end of JSON input/.test(msg)) {
      // "Unexpected token '<', "<html>…" is not valid JSON": no position, and the excerpt is the input's
      throw new FormatError(`${msg.split(/, "|\.\.\./)[0]} (not JSON)`);
    }
    const offset = m ? Number(m[1]) : text.length;
    const { line, column } = positionOf(text, offset);
    // an error at the very end means the text stops early: say so, it is the usual cause
    const truncated = !m || offset >= text.trimEnd().length;
    const what = truncated ? 'the JSON ends early (truncated?)' : msg.replace(/ in JSON at position \d+.*$/, '');
    throw new FormatError(what, line, column);
  }
}

/**
 * Calls `onKey(path, key, line)` for every object key, where `path` is the chain of keys of the
 * enclosing objects (array elements add their index). One pass over the characters, no allocation per
 * value, so it stays cheap on a 10 MB package-lock.
 */
export function scanKeyLines(text: string, onKey: (path: readonly string[], key: string, line: number) => void, maxDepth = 4): void {
  const path: string[] = [];
  // per open container: true for objects (keys expected), false for arrays; plus the array index
  const isObj: boolean[] = [];
  const index: number[] = [];
  let expectKey = false;
  let pendingKey: string | undefined;
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 34 /* " */) {
      const start = i + 1;
      let j = start;
      let escaped = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 92 /* \ */) {
          escaped = true;
          j++;
          continue;
        }
        if (d === 34) break;
        if (d === 10) line++;
      }
      if (expectKey && isObj.length > 0 && isObj[isObj.length - 1]) {
        const raw = text.slice(start, j);
        pendingKey = escaped ? safeUnescape(raw) : raw;
        if (path.length < maxDepth) onKey(path, pendingKey, line);
        expectKey = false;
      }
      i = j;
      continue;
    }
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      // a JSONC line comment (bun.lock may carry them)
      while (i < n && text.charCodeAt(i) !== 10) i++;
      i--;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const parentIsObj = isObj[isObj.length - 1];
      const key = parentIsObj ? (pendingKey ?? '') : isObj.length ? String(index[index.length - 1] ?? 0) : '';
      if (isObj.length > 0) path.push(key);
      isObj.push(c === 123);
      index.push(0);
      expectKey = c === 123;
      pendingKey = undefined;
      continue;
    }
    if (c === 125 /* } */ || c === 93 /* ] */) {
      isObj.pop();
      index.pop();
      if (isObj.length > 0) path.pop();
      expectKey = false;
      continue;
    }
    if (c === 44 /* , */) {
      if (isObj[isObj.length - 1]) expectKey = true;
      else if (index.length) index[index.length - 1]!++;
      continue;
    }
  }
}

function safeUnescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    // an invalid escape: keep the raw text, the real parser reports the syntax error
    return raw;
  }
}

/**
 * bun.lock is JSON with trailing commas (and possibly comments). Rewrites it to strict JSON while
 * keeping every newline, so positions in errors still point at the right line.
 */
export function jsoncToJson(text: string): string {
  let out = '';
  const n = text.length;
  let i = 0;
  let chunkStart = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i++;
      while (i < n && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      i++;
      continue;
    }
    if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
      out += text.slice(chunkStart, i);
      const block = text.charCodeAt(i + 1) === 42;
      const end = block ? text.indexOf('*/', i + 2) : text.indexOf('\n', i);
      const stop = end === -1 ? n : block ? end + 2 : end;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      chunkStart = i;
      continue;
    }
    if (c === 44) {
      let j = i + 1;
      while (j < n && /\s/.test(text[j]!)) j++;
      const next = text.charCodeAt(j);
      if (next === 125 || next === 93) {
        out += `${text.slice(chunkStart, i)} `;
        i++;
        chunkStart = i;
        continue;
      }
    }
    i++;
  }
  return out + text.slice(chunkStart);
}

export { isRecord } from '../core/text.js';
