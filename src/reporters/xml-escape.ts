import { terminalSafe } from './terminal-safe.js';

/**
 * XML 1.0 allows only #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF, and not even as
 * character references (`&#1;` is as invalid as the raw byte). Anything else (NUL, ESC, a lone
 * surrogate, U+FFFE) would make the whole report unparseable, so it becomes a visible `\u{…}` escape.
 */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function visible(text: string): string {
  return terminalSafe(text.replace(/\r\n?/g, '\n')).replace(XML_INVALID, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

export function xmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** For a double-quoted attribute; newlines and tabs as references so parsers do not normalise them to spaces. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
