import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Node } from 'yaml';
import type { CiInstall } from '../../deps/model.js';

/** CI definitions whose shell steps we read. */
export function isCiFile(rel: string): boolean {
  return (
    /^\.github\/workflows\/[^/]+\.ya?ml$/.test(rel) ||
    /(^|\/)\.gitlab-ci\.ya?ml$/.test(rel) ||
    /^\.circleci\/config\.ya?ml$/.test(rel) ||
    /(^|\/)bitbucket-pipelines\.ya?ml$/.test(rel) ||
    /(^|\/)azure-pipelines\.ya?ml$/.test(rel)
  );
}

/** Keys that hold shell commands in GitHub Actions, GitLab CI, CircleCI, Bitbucket and Azure Pipelines. */
const SHELL_KEYS = new Set(['run', 'script', 'before_script', 'after_script', 'command', 'commands', 'bash', 'inlineScript', 'pwsh', 'powershell']);

export interface ShellLine {
  text: string;
  line: number;
}

/** Every shell line of a CI file with its line number; throws on YAML that does not parse. */
export function shellLines(text: string): ShellLine[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw Object.assign(new Error(`invalid YAML: ${e.message.split('\n')[0]}`), { line: lc.linePos(e.pos[0]).line });
  }
  const out: ShellLine[] = [];
  const take = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const start = lc.linePos(node.range[0]).line;
      // a block scalar's text starts on the line after its `|` / `>` indicator
      const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
      node.value.split('\n').forEach((t, i) => out.push({ text: t, line: block ? start + 1 + i : start }));
    } else if (isSeq(node)) {
      for (const item of node.items) take(item);
    }
  };
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && SHELL_KEYS.has(String(pair.key.value)) && !isMap(pair.value)) take(pair.value as Node);
    },
  });
  return out;
}

const MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
const PREFIXES = new Set(['sudo', 'corepack', 'time', 'exec', 'command', 'npx', 'env']);
/** Options that take a separate value, so that value is not read as the subcommand. */
const VALUE_FLAGS = new Set(['--prefix', '--cwd', '-C', '--dir', '--filter', '-F', '--workspace', '-w', '--cache', '--registry', '--network-timeout']);
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
const NPM_CI = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);

/** Install commands in one shell line (`npm ci && yarn install --frozen-lockfile` gives two). */
export function installsIn(line: string): Omit<CiInstall, 'path' | 'line'>[] {
  const out: Omit<CiInstall, 'path' | 'line'>[] = [];
  const code = line.replace(/(^|\s)#.*$/, '');
  for (const segment of code.split(/&&|\|\||;|\|/)) {
    const tokens = segment.trim().split(/\s+/).map((t) => t.replace(/^['"]|['"]$/g, '')).filter(Boolean);
    let i = 0;
    while (i < tokens.length && (PREFIXES.has(tokens[i]!) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(tokens[i]!))) i++;
    const manager = tokens[i];
    if (!manager || !MANAGERS.has(manager)) continue;
    const rest = tokens.slice(i + 1);
    let sub: string | undefined;
    let subAt = -1;
    for (let j = 0; j < rest.length; j++) {
      const t = rest[j]!;
      if (t.startsWith('-')) {
        if (VALUE_FLAGS.has(t)) j++;
        continue;
      }
      sub = t;
      subAt = j;
      break;
    }
    // option values are dropped (a --registry URL can carry a token); booleans are kept: --frozen-lockfile=false
    const flagsOf = (ts: string[]) => ts.filter((t) => t.startsWith('-')).map((t) => (/^--[\w-]+=(false|true)$/.test(t) ? t : t.split('=')[0]!));
    const after = subAt === -1 ? [] : rest.slice(subAt + 1);
    const flags = [...new Set(flagsOf(subAt === -1 ? rest : [...rest.slice(0, subAt), ...after]))];
    const hasPackages = after.some((t, k) => !t.startsWith('-') && !VALUE_FLAGS.has(after[k - 1] ?? ''));
    const m = manager as CiInstall['manager'];
    if (m === 'npm') {
      if (sub && NPM_CI.has(sub)) out.push({ manager: m, subcommand: 'ci', flags, hasPackages: false });
      else if (sub && NPM_INSTALL.has(sub)) out.push({ manager: m, subcommand: sub === 'add' ? 'add' : 'install', flags, hasPackages });
    } else if (m === 'yarn') {
      if (sub === undefined) out.push({ manager: m, subcommand: '', flags, hasPackages: false });
      else if (sub === 'install' || sub === 'add') out.push({ manager: m, subcommand: sub, flags, hasPackages });
    } else if (sub === 'install' || sub === 'i' || sub === 'add') {
      out.push({ manager: m, subcommand: sub === 'i' ? 'install' : sub, flags, hasPackages });
    }
  }
  return out;
}
