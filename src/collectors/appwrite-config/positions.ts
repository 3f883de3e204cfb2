import { InputError } from '../../core/errors.js';

/**
 * Positions in a JSON text without a second parser: JSON.parse gives the values, a single regex pass gives
 * the offset of every `"$id": "<value>"`. Objects are visited in the order JSON.parse keeps (text order for
 * non-numeric keys), so the n-th resource visited is the n-th `$id` in the text; a forward search keeps it
 * right when the walk skips a section. This costs a fraction of JSON.parse, which the 2,000-collection
 * benchmark depends on.
 */
export interface Span {
  start: number;
  end: number;
}

const ID_KEY = /"\$id"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

export class PositionIndex {
  readonly text: string;
  private lineStarts: number[] | undefined;
  private readonly ids: { value: string; offset: number }[] = [];
  private cursor = 0;

  constructor(text: string) {
    this.text = text;
    for (const m of text.matchAll(ID_KEY)) {
      // A `"$id"` inside a string value would be preceded by a backslash-escaped quote: skip it.
      if (m.index > 0 && text[m.index - 1] === '\\') continue;
      const raw = m[1]!;
      this.ids.push({ value: raw.includes('\\') ? safeUnescape(raw) : raw, offset: m.index });
    }
  }

  private lastOffset = 0;
  private lastLine = 1;
  private lastLineStart = 0;

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    // Lookups come in text order while a file is read: count newlines forward from the previous one,
    // which avoids a table of every line start for files of hundreds of thousands of lines.
    if (!this.lineStarts && offset >= this.lastOffset) {
      let line = this.lastLine;
      let start = this.lastLineStart;
      let i = this.text.indexOf('\n', start);
      while (i !== -1 && i < offset) {
        line++;
        start = i + 1;
        i = this.text.indexOf('\n', start);
      }
      this.lastOffset = offset;
      this.lastLine = line;
      this.lastLineStart = start;
      return { line, column: offset - start + 1 };
    }
    this.lineStarts ??= computeLineStarts(this.text);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  lineOf(offset: number): number {
    return this.position(offset).line;
  }

  /**
   * Takes the next `$id` with this value, in text order, and returns the span from it to the next `$id`
   * (the resource's own keys after `$id`; files written by the CLI put `$id` first).
   */
  takeId(id: string): Span | undefined {
    for (let i = this.cursor; i < this.ids.length; i++) {
      if (this.ids[i]!.value === id) {
        this.cursor = i + 1;
        return { start: this.ids[i]!.offset, end: this.ids[i + 1]?.offset ?? this.text.length };
      }
    }
    return undefined;
  }

  /** Offset of `"key"` followed by a colon inside the span, or undefined. */
  keyOffset(span: Span, key: string): number | undefined {
    return this.find(span, `${JSON.stringify(key)}`, true);
  }

  /** Offset of a JSON-encoded string value inside the span (or, failing that, just before it). */
  valueOffset(span: Span, value: string): number | undefined {
    return this.find(span, JSON.stringify(value), false);
  }

  private find(span: Span, needle: string, asKey: boolean): number | undefined {
    let at = this.text.indexOf(needle, span.start);
    while (at !== -1 && at < span.end) {
      if (!asKey || /^\s*:/.test(this.text.slice(at + needle.length, at + needle.length + 8))) return at;
      at = this.text.indexOf(needle, at + needle.length);
    }
    return undefined;
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

function safeUnescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw; // an invalid escape cannot be a real id; comparing the raw text is the best we can do
  }
}

/**
 * JSON.parse with the error turned into file:line:column. V8 on Node 20 reports `… at position N` for most
 * errors but not for an unexpected token (it quotes the text instead, which could hold a secret, so the
 * quote is dropped); then a small scanner finds the offset. "Unexpected end of JSON input" means the end.
 */
export function parseJsonText(text: string, shown: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : /end of JSON input/.test(message) ? body.length : findJsonErrorOffset(body);
    const where = offset === undefined ? undefined : new PositionIndex(body).position(Math.min(offset, Math.max(body.length - 1, 0)));
    const clean = message
      .replace(/^SyntaxError:\s*/, '')
      .replace(/,\s*"[\s\S]*" is not valid JSON$/, '')
      .replace(/\s*in JSON at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new InputError(`invalid JSON: ${clean}`, {
      position: { path: shown, ...(where ? { line: where.line, column: where.column } : {}) },
      hint: 'correct the syntax at that position (a missing comma or quote is the usual cause); the project file must be plain JSON without comments',
    });
  }
}

/** Offset of the first JSON syntax error, or undefined when the text is valid. Used only after JSON.parse failed. */
export function findJsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : undefined;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}
