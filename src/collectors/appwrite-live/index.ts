/**
 * Collectors of the live audit. `appwrite-live` reads every selected environment's project through the
 * API. `appwrite-project` (the live-aware variant) adds those projects, in the shared project model, to
 * the ones read from appwrite.json, so that the permission and settings checks judge both sources and
 * the drift check can compare them. Both read each environment once per run.
 */
import '../appwrite-config/schema.js';
import './schema.js';
import { loadProjectFacts } from '../appwrite-config/load.js';
import type { AppwriteProjectFacts } from '../appwrite-config/schema.js';
import { defineCollector, type AnyCollector, type CollectContext } from '../../core/collector.js';
import { InputError, UsageError } from '../../core/errors.js';
import type { FactState } from '../../core/facts.js';
import type { LiveFacts } from '../../live/snapshot.js';

const runs = new WeakMap<CollectContext, Promise<FactState<LiveFacts>>>();

/** Reads the selected environments once per audit run (both collectors share the result). */
export function collectLive(ctx: CollectContext): Promise<FactState<LiveFacts>> {
  let run = runs.get(ctx);
  if (!run) {
    run = readSelected(ctx);
    runs.set(ctx, run);
  }
  return run;
}

async function readSelected(ctx: CollectContext): Promise<FactState<LiveFacts>> {
  const { liveEnvironments, allLiveEnvironments, liveEnvVars } = ctx.inputs;
  if (!liveEnvironments?.length && !allLiveEnvironments) return { state: 'absent', reason: 'no live environment selected (audit --env NAME or --all-envs)' };
  // The SDKs and the live layer load only when an environment is selected: a file-only audit stays fast.
  const [{ liveConfigOf }, { resolveEnvironment, selectEnvironments }, { readLiveProject }, { liveSource }] = await Promise.all([
    import('../../live/settings.js'),
    import('../../live/environments.js'),
    import('../../live/read-project.js'),
    import('../../live/to-project-model.js'),
  ]);
  const { environments, live } = liveConfigOf(ctx.config);
  let selected;
  try {
    selected = selectEnvironments(environments, { names: liveEnvironments, all: allLiveEnvironments });
  } catch (err) {
    // Environments are named on the command line: a wrong name stops the run like an unreadable file.
    if (err instanceof UsageError) throw new InputError(err.message, { hint: err.hint });
    throw err;
  }
  const vars = liveEnvVars ?? process.env;
  const resolved = selected.map(([name, cfg]) => resolveEnvironment(name, cfg, vars, ctx.redactor));
  const snapshots = await Promise.all(
    resolved.map(async (env) => {
      const snap = await readLiveProject(env, { redactor: ctx.redactor, settings: live, now: ctx.now, progress: (m) => ctx.progress(m) });
      ctx.recordInput('appwrite-live', liveSource(snap));
      return snap;
    }),
  );
  return { state: 'ok', value: { environments: snapshots } };
}

export const appwriteLiveCollector = defineCollector({
  key: 'appwrite-live',
  description: 'live Appwrite projects (audit --env / --all-envs)',
  collect: collectLive,
});

/**
 * The project model from appwrite.json files plus, when environments are selected, from the live
 * projects. Without --env it behaves exactly like the appwrite.json collector.
 */
export const appwriteProjectWithLiveCollector = defineCollector({
  key: 'appwrite-project',
  description: 'Appwrite project files (appwrite.config.json, appwrite.json) and live projects (--env)',
  async collect(ctx) {
    const named = ctx.inputs.appwriteConfig;
    const [files, live] = await Promise.all([
      loadProjectFacts({
        workspace: ctx.workspace,
        explicit: named === undefined ? undefined : Array.isArray(named) ? named : [named],
        secret: (v) => ctx.redactor.add(v),
        diagnose: (d) => ctx.diagnose(d),
        recordInput: (kind, p) => ctx.recordInput(kind, p),
      }),
      collectLive(ctx),
    ]);
    if (live.state !== 'ok') return files;
    const { toProjectModel } = await import('../../live/to-project-model.js');
    const facts: AppwriteProjectFacts = files.state === 'ok' ? { projects: [...files.value.projects], problems: [...files.value.problems], failures: [...files.value.failures] } : { projects: [], problems: [], failures: [] };
    if (files.state === 'error') facts.failures.push({ path: 'appwrite.json', message: files.message });
    for (const snap of live.value.environments) {
      const { project, failures } = toProjectModel(snap);
      facts.projects.push(project);
      facts.failures.push(...failures);
    }
    return { state: 'ok', value: facts };
  },
});

/** The registry with the live collectors: the live-aware `appwrite-project` replaces the file-only one. */
export function withLiveCollectors(collectors: readonly AnyCollector[]): AnyCollector[] {
  return [...collectors.filter((c) => c.key !== 'appwrite-project' && c.key !== 'appwrite-live'), appwriteProjectWithLiveCollector as AnyCollector, appwriteLiveCollector as AnyCollector];
}
