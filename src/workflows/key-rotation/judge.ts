/**
 * Has traffic moved to the new key? Appwrite records key use only as `accessedAt` (updated at most once
 * every 24 hours) and `sdks`, so usage can be told at day granularity only:
 * - the new key is in use once it has an `accessedAt` (or an SDK) at all;
 * - the old key is idle when it cannot have been used for `idleWindow` after the delivery: a use at
 *   time t is recorded unless t falls within 24 hours of the previous record, so with a last record A,
 *   silence is proven from max(A + 24h, delivery) on.
 * A probe command (--validate-with) that exits 0 vouches for the new key and replaces the 24-hour
 * proof of old-key silence with: no recorded old-key use after the delivery, and the window elapsed.
 */
import type { ValidationResult } from './state.js';

export const DAY_MS = 86_400_000;

export interface JudgeInput {
  now: Date;
  deliveredAt: Date;
  idleWindowMs: number;
  next: { accessedAt: string | null; sdks: string[] } | undefined;
  /** Undefined when the old key is already gone. */
  old: { accessedAt: string | null } | undefined;
  probe?: { ok: boolean; detail: string };
}

export function judgeValidation(i: JudgeInput): ValidationResult {
  const reasons: string[] = [];
  const now = i.now.getTime();
  const delivered = i.deliveredAt.getTime();
  let passed = true;
  let retryAfter: number | undefined;
  const method = i.probe ? 'probe' : 'usage';

  if (!i.next) {
    return { at: i.now.toISOString(), passed: false, method, reasons: ['the new key no longer exists on the server'] };
  }
  if (i.probe) {
    if (!i.probe.ok) {
      passed = false;
      reasons.push(`the probe failed: ${i.probe.detail}`);
    } else reasons.push('the probe succeeded');
  } else if (!i.next.accessedAt && i.next.sdks.length === 0) {
    passed = false;
    reasons.push('the new key has not been used yet (Appwrite records key use at most once per 24 hours; use --validate-with CMD to validate with a probe instead)');
    retryAfter = now + 60 * 60 * 1000;
  } else reasons.push(`the new key is in use (last access ${i.next.accessedAt ?? 'unknown'}${i.next.sdks.length ? `, SDKs ${i.next.sdks.join(', ')}` : ''})`);

  if (!i.old) reasons.push('the old key is already gone');
  else {
    const last = i.old.accessedAt ? Date.parse(i.old.accessedAt) : undefined;
    if (last !== undefined && last > delivered) {
      passed = false;
      reasons.push(`the old key was used at ${i.old.accessedAt}, after the new key was delivered: something still runs on it`);
      retryAfter = Math.max(retryAfter ?? 0, last + DAY_MS + i.idleWindowMs);
    } else {
      // Without a probe, silence is proven only from 24 hours after the last recorded use.
      const silentFrom = i.probe || last === undefined ? delivered : Math.max(delivered, last + DAY_MS);
      const idleFor = now - silentFrom;
      if (idleFor >= i.idleWindowMs) reasons.push(`the old key has been idle for the ${formatMs(i.idleWindowMs)} window`);
      else {
        passed = false;
        reasons.push(`the old key must stay idle until ${new Date(silentFrom + i.idleWindowMs).toISOString()} (idle window ${formatMs(i.idleWindowMs)}${!i.probe && last !== undefined ? '; last use recorded at day granularity' : ''})`);
        retryAfter = Math.max(retryAfter ?? 0, silentFrom + i.idleWindowMs);
      }
    }
  }
  return { at: i.now.toISOString(), passed, method, reasons, ...(!passed && retryAfter ? { retryAfter: new Date(retryAfter).toISOString() } : {}) };
}

function formatMs(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
}
