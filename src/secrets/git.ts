import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { IncompleteError, UsageError } from '../core/errors.js';

export interface CommitInfo {
  sha: string;
  author: string;
  date: string;
}

/** Added lines of one diff hunk, joined: a text to scan whose first line is `startLine` of `path`. */
export interface DiffHunk {
  path: string;
  startLine: number;
  text: string;
  commit?: CommitInfo;
}

const COMMIT_MARK = '\x1e';
const FIELD = '\x1f';

/** Every commit reachable from any ref, newest first, as zero-context patches limited to `root`. */
export function historyArgs(): string[] {
  return ['log', '--all', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--relative', `--format=${COMMIT_MARK}%H${FIELD}%an${FIELD}%aI`];
}

/** What `git commit` would record now. */
export function stagedArgs(): string[] {
  return ['diff', '--cached', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--relative'];
}

export async function assertGitWorkTree(cwd: string): Promise<void> {
  const { code, stdout, stderr } = await runGit(['rev-parse', '--is-inside-work-tree'], cwd);
  if (code !== 0 || stdout.trim() !== 'true') {
    throw new UsageError(`${cwd} is not inside a git work tree (${firstLine(stderr) || 'git rev-parse said no'})`, {
      hint: 'run --history/--staged inside a git repository, or scan the folder without them',
    });
  }
}

/**
 * Streams `git <args>` and yields the added lines of each hunk. The output is parsed line by line, so
 * a repository's whole history is never held in memory. Hunk sizes from the `@@` headers tell content
 * from headers, so a line that looks like `+++ b/x` inside a hunk is still content.
 */
export async function* gitDiffHunks(args: string[], cwd: string, signal?: AbortSignal): AsyncGenerator<DiffHunk> {
  const child = spawn('git', ['-c', 'core.quotepath=false', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], signal });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 4000) stderr += d;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (err) => reject(err));
    child.on('close', (code) => resolve(code ?? 1));
  });
  // Surface a spawn failure (git missing) instead of an empty, "clean" history.
  exited.catch(() => undefined);
  const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
  let commit: CommitInfo | undefined;
  let path: string | undefined;
  let plus = 0;
  let minus = 0;
  let start = 0;
  let added: string[] = [];
  const flush = (): DiffHunk | undefined => {
    const h = path !== undefined && added.length ? { path, startLine: start, text: added.join('\n'), ...(commit ? { commit } : {}) } : undefined;
    added = [];
    return h;
  };
  try {
    for await (const line of rl) {
      if (plus > 0 || minus > 0) {
        const c = line.charCodeAt(0);
        if (c === 43 /* + */ && plus > 0) {
          plus--;
          added.push(line.slice(1));
          if (plus === 0 && minus === 0) {
            const h = flush();
            if (h) yield h;
          }
          continue;
        }
        if (c === 45 /* - */ && minus > 0) {
          minus--;
          if (plus === 0 && minus === 0) {
            const h = flush();
            if (h) yield h;
          }
          continue;
        }
        if (c === 92 /* \ No newline */) continue;
        // Counts disagree with the content: resynchronise on headers rather than misread the stream.
        plus = minus = 0;
        const h = flush();
        if (h) yield h;
      }
      if (line.charCodeAt(0) === 0x1e) {
        const [sha = '', author = '', date = ''] = line.slice(1).split(FIELD);
        commit = { sha, author, date };
        path = undefined;
      } else if (line.startsWith('diff --git ')) {
        path = undefined;
      } else if (line.startsWith('+++ ')) {
        // Git ends the name with a tab when it contains a space (so trailing blanks stay visible).
        const p = line.slice(4).replace(/\t$/, '');
        path = p === '/dev/null' ? undefined : stripPrefix(unquote(p));
      } else if (line.startsWith('@@ ')) {
        const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (m) {
          minus = m[1] === undefined ? 1 : Number(m[1]);
          start = Number(m[2]);
          plus = m[3] === undefined ? 1 : Number(m[3]);
        }
      }
    }
    const h = flush();
    if (h) yield h;
  } finally {
    rl.close();
    if (child.exitCode === null) child.kill();
  }
  let code: number;
  try {
    code = await exited;
  } catch (err) {
    throw new IncompleteError(`could not run git: ${(err as Error).message}`, { hint: 'install git and make sure it is on PATH' });
  }
  if (code !== 0) {
    throw new IncompleteError(`git ${args[0]} failed (exit ${code}): ${firstLine(stderr)}`, { hint: 'check that the repository is readable and not shallow or corrupt' });
  }
}

export async function runGit(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => reject(new IncompleteError(`could not run git: ${err.message}`, { hint: 'install git and make sure it is on PATH' })));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function stripPrefix(p: string): string {
  return p.startsWith('b/') ? p.slice(2) : p;
}

/** Git C-quotes unusual paths: `"b/na\"me"`. */
function unquote(p: string): string {
  if (!(p.startsWith('"') && p.endsWith('"'))) return p;
  const inner = p.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = inner[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}
