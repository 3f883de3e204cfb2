/**
 * What is not a secret: documentation placeholders, template variables, defaults shipped in examples,
 * and values whose characters repeat. Shared by every rule so that a `.env.example` stays quiet.
 */

const PLACEHOLDER_WORDS = [
  'your-',
  'your_',
  'yourkey',
  'yoursecret',
  'xxxx',
  '****',
  '....',
  '…',
  'changeme',
  'change-me',
  'change_me',
  'changethis',
  'replace-me',
  'replace_me',
  'replaceme',
  'placeholder',
  'example',
  'sample',
  'dummy',
  'redacted',
  'insert-',
  'insert_',
  'put-your',
  'enter-your',
  'todo',
  'fixme',
  'not-a-real',
  'notreal',
  'fake-',
  'fake_',
] as const;

/** Whole values that are defaults or words, never secrets (Appwrite's own defaults included). */
const PLACEHOLDER_VALUES = new Set([
  'secret',
  'password',
  'passwd',
  'pass',
  'rootsecretpassword',
  'your-secret-key',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'true',
  'false',
  'test',
  'testing',
  'development',
  'production',
  'key',
  'token',
  'string',
  'value',
  'default',
  'required',
  'optional',
  'hunter2',
  'admin',
  'root',
  'secretkey',
  'secret-key',
  'secret_key',
  'mysecret',
  'mysecretkey',
  'supersecret',
  'jwtsecret',
  'jwt_secret',
  'jwt-secret',
]);

/** Template syntaxes: `${VAR}`, `$VAR`, `{{ var }}`, `<your key>`, `%VAR%`, `[key]`, `@VAR@`, `#{var}`. */
const TEMPLATE = /^(?:\$\{[^}]*\}?|\$\(?[A-Za-z_][\w]*\)?|\{\{[\s\S]*\}\}|<[^>]*>?|%[A-Za-z_][\w]*%|\[[^\]]*\]|@[A-Za-z_][\w]*@|#\{[^}]*\})/;

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower)) return true;
  if (TEMPLATE.test(v)) return true;
  if (v.includes('${') || v.includes('{{')) return true;
  // Long random tokens contain short words by chance ("xxxx" in one of ~10^5 tokens); a placeholder is
  // short or has low entropy. The match is case-consistent: "xxxx", "XXXX", "Example", never "XxXx".
  if (v.length < 24 || shannonEntropy(v) < 4.2) {
    for (const w of PLACEHOLDER_WORDS) if (v.includes(w) || v.includes(w.toUpperCase()) || v.includes(w[0]!.toUpperCase() + w.slice(1))) return true;
  }
  if (isRepetitive(v)) return true;
  if (isSequential(lower)) return true;
  return false;
}

/** True when `s` is one short unit repeated (`aaaa…`, `abab…`, `0123456789abcdef0123…`). */
export function isRepetitive(s: string, maxPeriod = 16): boolean {
  if (s.length < 4) return false;
  for (let p = 1; p <= Math.min(maxPeriod, Math.floor(s.length / 2)); p++) {
    let ok = true;
    for (let i = p; i < s.length; i++) {
      if (s.charCodeAt(i) !== s.charCodeAt(i - p)) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** `abcdefgh…`, `12345678…`: keyboard-walk values people put in examples. */
function isSequential(s: string): boolean {
  if (s.length < 6) return false;
  let up = 0;
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) === s.charCodeAt(i - 1) + 1) up++;
  return up >= s.length - 2;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const CODE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte', 'astro', 'py', 'php', 'rb', 'go', 'java', 'kt', 'kts', 'swift', 'dart', 'cs', 'rs', 'scala', 'groovy', 'c', 'cc', 'cpp', 'h', 'hpp', 'm', 'lua', 'ex', 'exs',
]);

/** Source code, where an unquoted right-hand side is an expression, not a literal. */
export function isCodeFile(path: string): boolean {
  // A source map (`app.js.map`) embeds the code it maps, so it is judged as that code.
  const p = path.toLowerCase().endsWith('.map') ? path.slice(0, -4) : path;
  const dot = p.lastIndexOf('.');
  if (dot === -1 || dot < p.lastIndexOf('/')) return false;
  return CODE_EXTENSIONS.has(p.slice(dot + 1).toLowerCase());
}

/**
 * An expression rather than a literal: `process.env.X`, `config.jwt.secret`, `getSecret()`,
 * `os.environ["X"]`, `env("X")`, `this.secret`.
 */
export function looksLikeCodeReference(value: string): boolean {
  if (/[()[\]]/.test(value)) return true;
  if (/^(?:process\.env|import\.meta\.env|os\.environ|env\.|config\.|settings\.|this\.|self\.|ENV\[|Deno\.env)/.test(value)) return true;
  // UPPER_SNAKE_CASE is the name of another setting (`JWT_SECRET: JWT_SIGNING_KEY`), not a value.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true;
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value);
}

/**
 * The common vetting of an assigned value (`NAME=value`, `name: "value"`): a placeholder, a code
 * reference, or an unquoted right-hand side in source code (a variable) is not a secret.
 */
export function isLiteralValue(value: string, ctx: { path: string; quoted: boolean }): boolean {
  if (looksLikeCodeReference(value)) return false;
  if (!ctx.quoted && isCodeFile(ctx.path)) return false;
  return true;
}

/**
 * For settings whose real values may be any string (deployment passwords, signing secrets): in an env
 * or YAML file any non-placeholder value is real; in source code a short or low-entropy string literal
 * is far more often an enum or a test value (`{ _APP_EXECUTOR_SECRET: 'critical' }`) than a secret.
 */
export function plausibleSettingValue(value: string, ctx: { path: string; quoted: boolean }): boolean {
  if (value.length < 6 || !isLiteralValue(value, ctx)) return false;
  return !isCodeFile(ctx.path) || (value.length >= 12 && shannonEntropy(value) >= 3.5);
}
