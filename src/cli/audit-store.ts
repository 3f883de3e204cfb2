import path from 'node:path';
import { resolveConfig } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import type { AuditResult } from '../core/result.js';
import { meetsThreshold } from '../core/severity.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './runtime.js';

export interface AuditStoreHandle {
  store: Store;
  /** Baseline comparison (when asked) and recording of the finished run. */
  finish(result: AuditResult, opts: { baseline?: string; scope?: string }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The evidence store for one `audit` run, or undefined when none is wanted. A store is used when
 * `--store`, `--baseline`, $APPWRITE_SECOPS_STORE or `store.url` asks for one; `--no-store` opts out.
 * The default location is `.appwrite-secops/state.db` in the audited workspace.
 */
export async function openAuditStore(args: { flag: string | boolean | undefined; baseline?: string; root: string; configFile?: string; ctx: CliContext }): Promise<AuditStoreHandle | undefined> {
  const { flag, baseline, root, ctx } = args;
  if (flag === false) {
    if (baseline) throw new UsageError('--baseline compares with a stored run, but --no-store turns the store off', { hint: 'drop --no-store' });
    return undefined;
  }
  const loaded = await resolveConfig({ configFile: args.configFile, startDir: root });
  const storeConfig = loaded.config.store;
  const envUrl = ctx.io.env.APPWRITE_SECOPS_STORE;
  if (flag === undefined && !baseline && !envUrl && !storeConfig.url) return undefined;
  const { openStore, resolveStoreUrl, maskUrl, compareWithBaseline, recordAudit } = await import('../store/index.js');
  const explicit = typeof flag === 'string' ? flag : undefined;
  const url = resolveStoreUrl({ flag: explicit, env: ctx.io.env, config: storeConfig.url });
  // A relative sqlite: path from a config file is relative to that file; otherwise to the workspace.
  const base = !explicit && !envUrl && storeConfig.url && loaded.path ? path.dirname(loaded.path) : explicit ? ctx.io.cwd : root;
  const store = await openStore(url, { cwd: base, redactor: ctx.redactor, tls: storeConfig.tls });
  return {
    store,
    async finish(result, opts) {
      if (opts.baseline) {
        const cmp = await compareWithBaseline(store, opts.baseline, result, { scope: opts.scope });
        // Only what is new since the baseline blocks: a pull request answers for its own findings.
        const blocking = result.findings.filter((f) => f.status === 'fail' && meetsThreshold(f.severity, result.summary.failOn) && cmp.introduced.has(f.fingerprint)).length;
        ctx.log(`baseline: run ${cmp.baseline.id} (${cmp.baseline.startedAt}); ${cmp.introduced.size} finding(s) new or reopened since, ${blocking} of them blocking`);
        result.summary = { ...result.summary, blocking };
      }
      const run = await recordAudit(store, result, { scope: opts.scope, env: ctx.io.env });
      ctx.log(`recorded run ${run.id} in ${maskUrl(url)}`);
    },
    close: () => store.close(),
  };
}
