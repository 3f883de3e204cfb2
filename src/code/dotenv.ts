/**
 * The subset of dotenv syntax that app repositories use (`NAME=value`, `export NAME=value`, single,
 * double and back quotes, `#` comments, multi-line double-quoted values), with line numbers.
 */
export interface DotenvEntry {
  name: string;
  value: string;
  line: number;
}

export interface DotenvResult {
  entries: DotenvEntry[];
  problems: { line: number; message: string }[];
}

export function parseDotenv(text: string): DotenvResult {
  const entries: DotenvEntry[] = [];
  const problems: DotenvResult['problems'] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = trimmed.match(/^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.*)$/);
    if (!m) {
      problems.push({ line: i + 1, message: 'not a NAME=value line' });
      continue;
    }
    const name = m[1]!;
    let rest = m[2]!;
    let value: string;
    const q = rest[0];
    if (q === '"' || q === "'" || q === '`') {
      let end = findClosingQuote(rest, q);
      const startLine = i;
      while (end === -1 && q === '"' && i + 1 < lines.length) {
        i++;
        rest += `\n${lines[i]}`;
        end = findClosingQuote(rest, q);
      }
      if (end === -1) {
        problems.push({ line: startLine + 1, message: `unterminated ${q}-quoted value` });
        value = rest.slice(1);
      } else {
        value = rest.slice(1, end);
      }
      if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
      entries.push({ name, value, line: startLine + 1 });
      continue;
    }
    value = rest.replace(/\s+#.*$/, '').trim();
    entries.push({ name, value, line: i + 1 });
  }
  return { entries, problems };
}

function findClosingQuote(s: string, q: string): number {
  for (let j = 1; j < s.length; j++) {
    if (s[j] === '\\' && q === '"') {
      j++;
      continue;
    }
    if (s[j] === q) return j;
  }
  return -1;
}

/** `.env`, `.env.local`, `.env.production`, `apps/web/.env.development.local`, and templates such as `.env.example`. */
export function isDotenvFile(rel: string): boolean {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  return /^\.env(\.[\w.-]+)?$/.test(base) && base !== '.envrc';
}

export function isDotenvTemplate(rel: string): boolean {
  return /\.(example|sample|template|dist|defaults|tmpl|tpl)$/i.test(rel);
}
