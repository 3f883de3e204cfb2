/**
 * Text that reaches a terminal comes partly from audited files (variable names, paths, image tags).
 * A crafted value could carry escape sequences that rewrite the screen or the clipboard, or bidi
 * controls that reorder what a reviewer reads (Trojan Source), so those characters are shown as
 * visible `\u{…}` escapes instead. Newlines and tabs are kept: callers lay them out.
 */
// C0 controls except \t \n, DEL, C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Indents every line after the first, so a multi-line message stays inside its block. */
export function indentContinuation(text: string, indent: string): string {
  return text.replace(/\r\n|\r|\n/g, `\n${indent}`);
}
