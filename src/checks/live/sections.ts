/**
 * Shared plumbing of the live checks: iterate the environments, and turn a part that could not be read
 * into an `error` finding that says which scope or credential would make it readable.
 */
import '../../collectors/appwrite-live/schema.js';
import type { ReportInput } from '../../core/check.js';
import type { Location, ResourceRef } from '../../core/finding.js';
import type { LiveFacts, LiveSnapshot, SectionName } from '../../live/snapshot.js';

export const UNREADABLE = 'Could not read the {{what}} of environment {{env}}: {{reason}}';

type OkValue<K extends SectionName> = Extract<LiveSnapshot[K], { state: 'ok' }>['value'];

export function envRef(s: LiveSnapshot): ResourceRef {
  return { type: 'appwrite-project', id: `${s.environment}:${s.projectId}`, name: s.environment };
}

/** The API address of a live resource, as the finding location. */
export function apiLocation(s: LiveSnapshot, path = ''): Location {
  return { path: `${s.endpoint}${path}` };
}

const WHAT: Partial<Record<SectionName, string>> = { devKeys: 'dev keys', mockNumbers: 'mock phone numbers', authMethods: 'auth methods', smtp: 'SMTP settings', policies: 'auth policies', version: 'server version' };

/**
 * Calls `fn` for every environment whose `name` part was read; reports `error` for the others and
 * stays silent where the server has no such thing.
 */
export function eachSection<K extends SectionName>(facts: LiveFacts, name: K, report: (r: ReportInput<'unreadable'>) => void, fn: (s: LiveSnapshot, value: OkValue<K>) => void): void {
  for (const s of facts.environments) {
    const sec = s[name];
    if (sec.state === 'ok') fn(s, sec.value as OkValue<K>);
    else if (sec.state === 'error') {
      report({
        messageId: 'unreadable',
        data: { what: WHAT[name] ?? name, env: s.environment, reason: `${sec.error.message}. Fix: ${sec.error.hint}` },
        resource: envRef(s),
        location: { path: `${new URL(s.endpoint).origin}${sec.error.request.replace(/^\S+ /, '').replace('{projectId}', s.projectId)}` },
        status: 'error',
        key: `unreadable:${s.environment}:${name}`,
        evidence: { operation: sec.error.operation, failure: sec.error.kind, ...(sec.error.scopes ? { scopesNeeded: sec.error.scopes.join(' or ') } : {}) },
      });
    }
  }
}

/** Whole days between two instants (floor), for messages. */
export function daysBetween(from: string | Date, to: Date): number {
  return Math.floor((to.getTime() - new Date(from).getTime()) / 86_400_000);
}
