/**
 * `keys rotate`: a resumable state machine. Appwrite cannot regenerate a key's secret, so a rotation is
 * plan -> create the replacement -> deliver its secret -> validate that traffic moved -> delete the old
 * key -> done. The record is written to the store after every step, under a lease, and every step is
 * idempotent: the new key has an id fixed at plan time (found, not created again, after a lost answer),
 * a sink that already holds the secret is not written again, and deleting a key that is gone is done.
 */
import { sha256Hex, redactSecret, type Redactor } from '../../core/redact.js';
import { UsageError, IncompleteError } from '../../core/errors.js';
import type { AdminKey, KeyAdmin } from '../../keys/admin.js';
import { expectedKeyName, type KeysPolicy, type ServicePolicy } from '../../keys/policy.js';
import type { Store, WorkflowState } from '../../store/store.js';
import type { Sink, SinkSpec } from '../sinks/types.js';
import { describeSink } from '../sinks/types.js';
import { judgeValidation } from './judge.js';
import { takeLock } from './lock.js';
import { describePlan } from './plan.js';
import { newKeyId, ROTATION_KIND, rotationId, stepIndex, type KeyMeta, type RotationRecord, type RotationStep } from './state.js';

export interface RotateOptions {
  store: Store;
  admin: KeyAdmin;
  target: { env: string; endpoint: string; projectId: string };
  /** A key id or a service name (then the key named by the policy). */
  subject: string;
  policy?: KeysPolicy;
  /** Expiry of the new key when no service policy applies. */
  defaultExpiryDays: number;
  sink?: SinkSpec;
  openSink: (spec: SinkSpec) => Sink;
  dryRun?: boolean;
  resume?: boolean;
  force?: boolean;
  /** Asks the operator; the CLI answers true for --yes and refuses without a terminal. */
  confirm: (question: string) => Promise<boolean>;
  validateWith?: string;
  runProbe: (command: string, vars: Record<string, string>) => Promise<{ ok: boolean; detail: string }>;
  /** Given on the command line: applies to a new rotation and overrides a resumed one's. */
  idleWindowMs?: number;
  defaultIdleWindowMs: number;
  now: () => Date;
  owner: string;
  leaseMs: number;
  redactor: Redactor;
  log: (message: string) => void;
  /** Called after each step is persisted (tests crash the process here). */
  afterStep?: (step: RotationStep, record: RotationRecord) => void | Promise<void>;
  beforeStep?: (step: RotationStep, record: RotationRecord) => void | Promise<void>;
}

export interface RotateOutcome {
  status: 'dry-run' | 'waiting' | 'done';
  record: RotationRecord;
  plan: string;
}

const meta = (k: AdminKey): KeyMeta => ({ id: k.id, name: k.name, scopes: [...k.scopes], expire: k.expire, createdAt: k.createdAt, accessedAt: k.accessedAt, sdks: [...k.sdks], ...(k.secret ? { secretHash: sha256Hex(k.secret), secretPreview: redactSecret(k.secret) } : {}) });

function serviceOf(policy: KeysPolicy | undefined, env: string, subject: string, keyName?: string): ServicePolicy | undefined {
  if (!policy) return undefined;
  return policy.services.find((s) => s.service === subject) ?? (keyName ? policy.services.find((s) => expectedKeyName(s.keyName, s.service, env) === keyName) : undefined);
}

async function unfinished(store: Store, env: string, subject: string): Promise<WorkflowState<RotationRecord> | undefined> {
  const all = (await store.listStates(ROTATION_KIND)) as WorkflowState<RotationRecord>[];
  return all.find((s) => s.state.env === env && s.state.step !== 'done' && (s.state.service === subject || s.state.old.id === subject || s.state.next.id === subject));
}

