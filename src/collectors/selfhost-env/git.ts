import { execFile } from 'node:child_process';
import path from 'node:path';
import { trackedFromIndex } from './git-index.js';

export type GitState =
  | { state: 'repo'; tracked: Set<string> }
  /** The folder is in no git repository: nothing in it can be tracked. */
  | { state: 'not-a-repo' }
  /** git is missing, timed out, or refused the repository: tracking is unknown. */
  | { state: 'unavailable'; reason: string };

/**
 * Files git tracks under `dir`, relative to it with forward slashes. Read from the git index when it can
 * be read exactly (./git-index.ts); otherwise one `git ls-files` call.
 */
export async function gitTrackedFiles(dir: string, opts: { timeoutMs?: number } = {}): Promise<GitState> {
  return (await trackedFromIndex(dir)) ?? gitLsFiles(dir, opts);
}

/**
 * `git ls-files` in `dir`. Repository config is not trusted: fsmonitor hooks are switched off, since
 * the audited folder may come from anywhere and `core.fsmonitor` names a program git would run.
 */
export function gitLsFiles(dir: string, opts: { timeoutMs?: number } = {}): Promise<GitState> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', 'ls-files', '-z', '--', '.'],
      {
        cwd: dir,
        timeout: opts.timeoutMs ?? 15_000,
        maxBuffer: 128 * 1024 * 1024,
        windowsHide: true,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      },
      (err, stdout, stderr) => {
        if (!err) {
          resolve({ state: 'repo', tracked: new Set(stdout.split('\0').filter(Boolean).map((p) => p.split(path.sep).join('/'))) });
          return;
        }
        const code = (err as NodeJS.ErrnoException).code;
        const text = String(stderr || err.message);
        if (code === 'ENOENT' && !/not a git repository/i.test(text)) resolve({ state: 'unavailable', reason: 'git is not installed (or not on PATH)' });
        else if (/not a git repository/i.test(text)) resolve({ state: 'not-a-repo' });
        else if (/dubious ownership/i.test(text)) resolve({ state: 'unavailable', reason: 'git refuses the repository (dubious ownership; see git config safe.directory)' });
        else if ((err as { killed?: boolean }).killed) resolve({ state: 'unavailable', reason: 'git ls-files timed out' });
        else resolve({ state: 'unavailable', reason: `git ls-files failed: ${text.trim().split('\n')[0] ?? 'unknown error'}` });
      },
    );
  });
}
