import { terminalSafe } from './terminal-safe.js';

/**
 * Escaping for GitHub-flavoured Markdown table cells. Messages quote audited files, so a value could
 * otherwise close the table (`|`), inject HTML or an image that calls out to a tracker (`<img>`,
 * `![x](…)`), turn into a link, or become LaTeX (`$…$`). Every Markdown-significant ASCII
 * punctuation character that can start such a construct is backslash-escaped (GFM renders `\x` as
 * `x`), control characters become visible escapes, and newlines become `<br>` so a row stays one line.
 */
const MD_SPECIAL = /[\\`*_[\]<>|~&$]/g;

/** Longest text kept in one cell; a pathological message must not blow the size budget on its own. */
export const MAX_CELL_CHARS = 1000;

export function truncateChars(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Plain text for a table cell. */
export function mdCell(text: string, max = MAX_CELL_CHARS): string {
  return terminalSafe(truncateChars(text, max))
    .replace(/\t/g, ' ')
    .replace(MD_SPECIAL, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * An inline code span that survives any content: the fence is longer than the longest backtick run
 * inside. In a table `|` is escaped too, because GFM splits cells before it parses code spans.
 */
export function mdCode(text: string, opts: { max?: number; inTable?: boolean } = {}): string {
  let body = terminalSafe(truncateChars(text, opts.max ?? 300)).replace(/\s*(\r\n|\r|\n)\s*/g, ' ');
  if (opts.inTable ?? true) body = body.replace(/\|/g, '\\|');
  if (body.trim() === '') return '';
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** `_APP_OPENSSL_KEY_V1`, `NO_COLOR`: upper-case names with an underscore, shown as code. */
const ENV_NAME = /\b_?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
/** A code span written by a check author: `openssl rand -hex 64`. */
const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Prose for messages and fixes: code spans the author wrote stay code, variable names become code
 * (so `_APP_X_Y` is not read as emphasis), and everything else is escaped like `mdCell`. Code spans
 * are inert in Markdown, so content from audited files cannot become a link, image or HTML this way.
 */
export function mdProse(text: string, opts: { max?: number; inTable?: boolean } = {}): string {
  const inTable = opts.inTable ?? true;
  const t = truncateChars(text, opts.max ?? MAX_CELL_CHARS);
  const out: string[] = [];
  let last = 0;
  for (const m of t.matchAll(CODE_SPAN)) {
    out.push(proseSegment(t.slice(last, m.index), inTable), mdCode(m[2]!, { max: Infinity, inTable }));
    last = m.index + m[0].length;
  }
  out.push(proseSegment(t.slice(last), inTable));
  return out.join('');
}

function proseSegment(text: string, inTable: boolean): string {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(ENV_NAME)) {
    out.push(escapeProse(text.slice(last, m.index), inTable), `\`${m[0]}\``);
    last = m.index + m[0].length;
  }
  out.push(escapeProse(text.slice(last), inTable));
  return out.join('');
}

function escapeProse(text: string, inTable: boolean): string {
  const escaped = terminalSafe(text).replace(/\t/g, ' ').replace(MD_SPECIAL, (c) => `\\${c}`);
  return inTable ? escaped.replace(/\r\n|\r|\n/g, '<br>') : escaped;
}

/** Text inside HTML we write ourselves (`<summary>`): entity-escaped. */
export function htmlText(text: string): string {
  return terminalSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