async function plan(o: RotateOptions): Promise<RotationRecord> {
  const { env } = o.target;
  const keys = await o.admin.list();
  const named = serviceOf(o.policy, env, o.subject);
  let old: AdminKey | undefined = keys.find((k) => k.id === o.subject);
  if (!old && named) {
    const name = expectedKeyName(named.keyName, named.service, env);
    const candidates = keys.filter((k) => k.name === name);
    if (candidates.length > 1) throw new UsageError(`${env}: ${candidates.length} keys are named "${name}" (${candidates.map((k) => k.id).join(', ')})`, { hint: 'name the key to rotate by its id: keys rotate <keyId>; delete leftovers of an earlier rotation first' });
    old = candidates[0];
    if (!old) throw new UsageError(`${env}: service ${named.service} has no key named "${name}"`, { hint: `create it with: appwrite-secops keys create --service ${named.service} --env ${env}` });
  }
  if (!old) throw new UsageError(`${env}: no key with id "${o.subject}"${o.policy ? ' and no service of that name in keys.services' : ''}`, { hint: 'list the keys with `appwrite-secops keys list --env ' + env + '`' });
  const service = named ?? serviceOf(o.policy, env, '', old.name);
  if (service && service.scopes === null) throw new UsageError(`${env}: the scopes of service ${service.service} could not be derived from code: ${service.derivation?.error ?? 'unknown'}`, { hint: 'fix the derivation (see `appwrite-secops endpoints`) or list the scopes in keys.services' });
  const sink = o.sink ?? (service?.sink ? (await import('../sinks/index.js')).sinkFromConfig(service.sink, { env, service: service.service }) : undefined);
  if (!sink) throw new UsageError('no sink for the new secret', { hint: 'give --sink dotenv:FILE[:VAR], --sink command:CMD or --sink print, or set keys.services.<service>.sink' });
  const now = o.now();
  const expiryDays = service?.expiryDays ?? o.defaultExpiryDays;
  const openedSink = o.openSink(sink);
  return {
    schema: 1,
    env,
    endpoint: o.target.endpoint,
    projectId: o.target.projectId,
    flavour: o.admin.flavour,
    ...(service ? { service: service.service } : {}),
    step: 'planned',
    old: meta(old),
    next: { id: newKeyId(old.id, now), name: service ? expectedKeyName(service.keyName, service.service, env) : old.name, scopes: service?.scopes ?? [...old.scopes], expire: new Date(now.getTime() + expiryDays * 86_400_000).toISOString() },
    preexisting: keys.map((k) => k.id),
    sink: openedSink.spec,
    sinkLabel: describeSink(openedSink.spec),
    idleWindowMs: o.idleWindowMs ?? o.defaultIdleWindowMs,
    ...(o.validateWith ? { validateWith: o.validateWith } : {}),
    history: [{ step: 'planned', at: now.toISOString(), by: o.owner }],
    startedAt: now.toISOString(),
  };
}

export async function rotateKey(o: RotateOptions): Promise<RotateOutcome> {
  const { env } = o.target;
  const existing = await unfinished(o.store, env, o.subject);
  if (existing && !o.resume) {
    throw new UsageError(`a rotation of ${existing.state.old.name} (${existing.state.old.id}) in ${env} is in progress (last step: ${existing.state.step})`, { hint: `continue it with: appwrite-secops keys rotate ${o.subject} --env ${env} --resume` });
  }
  if (!existing && o.resume) throw new UsageError(`no unfinished rotation of "${o.subject}" in ${env} to resume`, { hint: 'start one without --resume' });

  if (existing) {
    const r = existing.state;
    if (o.validateWith) r.validateWith = o.validateWith;
    if (o.idleWindowMs !== undefined) r.idleWindowMs = o.idleWindowMs;
    if (o.dryRun) return { status: 'dry-run', record: r, plan: describePlan(r, o.admin.version, !!o.force) };
    return run(o, existing.state, rotationId(env, r.old.id), false);
  }
  const record = await plan(o);
  const text = describePlan(record, o.admin.version, !!o.force);
  if (o.dryRun) return { status: 'dry-run', record, plan: text };
  if (!(await o.confirm(`${text}Start this rotation?`))) throw new UsageError('rotation cancelled; nothing was changed');
  const id = rotationId(env, record.old.id);
  try {
    await o.store.putState(ROTATION_KIND, id, record, 0);
  } catch (err) {
    if ((err as Error).name === 'StoreConflictError') throw new UsageError(`a rotation of ${record.old.id} in ${env} was started by another process`, { hint: `resume it with --resume` });
    throw err;
  }
  await o.store.appendEvidence({ kind: 'key.rotation.planned', subject: `key:${env}:${record.old.id}`, actor: o.owner, data: summary(record) });
  return run(o, record, id, true);
}

function summary(r: RotationRecord): Record<string, unknown> {
  return { rotation: rotationId(r.env, r.old.id), env: r.env, projectId: r.projectId, flavour: r.flavour, step: r.step, old: r.old, next: r.next, sink: r.sinkLabel, validation: r.validation ?? null, forced: r.forced ?? false };
}

