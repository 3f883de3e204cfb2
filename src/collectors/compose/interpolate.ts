/**
 * Variable interpolation as docker compose does it in compose files and in `.env` files:
 * `$$` (a literal `$`), `$VAR`, `${VAR}`, `${VAR:-default}` (unset or empty), `${VAR-default}` (unset),
 * `${VAR:?error}` / `${VAR?error}` (required), `${VAR:+alt}` / `${VAR+alt}`; defaults may nest
 * (`${A:-${B}}`). Unset variables without a default become '' (compose warns and does the same).
 */

export interface InterpolationResult {
  value: string;
  /** Every variable the text refers to. */
  refs: string[];
  /** Variables that were unset and had no default: compose takes them from the shell at deploy time. */
  unresolved: string[];
  /** `${VAR:?msg}` whose VAR was unset: compose refuses to start unless the deploy environment sets it. */
  required: { name: string; message: string }[];
  /** Syntax errors (an unterminated `${`). */
  errors: string[];
  /**
   * Set when the whole text is one reference (`${VAR}`, `$VAR`, `${VAR:?msg}`) to an unset variable:
   * the value is provided by the deploy environment and cannot be judged from files.
   */
  fromEnvironment?: string;
}

export type Lookup = (name: string) => string | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function interpolate(text: string, lookup: Lookup): InterpolationResult {
  const res: InterpolationResult = { value: '', refs: [], unresolved: [], required: [], errors: [] };
  res.value = expand(text, lookup, res);
  const whole = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?\?[^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(text);
  const wholeName = whole?.[1] ?? whole?.[2];
  if (wholeName && (res.unresolved.includes(wholeName) || res.required.some((r) => r.name === wholeName))) res.fromEnvironment = wholeName;
  res.refs = [...new Set(res.refs)];
  res.unresolved = [...new Set(res.unresolved)];
  return res;
}

function expand(text: string, lookup: Lookup, res: InterpolationResult): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(text, i + 1);
      if (close === -1) {
        // Positions only: the text may be a secret.
        res.errors.push(`unterminated "\${" at character ${i + 1}`);
        out += text.slice(i);
        break;
      }
      out += braced(text.slice(i + 2, close), lookup, res, i + 1);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (m) {
      out += resolve(m[0], lookup, res);
      i += 1 + m[0].length;
      continue;
    }
    out += '$';
    i++;
  }
  return out;
}

/** Index of the `}` that closes the `{` at `open`, counting nested `${…}`. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function braced(body: string, lookup: Lookup, res: InterpolationResult, at: number): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\?|\?|:\+|\+)([\s\S]*))?$/.exec(body);
  if (!m) {
    res.errors.push(`invalid interpolation "\${…}" at character ${at} (expected \${NAME} or \${NAME:-default})`);
    return '';
  }
  const [, name, op, arg = ''] = m as unknown as [string, string, string | undefined, string | undefined];
  res.refs.push(name);
  const value = lookup(name);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (op) {
    case undefined:
      return resolve(name, lookup, res);
    case ':-':
      return nonEmpty ? value : expand(arg, lookup, res);
    case '-':
      return set ? value : expand(arg, lookup, res);
    case ':?':
    case '?':
      if (op === ':?' ? nonEmpty : set) return value!;
      res.required.push({ name, message: expand(arg, lookup, res) || `${name} is required` });
      return '';
    case ':+':
      return nonEmpty ? expand(arg, lookup, res) : '';
    case '+':
      return set ? expand(arg, lookup, res) : '';
    default:
      return '';
  }
}

function resolve(name: string, lookup: Lookup, res: InterpolationResult): string {
  res.refs.push(name);
  const v = lookup(name);
  if (v === undefined) {
    res.unresolved.push(name);
    return '';
  }
  return v;
}
