/**
 * The actions behind `keys audit|create|rotate|revoke` (src/cli/commands/keys.ts parses the flags and
 * calls these). Results go to ctx.out, progress to ctx.log; errors are typed and mapped by main.ts.
 */
import type { CliContext } from '../cli/runtime.js';
import { UsageError } from '../core/errors.js';
import { openStoreForCli } from '../store/cli-support.js';
import { openSink, parseSinkFlag, sinkFromConfig } from '../workflows/sinks/index.js';
import { openKeyAdmin } from './admin.js';
import { confirmer, loadKeysContext, loadPolicy, probeRunner, sinkRuntime } from './cli-support.js';
import { requireDuration } from './duration.js';
import path from 'node:path';

interface Common {
  env?: string;
  config?: string;
  store?: string;
}

const verboseLog = (ctx: CliContext) => (m: string) => ctx.log(m);

/** Request timeout and retries come from the live: section, shared with the audit's reads. */
async function adminOptions(ctx: CliContext, config: unknown) {
  const { liveConfigOf } = await import('../live/settings.js');
  const { live } = liveConfigOf(config);
  return { redactor: ctx.redactor, progress: verboseLog(ctx), timeoutMs: live.requestTimeoutMs, maxRetries: live.maxRetries };
}

export async function runKeysAudit(opts: { env: string[]; allEnvs?: boolean; format: string; config?: string; failOn?: string }, ctx: CliContext): Promise<void> {
  const { audit } = await import('../audit.js');
  const { keysChecks } = await import('../checks/keys/index.js');
  const { appwriteLiveCollector } = await import('../collectors/appwrite-live/index.js');
  const { keysPolicyCollector } = await import('../collectors/keys-policy/index.js');
  const { renderReport } = await import('../reporters/index.js');
  const { exitCodeFor } = await import('../core/result.js');
  const result = await audit({
    root: ctx.io.cwd,
    ...(opts.config ? { configFile: path.resolve(ctx.io.cwd, opts.config) } : {}),
    inputs: { ...(opts.env.length ? { liveEnvironments: opts.env } : { allLiveEnvironments: true }), liveEnvVars: ctx.io.env },
    checks: keysChecks as never,
    collectors: [appwriteLiveCollector, keysPolicyCollector] as never,
    redactor: ctx.redactor,
    ...(opts.failOn ? { failOn: opts.failOn as never } : {}),
    onProgress: ctx.verbose ? (m) => ctx.log(m) : undefined,
  });
  if (!result.findings.some((f) => f.checkId.startsWith('keys/') && f.status !== 'skipped')) {
    throw new UsageError('no key policy to audit against', { hint: 'add services to the keys: section of appwrite-secops.yaml (see docs/runbooks/key-rotation.md)' });
  }
  ctx.out(await renderReport(result, opts.format as never, { color: ctx.color() }));
  ctx.setExit(exitCodeFor(result.summary));
}

export async function runKeysCreate(opts: Common & { service: string; sink?: string; showSecret?: boolean; yes?: boolean }, ctx: CliContext): Promise<void> {
  const k = await loadKeysContext(opts, ctx);
  const policy = await loadPolicy(k.settings, ctx.io.cwd, ctx);
  const service = policy.services.find((s) => s.service === opts.service);
  if (!service) throw new UsageError(`unknown service "${opts.service}"`, { hint: `services in keys.services: ${policy.services.map((s) => s.service).join(', ') || '(none)'}` });
  const spec = opts.sink ? parseSinkFlag(opts.sink) : service.sink ? sinkFromConfig(service.sink, { env: k.env, service: service.service }) : undefined;
  const rt = sinkRuntime(ctx, k.settings, opts.yes);
  const admin = await openKeyAdmin(k.target, await adminOptions(ctx, k.config));
  const { store } = await openStoreForCli(opts, ctx);
  try {
    const { createServiceKey } = await import('./create.js');
    const created = await createServiceKey({
      admin,
      env: k.env,
      service,
      ...(spec ? { sink: openSink(spec, rt) } : {}),
      ...(opts.showSecret ? { show: (secret: string) => rt.write(`${secret}\n`) } : {}),
      now: new Date(),
      store,
    });
    ctx.log(`${k.env}: created key "${created.name}" (${created.id}) with scopes ${created.scopes.join(', ')}; expires ${created.expire ?? 'never'}; secret ${created.secretPreview}${created.sink ? ` delivered to ${created.sink}` : ''}`);
  } finally {
    await admin.close();
    await store.close();
  }
}

