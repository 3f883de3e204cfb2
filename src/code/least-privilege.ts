/**
 * Least privilege from code: the smallest set of key scopes that covers a component's key-authenticated
 * calls, compared with the scopes its key holds.
 */
import { IMPLICIT_KEY_SCOPES } from '../appwrite/endpoints.js';
import type { CallSite } from './types.js';

export interface ScopeComparison {
  /** Scopes held that no call needs (implicit ones never count). */
  excess: string[];
  /** Scope alternatives needed but not held: `rows.write|documents.write` means either would do. */
  missing: string[][];
  /** The minimal set: for each need, the held alternative (or the first one), sorted. */
  minimal: string[];
  /** Calls whose operation is unknown: what they need cannot be told. */
  unknownCalls: CallSite[];
  /** Calls counted (made, or possibly made, with the key). */
  keyCalls: CallSite[];
}

/** Calls a component's key makes: those with the key, and those whose credentials the code does not show. */
export function keyCalls(sites: readonly CallSite[]): CallSite[] {
  return sites.filter((s) => s.auth === 'key' || s.auth === 'unknown');
}

export function compareScopes(held: readonly string[], sites: readonly CallSite[]): ScopeComparison {
  const calls = keyCalls(sites);
  const heldSet = new Set(held);
  const used = new Set<string>();
  const missing: string[][] = [];
  const minimal = new Set<string>();
  const groups = new Map<string, string[]>();
  for (const s of calls) if (s.operationId && s.keyScopes.length) groups.set(s.keyScopes.join('|'), s.keyScopes);
  // Satisfy single-scope needs first, so an alternative group reuses a scope already needed elsewhere.
  const ordered = [...groups.values()].sort((a, b) => a.length - b.length);
  for (const g of ordered) {
    const already = g.find((x) => used.has(x));
    if (already) continue;
    const h = g.find((x) => heldSet.has(x));
    if (h) {
      used.add(h);
      minimal.add(h);
    } else {
      missing.push(g);
      minimal.add(g[0]!);
    }
  }
  const excess = held.filter((x) => !used.has(x) && !IMPLICIT_KEY_SCOPES.has(x));
  return {
    excess: [...new Set(excess)].sort(),
    missing,
    minimal: [...minimal].sort(),
    unknownCalls: calls.filter((s) => !s.operationId),
    keyCalls: calls,
  };
}
