/**
 * `keys revoke --break-glass`: a leaked key. Evidence first (the key's metadata, last access, SDKs and
 * recent activity where the server records it) into the hash-chained evidence log, then the key is
 * deleted at once (or, where the credential may update keys but not delete them, expired now), an
 * incident record is opened, and optionally a replacement is created and delivered.
 */
import { UsageError } from '../core/errors.js';
import { redactSecret, sha256Hex } from '../core/redact.js';
import type { Store } from '../store/store.js';
import type { Sink } from '../workflows/sinks/types.js';
import { KeyAdminError, type KeyAdmin } from './admin.js';
import { createdKeyId, type CreatedKey } from './create.js';
import type { ServicePolicy } from './policy.js';

export const INCIDENT_KIND = 'incident';

export interface RevokeOptions {
  admin: KeyAdmin;
  store: Store;
  env: string;
  projectId: string;
  keyId: string;
  now: () => Date;
  actor: string;
  /** Create and deliver a replacement (same name; the policy's scopes when the key is a service key). */
  replace?: { sink: Sink; service?: ServicePolicy; expiryDays: number };
  log: (m: string) => void;
}

export interface IncidentRecord {
  type: 'api-key-compromise';
  status: 'open';
  env: string;
  projectId: string;
  key: { id: string; name: string; scopes: string[]; secretPreview: string; secretHash: string; accessedAt: string | null; sdks: string[] };
  action: 'deleted' | 'expired';
  openedAt: string;
  openedBy: string;
  evidence: number[];
  replacement?: CreatedKey;
  next: string[];
}

export async function breakGlassRevoke(o: RevokeOptions): Promise<{ incidentId: string; incident: IncidentRecord }> {
  const key = (await o.admin.list()).find((k) => k.id === o.keyId);
  if (!key) throw new UsageError(`${o.env}: no key with id "${o.keyId}"`, { hint: `list the keys with \`appwrite-secops keys list --env ${o.env}\`; a key revoked before has an incident record and evidence (appwrite-secops evidence export)` });
  const subject = `key:${o.env}:${key.id}`;
  const described = { id: key.id, name: key.name, scopes: key.scopes, secretPreview: redactSecret(key.secret), secretHash: sha256Hex(key.secret), accessedAt: key.accessedAt, sdks: key.sdks };
  const activity = await o.admin.activity();
  // Evidence before anything changes: once the key is gone, its metadata is gone with it.
  const ev1 = await o.store.appendEvidence({ kind: 'key.revoke.evidence', subject, actor: o.actor, data: { env: o.env, projectId: o.projectId, flavour: o.admin.flavour, serverVersion: o.admin.version, key: { ...described, expire: key.expire, createdAt: key.createdAt }, lastAccess: key.accessedAt, lastAccessNote: 'Appwrite records key use at most once per 24 hours', recentActivity: activity } });
  o.log(`${o.env}: evidence recorded (evidence #${ev1.seq})`);
  let action: IncidentRecord['action'];
  try {
    const r = await o.admin.remove(key.id);
    action = 'deleted';
    o.log(`${o.env}: key ${key.id} ${r === 'deleted' ? 'deleted' : 'was already gone'}`);
  } catch (err) {
    if (!(err instanceof KeyAdminError) || err.kind !== 'missing-scope') throw err;
    o.log(`${o.env}: deleting was refused; setting the key's expiry to now instead`);
    await o.admin.expire(key, o.now());
    action = 'expired';
  }
  const ev2 = await o.store.appendEvidence({ kind: 'key.revoked', subject, actor: o.actor, data: { env: o.env, key: described, action, at: o.now().toISOString() } });
  const openedAt = o.now();
  const incidentId = `key-compromise-${o.env}-${key.id}-${openedAt.toISOString().replace(/[-:.]/g, '')}`;
  const incident: IncidentRecord = {
    type: 'api-key-compromise',
    status: 'open',
    env: o.env,
    projectId: o.projectId,
    key: described,
    action,
    openedAt: openedAt.toISOString(),
    openedBy: o.actor,
    evidence: [ev1.seq, ev2.seq],
    next: ['find where the secret leaked (CI logs, repositories: appwrite-secops secrets)', 'review what the key could reach (its scopes) and what it did since it leaked', ...(o.replace ? [] : ['create a replacement: appwrite-secops keys create --service S --env E'])],
  };
  let saved = await o.store.putState(INCIDENT_KIND, incidentId, incident, 0);
  o.log(`${o.env}: incident ${incidentId} opened`);
  if (o.replace) {
    const scopes = o.replace.service?.scopes ?? key.scopes;
    const expire = new Date(o.now().getTime() + (o.replace.service?.expiryDays ?? o.replace.expiryDays) * 86_400_000).toISOString();
    const created = await o.admin.create({ keyId: createdKeyId(`${key.name}`, o.now()), name: key.name, scopes, expire });
    await o.replace.sink.deliver(created.secret);
    incident.replacement = { id: created.id, name: created.name, scopes: created.scopes, expire: created.expire, secretPreview: redactSecret(created.secret), sink: o.replace.sink.label };
    saved = await o.store.putState(INCIDENT_KIND, incidentId, incident, saved.version);
    await o.store.appendEvidence({ kind: 'key.replaced', subject, actor: o.actor, data: { env: o.env, replacement: incident.replacement, secretHash: sha256Hex(created.secret) } });
    o.log(`${o.env}: replacement ${created.id} delivered to ${o.replace.sink.label}`);
  }
  return { incidentId, incident: saved.state };
}
