import { createRequire } from 'node:module';
import type { ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';

// Babel is loaded on the first parse, not at import: an audit of a folder without JS/TS never pays for it.
const requireCjs = createRequire(import.meta.url);
let babel: typeof import('@babel/parser') | undefined;
function parse(...args: Parameters<typeof import('@babel/parser').parse>): ReturnType<typeof import('@babel/parser').parse> {
  babel ??= requireCjs('@babel/parser') as typeof import('@babel/parser');
  return babel.parse(...args);
}

export const JS_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.svelte', '.vue'] as const;
export const PATTERN_EXTENSIONS = ['.dart', '.kt', '.kts', '.swift', '.py'] as const;

export type SourceLanguage = 'js' | 'ts' | 'svelte' | 'vue' | 'dart' | 'kotlin' | 'swift' | 'python';

export function languageOf(file: string): SourceLanguage | undefined {
  const ext = extOf(file);
  switch (ext) {
    case '.js':
    case '.jsx':
    case '.mjs':
    case '.cjs':
      return 'js';
    case '.ts':
    case '.tsx':
    case '.mts':
    case '.cts':
      return file.endsWith('.d.ts') ? undefined : 'ts';
    case '.svelte':
      return 'svelte';
    case '.vue':
      return 'vue';
    case '.dart':
      return 'dart';
    case '.kt':
    case '.kts':
      return 'kotlin';
    case '.swift':
      return 'swift';
    case '.py':
      return 'python';
    default:
      return undefined;
  }
}

export function extOf(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i).toLowerCase();
}

export interface ParseProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedModule {
  ast: File | undefined;
  /** Recoverable syntax errors (errorRecovery) and a fatal one if the file could not be parsed at all. */
  problems: ParseProblem[];
}

/**
 * Parses JS/TS/JSX/TSX, and the `<script>` blocks of Svelte and Vue components (other text is blanked
 * with spaces so line and column numbers stay those of the original file). Never throws on bad syntax:
 * problems are returned so the caller can report them and keep going.
 */
export function parseModule(code: string, file: string): ParsedModule {
  const ext = extOf(file);
  const source = ext === '.svelte' || ext === '.vue' ? scriptBlocks(code) : code;
  const ts = ['.ts', '.tsx', '.mts', '.cts'].includes(ext) || ((ext === '.svelte' || ext === '.vue') && /<script[^>]*\blang=["']ts["']/.test(code));
  const jsx = ext !== '.ts' && ext !== '.mts' && ext !== '.cts';
  const base: ParserPlugin[] = ['decorators', 'decoratorAutoAccessors', 'importAttributes', 'explicitResourceManagement', 'sourcePhaseImports', 'deferredImportEvaluation'];
  const attempt = (withTs: boolean, withJsx: boolean): ParsedModule => {
    const plugins: ParserPlugin[] = [...base];
    if (withTs) plugins.push(['typescript', { dts: false }]);
    if (withJsx) plugins.push('jsx');
    const ast = parse(source, {
      sourceType: 'unambiguous',
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowUndeclaredExports: true,
      plugins,
    });
    const problems = (ast.errors ?? []).map((e) => ({ line: lineOf(e), column: colOf(e), message: cleanMessage(e.message) }));
    return { ast, problems };
  };
  // A `.ts` file with an angle-bracket cast parses only without JSX, a `.js` file may hold JSX or (rarely)
  // type annotations: try the likely combination first, then the others, before giving up.
  const tries: [boolean, boolean][] = [[ts, jsx], [ts, !jsx], [!ts, jsx]];
  let firstError: unknown;
  for (const [t, j] of tries) {
    try {
      return attempt(t, j);
    } catch (err) {
      firstError ??= err;
    }
  }
  return { ast: undefined, problems: [{ line: lineOf(firstError), column: colOf(firstError), message: cleanMessage((firstError as Error).message) }] };
}

function lineOf(e: unknown): number {
  const loc = (e as { loc?: { line: number } }).loc;
  return loc?.line ?? 1;
}
function colOf(e: unknown): number {
  const loc = (e as { loc?: { column: number } }).loc;
  return (loc?.column ?? 0) + 1;
}
function cleanMessage(m: string): string {
  return m.replace(/\s*\(\d+:\d+\)\s*$/, '');
}

/** Keeps only the contents of `<script>` blocks; everything else becomes spaces (newlines kept). */
export function scriptBlocks(code: string): string {
  const out = code.replace(/[^\n]/g, ' ').split('');
  const re = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const start = m.index + m[0].indexOf('>') + 1;
    const body = m[1] ?? '';
    for (let i = 0; i < body.length; i++) out[start + i] = body[i]!;
    // Separate consecutive blocks (`<script context="module">` + `<script>`) so they parse as statements.
    const end = start + body.length;
    if (end < out.length && out[end] !== '\n') out[end] = ';';
  }
  return out.join('');
}
