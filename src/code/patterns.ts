/**
 * Line-pattern fallback for Dart (Flutter and dart_appwrite), Kotlin, Swift and Python: no parser of
 * those languages runs on Node, and the Appwrite SDKs are used in a few regular shapes there
 * (`final databases = Databases(client);`, `client.setKey(...)`, `'X-Appwrite-Key': ...`). What a
 * pattern cannot bind stays a name-only guess, which the inventory marks as such.
 */
import { operationsOf, serviceNamespace } from '../appwrite/endpoints.js';
import { redactSecret } from '../core/redact.js';
import { isServiceClass } from './js-values.js';
import { isAppwriteKeyValue } from './key-shapes.js';
import type { SourceLanguage } from './parse.js';
import { emptyModuleSummary, type CallTarget, type EnvRead, type KeySource, type ModuleSummary, type SiteAuth } from './types.js';

type PatternLanguage = Extract<SourceLanguage, 'dart' | 'kotlin' | 'swift' | 'python'>;

const SDK_IMPORT: Record<PatternLanguage, { re: RegExp; pkg: (m: RegExpMatchArray) => string }[]> = {
  dart: [
    { re: /^\s*import\s+['"]package:dart_appwrite\//, pkg: () => 'dart_appwrite' },
    { re: /^\s*import\s+['"]package:appwrite\//, pkg: () => 'flutter:appwrite' },
  ],
  kotlin: [{ re: /^\s*import\s+io\.appwrite\b/, pkg: () => 'kotlin:io.appwrite' }],
  swift: [{ re: /^\s*import\s+Appwrite\b/, pkg: () => 'swift:Appwrite' }],
  python: [{ re: /^\s*(from\s+appwrite(\.|\s)|import\s+appwrite\b)/, pkg: () => 'python:appwrite' }],
};

const ENV_PATTERNS: RegExp[] = [
  /Platform\.environment\[\s*['"]([A-Za-z_][\w]*)['"]\s*\]/g,
  /String\.fromEnvironment\(\s*['"]([A-Za-z_][\w]*)['"]/g,
  /dotenv\.env\[\s*['"]([A-Za-z_][\w]*)['"]\s*\]/g,
  /System\.getenv\(\s*"([A-Za-z_][\w]*)"\s*\)/g,
  /BuildConfig\.([A-Z_][A-Z0-9_]*)/g,
  /ProcessInfo\.processInfo\.environment\[\s*"([A-Za-z_][\w]*)"\s*\]/g,
  /os\.environ\[\s*['"]([A-Za-z_][\w]*)['"]\s*\]/g,
  /os\.environ\.get\(\s*['"]([A-Za-z_][\w]*)['"]/g,
  /os\.getenv\(\s*['"]([A-Za-z_][\w]*)['"]/g,
];

const KEY_CALL = /(?:\.\.?|\b)(setKey|set_key|setDevKey|set_dev_key)\s*\(/g;
const KEY_HEADER = /['"](x-appwrite-key|x-appwrite-dev-key)['"]/gi;

export function analyzePatternModule(code: string, path: string, language: PatternLanguage): ModuleSummary {
  const summary = emptyModuleSummary(path, language, false);
  const lines = stripComments(code, language).split('\n');
  const text = lines.join('\n');
  const sdkPkg = (): string | undefined => summary.sdkImports[0]?.pkg;

  lines.forEach((line, i) => {
    for (const imp of SDK_IMPORT[language]) {
      const m = line.match(imp.re);
      if (m) summary.sdkImports.push({ pkg: imp.pkg(m), line: i + 1, clientReachable: true });
    }
    const rel = language === 'dart' ? line.match(/^\s*import\s+['"]((?:\.{1,2}\/)[^'"]+)['"]/) : undefined;
    if (rel?.[1]) summary.imports.push({ source: rel[1], line: i + 1, kind: 'static', typeOnly: false, clientReachable: true });
  });

  // Clients: `x = Client(...)…` and the statement that builds it (cascades and chains run over lines).
  const clients = new Map<string, { key: boolean; jwt: boolean; session: boolean }>();
  const clientDecl = /\b(?:final|var|val|let|const)?\s*(?:[\w.]*Client\??\s+)?([A-Za-z_]\w*)\s*(?::\s*[\w.]*Client\s*)?=\s*\(?\s*(?:new\s+)?(?:[a-z_]\w*\.)*Client\s*\(/g;
  for (const m of text.matchAll(clientDecl)) {
    const stmt = statementFrom(text, m.index ?? 0);
    const name = m[1]!;
    const later = new RegExp(`\\b${name}\\s*\\.\\.?\\s*(set\\w+|set_\\w+)\\s*\\(`, 'g');
    const setters = [...stmt.matchAll(/\b(setKey|set_key|setJWT|set_jwt|setSession|set_session)\s*\(/g)].map((x) => x[1]!);
    for (const s of text.matchAll(later)) setters.push(s[1]!);
    clients.set(name, {
      key: setters.some((s) => /^set_?key$/i.test(s)),
      jwt: setters.some((s) => /^set_?jwt$/i.test(s)),
      session: setters.some((s) => /^set_?session$/i.test(s)),
    });
  }
  const authOf = (clientName: string | undefined): SiteAuth => {
    const c = clientName ? clients.get(clientName) : undefined;
    if (!c) return 'unknown';
    if (c.key) return 'key';
    if (c.jwt) return 'jwt';
    if (c.session) return 'session';
    const pkg = sdkPkg();
    // Flutter's SDK keeps the user's session itself; the server SDKs without credentials are guests.
    if (pkg === 'flutter:appwrite') return 'session';
    if (pkg === 'dart_appwrite' || pkg === 'python:appwrite') return 'guest';
    return 'unknown';
  };

  // Service instances: `databases = Databases(client)`.
  const services = new Map<string, { service: string; client: string | undefined }>();
  const svcDecl = /\b(?:final|var|val|let|const|late\s+final)?\s*(?:[\w.]*[A-Z]\w*\s+)?([A-Za-z_]\w*)\s*(?::\s*[\w.]*[A-Z]\w*\s*)?=\s*(?:new\s+)?(?:[a-z_]\w*\.)*([A-Z]\w*)\s*\(\s*([A-Za-z_]\w*)?/g;
  for (const m of text.matchAll(svcDecl)) {
    if (!isServiceClass(m[2]!)) continue;
    services.set(m[1]!, { service: serviceNamespace(m[2]!), client: m[3] });
  }

  lines.forEach((line, i) => {
    for (const m of line.matchAll(/\b([A-Za-z_]\w*)\s*(?:\?|!)?\.\s*([a-z]\w*)\s*\(/g)) {
      const recv = m[1]!;
      const raw = m[2]!;
      const bound = services.get(recv);
      const method = methodName(raw, bound?.service ?? guessService(recv));
      if (!method) continue;
      const target: CallTarget = bound ? { kind: 'service', service: bound.service, pkg: sdkPkg() ?? 'unknown', auth: authOf(bound.client) } : { kind: 'name', hint: recv };
      summary.calls.push({ method, line: i + 1, column: (m.index ?? 0) + m[0].indexOf(raw) + 1, target });
    }
    for (const m of line.matchAll(KEY_CALL)) {
      const after = line.slice((m.index ?? 0) + m[0].length);
      summary.keyUses.push({
        kind: /dev/i.test(m[1]!) ? 'setDevKey' : 'setKey',
        line: i + 1,
        column: (m.index ?? 0) + m[0].indexOf(m[1]!) + 1,
        source: keySourceOf(after, summary.secrets),
        onAppwriteClient: summary.sdkImports.length > 0 || clients.size > 0,
      });
    }
    for (const m of line.matchAll(KEY_HEADER)) {
      const before = line.slice(0, m.index ?? 0);
      // `headers['x-appwrite-key']` or `.get('x-appwrite-key')` reads an incoming request: not sending a key.
      if (/(headers\s*\[|\.get\(|getHeader\(|header\()\s*$/i.test(before)) continue;
      const after = line.slice((m.index ?? 0) + m[0].length).replace(/^\s*[:,]\s*/, '');
      summary.keyUses.push({
        kind: m[1]!.toLowerCase() === 'x-appwrite-key' ? 'header' : 'dev-header',
        line: i + 1,
        column: (m.index ?? 0) + 1,
        source: keySourceOf(after, summary.secrets),
        onAppwriteClient: true,
      });
    }
    for (const re of ENV_PATTERNS) {
      for (const m of line.matchAll(re)) summary.envReads.push({ name: m[1]!, line: i + 1, column: (m.index ?? 0) + 1, via: 'other' } satisfies EnvRead);
    }
  });
  return summary;
}

/** The catalog method a (possibly snake_case) name maps to within a service, or by itself when unique. */
function methodName(raw: string, service: string | undefined): string | undefined {
  if (!service) return undefined;
  const want = raw.replace(/_/g, '').toLowerCase();
  return operationsOf(service).find((o) => o.method.toLowerCase() === want)?.method;
}

const NAME_TO_SERVICE: Record<string, string> = { db: 'databases', database: 'databases', tablesdb: 'tablesDB', tables: 'tablesDB', bucket: 'storage' };
export function guessService(receiver: string): string | undefined {
  const r = receiver.replace(/^_+/, '').toLowerCase();
  if (NAME_TO_SERVICE[r]) return NAME_TO_SERVICE[r];
  const direct = operationsOf(r).length ? r : r === 'tablesdb' ? 'tablesDB' : undefined;
  return direct;
}

function keySourceOf(after: string, secrets: string[]): KeySource {
  for (const re of ENV_PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(after);
    if (m && (m.index ?? 0) < 80) return { kind: 'env', name: m[1]! };
  }
  const hdr = after.match(/^\s*[\w.]*headers\s*(?:\[\s*|\.get\(\s*)['"](x-appwrite-[\w-]+)['"]/i);
  if (hdr) return { kind: 'request-header', name: hdr[1]!.toLowerCase() };
  const lit = after.match(/^\s*r?(['"])([^'"]*)\1/);
  if (lit) {
    secrets.push(lit[2]!);
    return { kind: 'literal', redacted: redactSecret(lit[2]!), keyShaped: isAppwriteKeyValue(lit[2]!) };
  }
  const ident = after.match(/^\s*([A-Za-z_][\w.]*)/);
  return { kind: 'expression', text: ident?.[1] ?? 'expression' };
}

/**
 * From a match to the end of its statement: a `;` or a line break outside brackets, unless the next line
 * continues a chain (`.setKey(…)`, Dart's `..setKey(…)`).
 */
function statementFrom(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length && i - start < 4000; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) return text.slice(start, i);
    else if (ch === '\n' && depth === 0 && !/^\s*(\.|\?\.)/.test(text.slice(i + 1, i + 200))) return text.slice(start, i);
  }
  return text.slice(start, start + 4000);
}

/** Blanks comments (keeping line structure) so commented-out code is not reported. */
function stripComments(code: string, language: PatternLanguage): string {
  if (language === 'python') return code.replace(/(^|\s)#[^\n]*/g, (m, pre: string) => pre + ' '.repeat(m.length - pre.length));
  return code
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"])\/\/[^\n]*/g, (m, pre: string) => pre + ' '.repeat(m.length - pre.length));
}
