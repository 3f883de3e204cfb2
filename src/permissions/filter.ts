import { ACTIONS, parseRole, WRITE_ACTIONS, type Action } from '../appwrite/permissions.js';
import { UsageError } from '../core/errors.js';
import { globMatch } from '../core/glob.js';
import { roleReaches, type AccessMatrix, type MatrixEntry } from './matrix.js';

export interface MatrixFilter {
  /** A role (`users`, `team:staff/admin`): grants that reach it, broader roles included (`any` reaches everyone). */
  principal?: string;
  /** Resource id, `databaseId/id`, or name; globs allowed (`shop/*`). */
  resource?: string;
  /** One action; `write` means create, update and delete. */
  action?: string;
}

/** Validates a filter up front so a typo is a usage error (exit 2), not an empty table. */
export function compileFilter(f: MatrixFilter): (e: MatrixEntry) => boolean {
  const tests: ((e: MatrixEntry) => boolean)[] = [];
  if (f.principal !== undefined) {
    const who = parseRole(f.principal);
    if (!who.ok) throw new UsageError(`--principal: ${who.reason}`, { hint: 'give a role such as any, guests, users, users/verified, user:<id>, team:<id>/<role>, member:<id> or label:<name>' });
    tests.push((e) => {
      const grant = parseRole(e.role);
      return grant.ok && roleReaches(grant.value, who.value);
    });
  }
  if (f.action !== undefined) {
    const a = f.action.toLowerCase();
    const actions: readonly string[] = a === 'write' ? WRITE_ACTIONS : [a];
    if (a !== 'write' && !(ACTIONS as readonly string[]).includes(a)) {
      throw new UsageError(`--action: unknown action "${f.action}"`, { hint: `use one of ${[...ACTIONS, 'write'].join(', ')}` });
    }
    tests.push((e) => actions.includes(e.action as Action));
  }
  if (f.resource !== undefined) {
    const pattern = f.resource;
    tests.push((e) => {
      const names = [e.resourceId, e.databaseId ? `${e.databaseId}/${e.resourceId}` : undefined, e.resourceName].filter((x): x is string => !!x);
      return names.some((n) => n === pattern || globMatch(pattern, n));
    });
  }
  return (e) => tests.every((t) => t(e));
}

export function filterMatrix(m: AccessMatrix, f: MatrixFilter): AccessMatrix {
  const keep = compileFilter(f);
  const entries = m.entries.filter(keep);
  const id = (r: { resourceType: string; databaseId?: string; resourceId: string }) => `${r.resourceType}\u0000${r.databaseId ?? ''}\u0000${r.resourceId}`;
  const touched = new Set(entries.map(id));
  const byName = f.resource === undefined ? undefined : compileFilter({ resource: f.resource });
  const resources = m.resources.filter((r) => {
    if (f.principal !== undefined || f.action !== undefined) return touched.has(id(r));
    return !byName || byName({ ...r, action: 'read', role: 'any', level: 'resource', principal: 'public', permission: '' });
  });
  return { ...m, entries, resources };
}
