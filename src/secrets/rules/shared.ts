/**
 * Regex fragments shared by rules. Every quantifier is bounded, so a pattern anchored at a keyword does
 * a bounded amount of work whatever the input (no catastrophic backtracking).
 */

/** From the end of a name to the start of its value: `": "`, `=`, `', '`, `(`, `=> '`, with quotes. */
export const NAME_TO_VALUE = String.raw`[\w-]{0,30}?['"\x60]?\s{0,8}(?:=>|:=|[:=,(])\s{0,8}(?<q>['"\x60]?)\s{0,4}`;

/** `NAME=value` / `NAME: "value"`: captures the opening quote in `q`. Used for env-style settings. */
export const ASSIGN = String.raw`(?![\w])[ \t]{0,8}(?:=|:(?!:))[ \t]{0,8}(?<q>['"\x60]?)`;

/**
 * An assigned literal: not starting with `$` (`${VAR}`), `#` (a comment), `=` or `<`; ends at
 * whitespace, a quote or a code delimiter.
 */
export const VALUE = String.raw`(?<s>[^\s'"\x60#$=<>,;(){}\[\]][^\s'"\x60,;(){}\[\]]{0,511})`;

/** 256 lower-case hex characters, not part of a longer hex run: the shape of an Appwrite key secret. */
export const HEX256 = String.raw`(?<s>[0-9a-fA-F]{256})(?![0-9a-zA-Z_])`;

export function re(source: string, flags = ''): RegExp {
  return new RegExp(source, flags);
}

/** The part of a standard key after its prefix, for entropy. */
export function afterUnderscore(s: string): string {
  const i = s.indexOf('_');
  return i === -1 ? s : s.slice(i + 1);
}
