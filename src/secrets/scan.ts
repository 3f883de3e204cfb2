import { availableParallelism } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { Redactor, redactSecret, sha256Hex } from '../core/redact.js';
import { BUILTIN_EXCLUDES } from './settings.js';
import { scanHunks, scanTree } from './dispatch.js';
import { newChunkBuffer, scanFileSync, type FileResult } from './file-scan.js';
import type { CommitInfo, DiffHunk } from './git.js';
import { defaultRules, scanText } from './matcher.js';
import { ruleById } from './rules/index.js';
import type { HeldSecret, RawMatch, ScanSource, SecretFinding, SkippedInput, SuppressedFinding } from './types.js';
import { verifyFindings, type VerificationSummary, type VerifyTarget } from './verify.js';
import { DEFAULT_BUNDLE_DIRS, inGitWorkTree, isBundlePath, walkTree } from './walk.js';
import { compareText } from '../core/compare.js';

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface SecretScanOptions {
  /** Folder (or single file) to scan; for history/staged, a folder inside the repository. */
  root: string;
  mode?: ScanSource;
  /** Text for `stdin` mode. */
  stdinText?: string;
  /** Path shown for stdin findings (e.g. the file a pre-commit hook piped). */
  stdinPath?: string;
  exclude?: readonly string[];
  bundleDirs?: readonly string[];
  gitignore?: boolean;
  /** Baseline file (absolute, or relative to root): fingerprints listed there are suppressed. */
  baseline?: string;
  verify?: VerifyTarget;
  /** Worker threads for matching; `auto` = the machine's cores, at most 4; 0 = match on this thread. */
  workers?: number | 'auto';
  maxFileBytes?: number;
  redactor?: Redactor;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

export type { VerificationSummary };

export interface SecretScanResult {
  mode: ScanSource;
  root: string;
  filesScanned: number;
  bytesScanned: number;
  /** Diff hunks scanned (history and staged modes). */
  hunksScanned?: number;
  findings: SecretFinding[];
  suppressed: SuppressedFinding[];
  skipped: SkippedInput[];
  verification?: VerificationSummary;
  baseline?: string;
  durationMs: number;
}

interface Origin {
  path: string;
  source: ScanSource;
  inBundle: boolean;
  commit?: CommitInfo;
}

/**
 * Scans a working tree, the git history, the staged changes or a text for secrets. The result holds
 * redacted values and fingerprints only; every raw value is registered with the redactor so nothing
 * printed later can contain it.
 */
export async function scanSecrets(opts: SecretScanOptions): Promise<SecretScanResult> {
  const started = Date.now();
  const mode = opts.mode ?? 'tree';
  const root = path.resolve(opts.root);
  const redactor = opts.redactor ?? new Redactor();
  const progress = opts.onProgress ?? (() => {});
  const baselineFile = opts.baseline ? path.resolve(root, opts.baseline) : undefined;
  // The baseline reader (and the zod schema behind it) loads only when a baseline is configured.
  const baseline = baselineFile ? await (await import('./baseline.js')).readBaseline(baselineFile, path.relative(process.cwd(), baselineFile) || baselineFile) : new Set<string>();

  const findings = new Map<string, SecretFinding>();
  const held = new Map<string, HeldSecret>();
  const suppressed: SuppressedFinding[] = [];
  const skipped: SkippedInput[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  let hunksScanned = 0;

  const accept = (m: RawMatch, o: Origin): void => {
    const rule = ruleById(m.ruleId);
    if (!rule) throw new Error(`scanner returned unknown rule ${m.ruleId}`);
    redactor.add(m.secret);
    for (const r of m.related ?? []) redactor.add(r);
    const fingerprint = secretFingerprint(m.ruleId, o.path, m.secret);
    if (m.allowed || baseline.has(fingerprint)) {
      suppressed.push({ ruleId: m.ruleId, path: o.path, line: m.line, fingerprint, reason: m.allowed ? 'inline' : 'baseline' });
      return;
    }
    const prev = findings.get(fingerprint);
    if (prev) {
      // One secret at one path is one finding; in history, the commit that introduced it is reported.
      if (o.commit) {
        prev.commits = (prev.commits ?? 1) + 1;
        if (prev.commit && o.commit.date < prev.commit.date) Object.assign(prev, { commit: o.commit, line: m.line, column: m.column, endLine: m.endLine });
      }
      return;
    }
    findings.set(fingerprint, {
      ruleId: m.ruleId,
      family: rule.family,
      ruleTitle: rule.title,
      severity: m.severity ?? rule.severity,
      source: o.source,
      path: o.path,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      redacted: redactSecret(m.secret),
      fingerprint,
      inBundle: o.inBundle,
      ...(m.context ? { context: m.context } : {}),
      ...(o.commit ? { commit: o.commit, commits: 1 } : {}),
    });
    held.set(fingerprint, { secret: m.secret, ...(m.projectHint ? { projectHint: m.projectHint } : {}) });
  };

  const bundleDirs = opts.bundleDirs ?? DEFAULT_BUNDLE_DIRS;
  const workers = opts.workers === undefined || opts.workers === 'auto' ? Math.min(availableParallelism(), 4) : opts.workers;
  const limits = { maxFileBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES };

  if (mode === 'stdin') {
    const p = opts.stdinPath ?? '<stdin>';
    const text = opts.stdinText ?? '';
    for (const m of scanText(text, defaultRules(), { path: p, committed: true })) accept(m, { path: p, source: 'stdin', inBundle: isBundlePath(p, bundleDirs) });
    filesScanned = 1;
    bytesScanned = Buffer.byteLength(text);
  } else if (mode === 'tree') {
    const st = await stat(root).catch((err: NodeJS.ErrnoException) => {
      throw new InputError(`cannot scan ${root}: ${err.code === 'ENOENT' ? 'no such file or folder' : err.message}`, { hint: 'pass an existing folder or file' });
    });
    const committed = inGitWorkTree(st.isDirectory() ? root : path.dirname(root));
    const onResult = (r: FileResult, inBundle: boolean): void => {
      if (r.skipped) {
        skipped.push({ path: r.rel, reason: r.skipped });
        return;
      }
      filesScanned++;
      bytesScanned += r.bytes;
      for (const m of r.matches) accept(m, { path: r.rel, source: 'tree', inBundle });
    };
    if (!st.isDirectory()) {
      const rel = path.basename(root);
      onResult(scanFileSync({ abs: root, rel, committed }, defaultRules(), limits, newChunkBuffer()), isBundlePath(rel, bundleDirs));
    } else {
      const walk = walkTree({ root, exclude: [...BUILTIN_EXCLUDES, ...(opts.exclude ?? [])], bundleDirs, gitignore: opts.gitignore, onSkip: (s) => skipped.push(s) });
      await scanTree(walk, { committed, workers, limits, onResult, progress, signal: opts.signal });
    }
  } else {
    // git (child_process, readline) only for history and staged scans.
    const { assertGitWorkTree, gitDiffHunks, historyArgs, stagedArgs } = await import('./git.js');
    await assertGitWorkTree(root);
    const hunks = gitDiffHunks(mode === 'history' ? historyArgs() : stagedArgs(), root, opts.signal);
    const onHunk = (h: DiffHunk, matches: RawMatch[]): void => {
      hunksScanned++;
      bytesScanned += h.text.length;
      for (const m of matches) accept(m, { path: h.path, source: mode, inBundle: isBundlePath(h.path, bundleDirs), ...(h.commit ? { commit: h.commit } : {}) });
    };
    progress(mode === 'history' ? 'scanning every commit reachable from any ref' : 'scanning staged changes');
    await scanHunks(hunks, { workers: mode === 'history' ? workers : 0, onHunk, signal: opts.signal });
    if (mode === 'history') await markStillPresent(root, findings, held, limits.maxFileBytes);
  }

  let verification: VerificationSummary | undefined;
  if (opts.verify) verification = await verifyFindings(findings, held, opts.verify, progress);
  held.clear();

  return {
    mode,
    root,
    filesScanned,
    bytesScanned,
    ...(mode === 'history' || mode === 'staged' ? { hunksScanned } : {}),
    findings: [...findings.values()].sort((a, b) => compareText(a.path, b.path) || a.line - b.line || compareText(a.ruleId, b.ruleId)),
    suppressed,
    skipped,
    ...(verification ? { verification } : {}),
    ...(baselineFile ? { baseline: baselineFile } : {}),
    durationMs: Date.now() - started,
  };
}

/** Stable identity of a secret at a path, independent of its line: sha256(rule, path, sha256(secret)). */
export function secretFingerprint(ruleId: string, relPath: string, secret: string): string {
  return sha256Hex(`${ruleId}\u0000${relPath}\u0000${sha256Hex(secret)}`).slice(0, 32);
}

async function markStillPresent(root: string, findings: Map<string, SecretFinding>, held: Map<string, HeldSecret>, maxBytes: number): Promise<void> {
  for (const f of findings.values()) {
    const h = held.get(f.fingerprint);
    if (!h) continue;
    const abs = path.join(root, f.path);
    const st = await stat(abs).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw err;
    });
    if (!st || !st.isFile() || st.size > maxBytes) {
      f.stillPresent = false;
      continue;
    }
    f.stillPresent = (await readFile(abs, 'latin1')).includes(h.secret);
  }
}
