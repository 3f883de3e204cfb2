import { spawn } from 'node:child_process';
import { IncompleteError } from '../core/errors.js';
import { parseAuditOutput, type ParsedAudit } from './audit-output/index.js';
import { FormatError } from './json-text.js';
import type { LockfileKind } from './model.js';

export interface RunAuditOptions {
  /** Absolute folder of the lockfile. */
  cwd: string;
  kind: LockfileKind;
  /** Shown in messages instead of the absolute folder. */
  shownDir: string;
  prodOnly: boolean;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  maxOutputBytes?: number;
  signal?: AbortSignal;
}

/** The audit command of each package manager, JSON output, production-only when asked. */
export function auditCommand(kind: LockfileKind, prodOnly: boolean): { tool: 'npm' | 'pnpm' | 'yarn' | 'bun'; args: string[] } {
  switch (kind) {
    case 'npm':
      return { tool: 'npm', args: ['audit', '--json', ...(prodOnly ? ['--omit=dev'] : [])] };
    case 'pnpm':
      return { tool: 'pnpm', args: ['audit', '--json', ...(prodOnly ? ['--prod'] : [])] };
    case 'yarn-classic':
      return { tool: 'yarn', args: ['audit', '--json', ...(prodOnly ? ['--groups', 'dependencies'] : [])] };
    case 'yarn-berry':
      return { tool: 'yarn', args: ['npm', 'audit', '--json', '--recursive', ...(prodOnly ? ['--environment', 'production'] : [])] };
    case 'bun':
      return { tool: 'bun', args: ['audit', '--json', ...(prodOnly ? ['--prod'] : [])] };
  }
}

/**
 * Runs the package manager's own audit next to a lockfile and parses its JSON. A non-zero exit is
 * normal (it means "vulnerabilities found"); what decides is whether the output parses. Anything that
 * prevents a reliable answer throws IncompleteError (exit 3): missing tool, timeout, unreadable output.
 */
export async function runPackageManagerAudit(opts: RunAuditOptions): Promise<ParsedAudit & { command: string }> {
  const { tool, args } = auditCommand(opts.kind, opts.prodOnly);
  const command = `${tool} ${args.join(' ')}`;
  const where = `\`${command}\` in ${opts.shownDir}`;
  const maxBytes = opts.maxOutputBytes ?? 64 * 1024 * 1024;
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    // its own process group, so that a hung tool is killed with the children holding its output open
    const child = spawn(tool, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true, signal: opts.signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (e: IncompleteError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is already gone: make sure the tool itself is
      }
      child.stdout.destroy();
      child.stderr.destroy();
      reject(e);
    };
    const timer = setTimeout(
      () => fail(new IncompleteError(`${where} did not finish within ${Math.round((opts.timeoutMs ?? 120_000) / 1000)} s`, { hint: 'raise dependencies.auditTimeoutMs, or pass its saved output with --audit-json' })),
      opts.timeoutMs ?? 120_000,
    );
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > maxBytes) fail(new IncompleteError(`${where} printed more than ${maxBytes} bytes`));
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.reduce((n, x) => n + x.length, 0) < 64 * 1024) err.push(b);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      fail(
        e.code === 'ENOENT'
          ? new IncompleteError(`${tool} is not installed (not on PATH): cannot run ${where}`, { hint: `install ${tool}, or run it elsewhere and pass the output with --audit-json FILE` })
          : new IncompleteError(`cannot run ${where}: ${e.message}`),
      );
    });
    child.on('close', (c) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
  try {
    const parsed = parseAuditOutput(stdout, { origin: command, tool, emptyMeansClean: code === 0 && opts.kind === 'yarn-berry' });
    return { ...parsed, command };
  } catch (err) {
    const e = err as FormatError;
    const tail = stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300);
    throw new IncompleteError(`${where} exited ${code ?? 'on a signal'} and its output cannot be used: ${e.message}${e.line ? ` (line ${e.line})` : ''}${tail ? `; stderr: ${tail}` : ''}`, {
      hint: 'run the command by hand to see what failed (registry unreachable? a retired audit endpoint?), or use --osv-db / the OSV API instead',
    });
  }
}