async function run(o: RotateOptions, start: RotationRecord, id: string, fresh: boolean): Promise<RotateOutcome> {
  await takeLock(o.store, ROTATION_KIND, id, o.owner, o.leaseMs);
  let r = start;
  let version = (await o.store.getState<RotationRecord>(ROTATION_KIND, id))!.version;
  const save = async (step?: RotationStep) => {
    const at = o.now().toISOString();
    if (step) {
      r.step = step;
      r.history.push({ step, at, by: o.owner });
    }
    // Renew first: a lease that lapsed and was taken by another process means we must stop here.
    await takeLock(o.store, ROTATION_KIND, id, o.owner, o.leaseMs);
    const saved = await o.store.putState(ROTATION_KIND, id, r, version);
    version = saved.version;
    r = saved.state;
    if (step) {
      await o.store.appendEvidence({ kind: step === 'done' ? 'key.rotated' : `key.rotation.${step}`, subject: `key:${r.env}:${r.old.id}`, actor: o.owner, data: summary(r) });
      o.log(`${r.env}: ${step}`);
      await o.afterStep?.(step, r);
    }
  };
  try {
    if (fresh) await o.afterStep?.('planned', r);
    while (r.step !== 'done') {
      const next = nextStep(r.step);
      await o.beforeStep?.(next, r);
      if (next === 'created') {
        const k = await ensureNewKey(o, r);
        r.next = { ...r.next, ...meta(k), name: r.next.name, scopes: r.next.scopes, expire: k.expire ?? r.next.expire };
        await save('created');
      } else if (next === 'delivered') {
        const k = await currentNewKey(o, r);
        const sink = o.openSink(r.sink);
        const hash = sha256Hex(k.secret);
        const holds = await sink.holds(k.secret);
        if (holds !== true) await sink.deliver(k.secret);
        r.delivery = { at: o.now().toISOString(), secretHash: hash, ...(holds === true ? { skipped: true } : {}) };
        await save('delivered');
      } else if (next === 'validated') {
        const result = await validate(o, r);
        r.validation = result;
        if (!result.passed && !o.force) {
          await save();
          return { status: 'waiting', record: r, plan: describePlan(r, o.admin.version, false) };
        }
        if (!result.passed) {
          r.forced = true;
          r.validation = { ...result, method: 'forced', reasons: [...result.reasons, 'deleting the old key anyway (--force)'] };
        }
        await save('validated');
      } else if (next === 'old-deleted') {
        if (!(await o.confirm(`Delete the old key "${r.old.name}" (${r.old.id}) in ${r.env} now?`))) {
          await save();
          throw new UsageError('the old key was not deleted', { hint: `delete it later with: appwrite-secops keys rotate ${r.old.id} --env ${r.env} --resume` });
        }
        r.deletion = { at: o.now().toISOString(), outcome: await o.admin.remove(r.old.id) };
        await save('old-deleted');
      } else {
        r.finishedAt = o.now().toISOString();
        await save('done');
      }
    }
    return { status: 'done', record: r, plan: describePlan(r, o.admin.version, !!r.forced) };
  } finally {
    await o.store.releaseLease(ROTATION_KIND, id, o.owner);
  }
}

function nextStep(s: RotationStep): RotationStep {
  const order = ['planned', 'created', 'delivered', 'validated', 'old-deleted', 'done'] as const;
  return order[Math.min(stepIndex(s) + 1, order.length - 1)]!;
}

/** Ours: the planned id, or (a server that ignored the id) a key of the new name that did not exist at plan time. */
function findNew(keys: AdminKey[], r: RotationRecord): AdminKey | undefined {
  return keys.find((k) => k.id === r.next.id) ?? keys.find((k) => k.name === r.next.name && k.id !== r.old.id && !r.preexisting.includes(k.id));
}

async function ensureNewKey(o: RotateOptions, r: RotationRecord): Promise<AdminKey> {
  const found = findNew(await o.admin.list(), r);
  if (found) return found;
  return o.admin.create({ keyId: r.next.id, name: r.next.name, scopes: r.next.scopes, expire: r.next.expire });
}

async function currentNewKey(o: RotateOptions, r: RotationRecord): Promise<AdminKey> {
  // Deleted by someone before its secret went anywhere: nothing depends on it yet, so make it again.
  const k = await ensureNewKey(o, r);
  if (!k.secret) throw new IncompleteError(`${r.env}: the server did not return the secret of key ${k.id}`, { hint: 'the key-management credential must be able to read key secrets (keys.read on 1.9.5+, a project owner session on 1.8)' });
  o.redactor.add(k.secret);
  return k;
}

async function validate(o: RotateOptions, r: RotationRecord) {
  const keys = await o.admin.list();
  const next = findNew(keys, r);
  const old = keys.find((k) => k.id === r.old.id);
  const probe = r.validateWith ? await o.runProbe(r.validateWith, { APPWRITE_SECOPS_ENV: r.env, APPWRITE_SECOPS_NEW_KEY_ID: r.next.id, APPWRITE_SECOPS_OLD_KEY_ID: r.old.id }) : undefined;
  return judgeValidation({ now: o.now(), deliveredAt: new Date(r.delivery!.at), idleWindowMs: r.idleWindowMs, next, old, ...(probe ? { probe } : {}) });
}
