import path from 'node:path';
import { defineCollector } from '../../core/collector.js';
import { InputError } from '../../core/errors.js';
import { secretsConfigOf } from '../../secrets/settings.js';
import { scanSecrets, type SecretScanOptions } from '../../secrets/scan.js';
import type { SecretFinding } from '../../secrets/types.js';
import './schema.js';

/**
 * Scans the audited folder for committed secrets (and, when configured, the git history). Never holds
 * a raw secret in its facts: values are registered with the redactor and only fingerprints leave.
 */
export const secretsCollector = defineCollector({
  key: 'secrets',
  description: 'secret scan of the working tree (honours .gitignore; built output always)',
  async collect(ctx) {
    const cfg = secretsConfigOf(ctx.config);
    const input = ctx.inputs.secretScan ?? {};
    const root = input.target ? path.resolve(ctx.workspace.root, input.target) : ctx.workspace.root;
    const wantVerify = input.verify ?? cfg.verify?.enabled ?? false;
    if (wantVerify && !cfg.verify?.endpoint) {
      throw new InputError('--verify needs the Appwrite endpoint to test keys against', {
        hint: 'set secrets.verify.endpoint (e.g. https://appwrite.example.com/v1) in appwrite-secops.yaml; no other host is ever contacted',
      });
    }
    const baseline = input.ignoreBaseline ? undefined : input.baseline ?? (cfg.baseline ? path.resolve(ctx.workspace.root, cfg.baseline) : undefined);
    const base: SecretScanOptions = {
      root,
      exclude: [...cfg.exclude, ...(input.exclude ?? [])],
      bundleDirs: cfg.bundleDirs,
      gitignore: cfg.gitignore,
      workers: cfg.workers,
      maxFileBytes: Math.round(cfg.maxFileMiB * 1024 * 1024),
      redactor: ctx.redactor,
      onProgress: ctx.progress,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(baseline ? { baseline } : {}),
      ...(wantVerify && cfg.verify ? { verify: { endpoint: cfg.verify.endpoint, projectId: cfg.verify.projectId, timeoutMs: cfg.verify.timeoutMs } } : {}),
    };
    const mode = input.mode ?? 'tree';
    const result = await scanSecrets({ ...base, mode, ...(mode === 'stdin' ? { stdinText: input.stdinText ?? '', stdinPath: input.stdinPath } : {}) });
    if (mode === 'tree' && (input.history ?? cfg.history) && input.mode === undefined) {
      const history = await scanSecrets({ ...base, mode: 'history' });
      mergeHistory(result.findings, history.findings);
      result.suppressed.push(...history.suppressed);
      result.hunksScanned = history.hunksScanned;
    }
    // In a plain `audit`, a folder with no file at all has no secrets input: let the audit say "nothing to
    // audit" rather than pass. An explicit secret scan (the `secrets` command) always answers.
    if (!input.explicit && result.filesScanned === 0 && result.skipped.length === 0 && !result.hunksScanned && result.findings.length === 0) {
      return { state: 'absent', reason: 'no files to scan for secrets' };
    }
    ctx.recordInput('secrets', mode === 'stdin' ? (input.stdinPath ?? '<stdin>') : ctx.workspace.rel(root) || '.');
    if (baseline) ctx.recordInput('secrets-baseline', ctx.workspace.rel(baseline));
    for (const s of result.skipped) {
      if (s.reason !== 'binary') ctx.diagnose({ level: 'warning', message: `not scanned for secrets: ${s.reason}`, path: s.path });
    }
    return { state: 'ok', value: result };
  },
});

/** History findings join the tree's: the same secret at the same path is one finding, with its commit. */
function mergeHistory(tree: SecretFinding[], history: SecretFinding[]): void {
  const byFp = new Map(tree.map((f) => [f.fingerprint, f]));
  for (const h of history) {
    const t = byFp.get(h.fingerprint);
    if (t) {
      if (h.commit) t.commit = h.commit;
      if (h.commits) t.commits = h.commits;
    } else tree.push(h);
  }
}
