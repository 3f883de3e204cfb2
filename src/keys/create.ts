/**
 * `keys create`: a service key with the policy's scopes and expiry, its secret handed to a sink. If
 * the sink fails, the key is deleted again: a key whose secret nobody holds is only a liability.
 */
import { IncompleteError, UsageError } from '../core/errors.js';
import { redactSecret, sha256Hex } from '../core/redact.js';
import type { Store } from '../store/store.js';
import type { Sink } from '../workflows/sinks/types.js';
import type { AdminKey, KeyAdmin } from './admin.js';
import { expectedKeyName, type ServicePolicy } from './policy.js';

export interface CreateKeyOptions {
  admin: KeyAdmin;
  env: string;
  service: ServicePolicy;
  sink?: Sink;
  /** Called with the secret when --show-secret was given (the CLI writes it raw, once). */
  show?: (secret: string) => void;
  now: Date;
  store?: Store;
  actor?: string;
}

export interface CreatedKey {
  id: string;
  name: string;
  scopes: string[];
  expire: string | null;
  secretPreview: string;
  sink?: string;
}

export function createdKeyId(service: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T.Z]/g, '').slice(0, 14);
  return `c${stamp}${service.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 36);
}

export async function createServiceKey(o: CreateKeyOptions): Promise<CreatedKey> {
  const svc = o.service;
  if (svc.environments && !svc.environments.includes(o.env)) throw new UsageError(`service ${svc.service} does not run in ${o.env} (keys.services.${svc.service}.environments: ${svc.environments.join(', ')})`, { hint: 'add the environment to the service, or pick another one' });
  if (svc.scopes === null) throw new UsageError(`the scopes of service ${svc.service} could not be derived from code: ${svc.derivation?.error ?? 'unknown'}`, { hint: 'list the scopes in keys.services, or fix the derivation (see `appwrite-secops endpoints`)' });
  if (!o.sink && !o.show) throw new UsageError('the new secret needs somewhere to go', { hint: 'give --sink dotenv:FILE[:VAR], --sink command:CMD or --sink print, set keys.services.<service>.sink, or pass --show-secret' });
  const name = expectedKeyName(svc.keyName, svc.service, o.env);
  const same = (await o.admin.list()).filter((k) => k.name === name);
  if (same.length) throw new UsageError(`${o.env}: a key named "${name}" already exists (${same.map((k) => k.id).join(', ')})`, { hint: `rotate it instead: appwrite-secops keys rotate ${svc.service} --env ${o.env}` });
  const expire = new Date(o.now.getTime() + svc.expiryDays * 86_400_000).toISOString();
  const key: AdminKey = await o.admin.create({ keyId: createdKeyId(svc.service, o.now), name, scopes: svc.scopes, expire });
  if (o.sink) {
    try {
      await o.sink.deliver(key.secret);
    } catch (err) {
      const undo = await o.admin.remove(key.id).then(
        () => 'the key was deleted again',
        (e: unknown) => `deleting it again failed too (${(e as Error).message}): delete key ${key.id} by hand`,
      );
      throw new IncompleteError(`${o.env}: key "${name}" (${key.id}) was created but its secret could not be delivered to ${o.sink.label}: ${(err as Error).message}; ${undo}`, { hint: 'fix the sink and run keys create again' });
    }
  }
  o.show?.(key.secret);
  const out: CreatedKey = { id: key.id, name, scopes: key.scopes, expire: key.expire, secretPreview: redactSecret(key.secret), ...(o.sink ? { sink: o.sink.label } : {}) };
  await o.store?.appendEvidence({ kind: 'key.created', subject: `key:${o.env}:${key.id}`, ...(o.actor ? { actor: o.actor } : {}), data: { ...out, service: svc.service, secretHash: sha256Hex(key.secret), flavour: o.admin.flavour } });
  return out;
}
