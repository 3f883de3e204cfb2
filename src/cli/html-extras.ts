import type { AuditResult } from '../core/result.js';
import type { Config } from '../core/config.js';
import type { HtmlReportInput } from '../reporters/html.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './runtime.js';

/**
 * What the HTML report shows beyond the findings: the release gates judged on this result, the access
 * matrix of the workspace's Appwrite project files, and the trend of stored runs. Each part is optional:
 * one that cannot be built is left out with a note on stderr, never guessed.
 */
export async function htmlExtras(result: AuditResult, config: Config, ctx: CliContext, store?: Store): Promise<Omit<HtmlReportInput, 'result'>> {
  const extras: Omit<HtmlReportInput, 'result'> = {};
  try {
    const { Workspace } = await import('../core/workspace.js');
    const { evaluateGates } = await import('../gates/evaluate.js');
    extras.gate = evaluateGates({ audit: result, config, files: await new Workspace(result.root).files(), authz: [], now: new Date(result.startedAt) });
  } catch (err) {
    ctx.log(`html report: no gate table (${(err as Error).message})`);
  }
  if (result.inputs.some((i) => i.kind.includes('appwrite'))) {
    try {
      const { loadProjectsAt } = await import('../permissions/load.js');
      const { buildMatrix } = await import('../permissions/matrix.js');
      const { facts } = await loadProjectsAt(result.root, { redactor: ctx.redactor });
      extras.matrix = buildMatrix(facts.projects).entries.map((e) => ({ resourceType: e.resourceType, resourceId: e.databaseId ? `${e.databaseId}/${e.resourceId}` : e.resourceId, resourceName: e.resourceName, action: e.action, role: e.role, level: e.conditional ? `${e.level} (if security is on)` : e.level }));
    } catch (err) {
      ctx.log(`html report: no access matrix (${(err as Error).message})`);
    }
  }
  if (store) {
    const runs = (await store.listRuns({ limit: 30 })).filter((r) => r.finishedAt).reverse();
    extras.trend = runs.map((r) => ({ date: r.startedAt, critical: r.failBySeverity.critical, high: r.failBySeverity.high, medium: r.failBySeverity.medium, low: r.failBySeverity.low }));
  }
  return extras;
}
