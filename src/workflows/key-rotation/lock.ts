/**
 * The rotation lock: the workflow-state lease of the rotation record. A lease is renewed at every step
 * and released at the end; a process killed with SIGKILL cannot release it, so a lease held by a dead
 * process on this machine is taken over at once (and one held elsewhere expires after its lease time).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { SecopsError } from '../../core/errors.js';
import type { Store } from '../../store/store.js';

/** Another rotation of the same key holds the lock: nothing was done (exit 3). */
export class RotationLockedError extends SecopsError {
  constructor(message: string, hint: string) {
    super(message, { exitCode: 3, hint });
    this.name = 'RotationLockedError';
  }
}

export function lockOwner(): string {
  return `${os.hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`;
}

function deadHere(owner: string): boolean {
  const [host, pidText] = owner.split('/');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; only ESRCH means it is gone.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export async function takeLock(store: Store, kind: string, id: string, owner: string, leaseMs: number): Promise<void> {
  if (await store.acquireLease(kind, id, owner, leaseMs)) return;
  const cur = await store.getState(kind, id);
  const holder = cur?.leaseOwner;
  if (holder && deadHere(holder)) {
    await store.releaseLease(kind, id, holder);
    if (await store.acquireLease(kind, id, owner, leaseMs)) return;
  }
  throw new RotationLockedError(`the rotation ${id} is locked by ${holder ?? 'another process'}${cur?.leaseExpiresAt ? ` until ${cur.leaseExpiresAt}` : ''}`, 'another rotation of this key is running: wait for it to finish, or run again with --resume after its lease expires');
}
