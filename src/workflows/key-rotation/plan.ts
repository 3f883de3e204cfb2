import { describeSink } from '../sinks/types.js';
import type { RotationRecord } from './state.js';

const FLAVOUR = { '1.8-console': 'a console session (Appwrite before 1.9.5)', '1.9-key': 'an API key with keys.write', '2.x-key': 'an API key with keys.write (Cloud)' } as const;

/** What a rotation will do, for --dry-run and the confirmation prompt. No secret is involved. */
export function describePlan(r: RotationRecord, version: string, force: boolean): string {
  const added = r.next.scopes.filter((s) => !r.old.scopes.includes(s));
  const removed = r.old.scopes.filter((s) => !r.next.scopes.includes(s));
  const idle = r.idleWindowMs === 0 ? 'no idle window' : `old key idle for ${Math.round(r.idleWindowMs / 3_600_000 * 10) / 10}h after delivery`;
  const lines = [
    `Rotation of key "${r.old.name}" (${r.old.id}) in ${r.env}: project ${r.projectId} at ${r.endpoint}, Appwrite ${version}, managed with ${FLAVOUR[r.flavour]}${r.service ? `; service ${r.service}` : ''}`,
    `  1. create key "${r.next.name}" (id ${r.next.id}) with scopes ${r.next.scopes.join(', ') || '(none)'}; ${r.next.expire ? `expires ${r.next.expire}` : 'never expires'}`,
    ...(added.length || removed.length ? [`     scope change: ${[...added.map((s) => `+${s}`), ...removed.map((s) => `-${s}`)].join(' ')}`] : []),
    `  2. deliver its secret to ${describeSink(r.sink)}`,
    `  3. validate that traffic moved: ${r.validateWith ? `probe \`${r.validateWith}\`` : 'the new key is used (accessedAt/sdks; Appwrite records use at most once per 24 hours)'}; ${idle}`,
    `  4. delete the old key ${r.old.id} ${force ? 'even if validation fails (--force)' : 'only after validation passes'}`,
  ];
  return `${lines.join('\n')}\n`;
}