export async function runKeysRotate(subject: string, opts: Common & { dryRun?: boolean; resume?: boolean; yes?: boolean; force?: boolean; validateWith?: string; idleWindow?: string; sink?: string }, ctx: CliContext): Promise<void> {
  const k = await loadKeysContext(opts, ctx);
  const idleWindowMs = opts.idleWindow !== undefined ? requireDuration('--idle-window', opts.idleWindow) : undefined;
  const policy = await loadPolicy(k.settings, ctx.io.cwd, ctx);
  const rt = sinkRuntime(ctx, k.settings, opts.yes);
  const admin = await openKeyAdmin(k.target, await adminOptions(ctx, k.config));
  const { store } = await openStoreForCli(opts, ctx);
  try {
    const { rotateKey } = await import('../workflows/key-rotation/rotate.js');
    const { lockOwner } = await import('../workflows/key-rotation/lock.js');
    const out = await rotateKey({
      store,
      admin,
      target: { env: k.env, endpoint: k.target.endpoint, projectId: k.target.projectId },
      subject,
      policy,
      defaultExpiryDays: k.settings.expiryDays,
      ...(opts.sink ? { sink: parseSinkFlag(opts.sink) } : {}),
      openSink: (spec) => openSink(spec, rt),
      dryRun: opts.dryRun,
      resume: opts.resume,
      force: opts.force,
      confirm: confirmer(ctx, opts.yes),
      ...(opts.validateWith ? { validateWith: opts.validateWith } : {}),
      runProbe: probeRunner(ctx, k.settings),
      ...(idleWindowMs !== undefined ? { idleWindowMs } : {}),
      defaultIdleWindowMs: requireDuration('keys.rotation.idleWindow', k.settings.rotation.idleWindow),
      now: () => new Date(),
      owner: lockOwner(),
      leaseMs: k.settings.rotation.leaseMinutes * 60_000,
      redactor: ctx.redactor,
      log: (m) => ctx.log(m),
    });
    if (out.status === 'dry-run') {
      ctx.out(`Dry run: nothing was changed.\n${out.plan}`);
      return;
    }
    const r = out.record;
    if (out.status === 'waiting') {
      ctx.out(`${r.env}: rotation of "${r.old.name}" is waiting for validation; the old key ${r.old.id} stays.\n${(r.validation?.reasons ?? []).map((x) => `  - ${x}`).join('\n')}\n` + `Run again with --resume${r.validation?.retryAfter ? ` after ${r.validation.retryAfter}` : ''} (or --validate-with CMD to validate with a probe; --force deletes the old key without validation).\n`);
      // Not finished and not failed: "could not tell yet" is incomplete, never success.
      ctx.setExit(3);
      return;
    }
    ctx.out(`${r.env}: rotated "${r.old.name}": ${r.old.id} -> ${r.next.id} (scopes ${r.next.scopes.join(', ')}; secret ${r.next.secretPreview} in ${r.sinkLabel}); old key ${r.deletion?.outcome === 'absent' ? 'was already gone' : 'deleted'}${r.forced ? ' WITHOUT passing validation (--force)' : ''}.\n`);
  } finally {
    await admin.close();
    await store.close();
  }
}

export async function runKeysRevoke(keyId: string, opts: Common & { breakGlass?: boolean; replace?: boolean; sink?: string; yes?: boolean }, ctx: CliContext): Promise<void> {
  if (!opts.breakGlass) throw new UsageError('revoking a key deletes it at once and breaks whatever uses it', { hint: 'pass --break-glass to confirm that the key is compromised; for a planned change use `keys rotate`' });
  const k = await loadKeysContext(opts, ctx);
  const policy = opts.replace ? await loadPolicy(k.settings, ctx.io.cwd, ctx) : undefined;
  const rt = sinkRuntime(ctx, k.settings, opts.yes);
  const admin = await openKeyAdmin(k.target, await adminOptions(ctx, k.config));
  const { store } = await openStoreForCli(opts, ctx);
  try {
    const { breakGlassRevoke } = await import('./revoke.js');
    const { expectedKeyName } = await import('./policy.js');
    let replace;
    if (opts.replace) {
      const key = (await admin.list()).find((x) => x.id === keyId);
      const service = key ? policy?.services.find((s) => expectedKeyName(s.keyName, s.service, k.env) === key.name) : undefined;
      const spec = opts.sink ? parseSinkFlag(opts.sink) : service?.sink ? sinkFromConfig(service.sink, { env: k.env, service: service.service }) : undefined;
      if (!spec) throw new UsageError('--replace needs a sink for the new secret', { hint: 'give --sink dotenv:FILE[:VAR], --sink command:CMD or --sink print (nothing was revoked)' });
      replace = { sink: openSink(spec, rt), ...(service ? { service } : {}), expiryDays: k.settings.expiryDays };
    }
    const { lockOwner } = await import('../workflows/key-rotation/lock.js');
    const out = await breakGlassRevoke({ admin, store, env: k.env, projectId: k.target.projectId, keyId, now: () => new Date(), actor: lockOwner(), ...(replace ? { replace } : {}), log: (m) => ctx.log(m) });
    const i = out.incident;
    ctx.out(`${k.env}: key "${i.key.name}" (${i.key.id}) ${i.action === 'deleted' ? 'deleted' : 'expired now'}; evidence #${i.evidence.join(', #')}; incident ${out.incidentId}${i.replacement ? `; replacement ${i.replacement.id} delivered to ${i.replacement.sink}` : ''}.\nNext:\n${i.next.map((x) => `  - ${x}`).join('\n')}\n`);
  } finally {
    await admin.close();
    await store.close();
  }
}
