import path from 'node:path';
import type { CollectContext } from '../../core/collector.js';
import type { DepsConfig } from '../../deps/config.js';

/** Which advisory sources this run uses: explicit inputs first, then the config. */
export function plannedSources(ctx: CollectContext, cfg: DepsConfig): { auditJson: string[]; osvScannerJson: string[]; osvDb?: string; osvApi?: string; runAudit: boolean } {
  const i = ctx.inputs;
  const online = i.osvOnline ?? (i.osvApi ? true : cfg.osv.online);
  const db = i.osvDb ?? (cfg.osv.db ? path.resolve(ctx.workspace.root, cfg.osv.db) : undefined);
  return {
    auditJson: i.auditJson ?? [],
    osvScannerJson: i.osvScannerJson ?? [],
    ...(db ? { osvDb: db } : {}),
    ...(online ? { osvApi: i.osvApi ?? cfg.osv.api } : {}),
    runAudit: i.runAudit ?? cfg.runAudit,
  };
}
