/**
 * Text and JSON renderings for the `keys` commands. Secrets never reach here: keys carry a redacted
 * preview (prefix + hash) only.
 */
import { stringifyJson } from './normalize.js';
import type { KeyInventory } from './keys-inventory.js';
import { requiredScopes } from './operations.js';

const DAY = 86_400_000;

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

function age(createdAt: string, now: Date): string {
  const d = Math.floor((now.getTime() - new Date(createdAt).getTime()) / DAY);
  return Number.isFinite(d) ? `${d}d` : '?';
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}`.trimEnd()).join('\n');
}

export function renderKeyInventoryText(inv: readonly KeyInventory[], now: Date): string {
  const parts: string[] = [];
  for (const e of inv) {
    const lines = [`${e.environment}${e.production ? ' (production)' : ''}: project ${e.projectId} at ${e.endpoint}${e.version ? `, Appwrite ${e.version}` : ''}`];
    if (e.keys) {
      const expired = (k: { expire: string | null }) => (k.expire && new Date(k.expire).getTime() <= now.getTime() ? ' (expired)' : '');
      lines.push(
        e.keys.length === 0
          ? '  no API keys'
          : table([
              ['NAME', 'ID', 'SCOPES', 'EXPIRES', 'LAST ACCESS', 'SDKS', 'AGE', 'SECRET'],
              ...e.keys.map((k) => [k.name, k.id, k.scopes.join(',') || '-', `${day(k.expire) || 'never'}${expired(k)}`, day(k.accessedAt) || 'never', k.sdks.join(',') || '-', age(k.createdAt, now), k.secretPreview]),
            ]),
      );
      if (e.devKeys?.length) {
        lines.push('  dev keys:', table([['NAME', 'ID', 'EXPIRES', 'LAST ACCESS', 'SDKS', 'AGE'], ...e.devKeys.map((k) => [k.name, k.id, `${day(k.expire) || 'never'}${expired(k)}`, day(k.accessedAt) || 'never', k.sdks.join(',') || '-', age(k.createdAt, now)])]));
      }
    }
    for (const err of e.errors) lines.push(`  could not read: ${err.message}`, `    fix: ${err.hint}`);
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n\nLast access is recorded by Appwrite at most once per 24 hours.\n`;
}

export function renderKeyInventoryJson(inv: readonly KeyInventory[], now: Date): string {
  return `${stringifyJson({ schemaVersion: '1.0.0', generatedAt: now.toISOString(), environments: inv }, 2)}\n`;
}

export function renderRequiredScopesText(version?: string): string {
  const v = version ?? '1.9.5';
  const { key, consoleOnly } = requiredScopes(v);
  const width = Math.max(...key.map((s) => s.scope.length));
  const lines = [
    version ? `Scopes the audit key needs on Appwrite ${version}:` : 'Scopes the audit key needs (Appwrite 1.9.5 and later, and Cloud):',
    ...key.map((s) => `  ${s.scope.padEnd(width)}  ${s.reads.join('; ')}${s.aliases.length ? ` (older name: ${s.aliases.join(', ')})` : ''}`),
    '',
    'All are read scopes: give the audit key nothing else, and an expiry date.',
  ];
  if (consoleOnly.length) {
    lines.push('', `On this version a console session is also needed (consoleSessionEnv) for:`, ...consoleOnly.map((o) => `  ${o.method} ${o.path}  ${o.reads}`));
  } else if (!version) {
    lines.push('', 'Self-hosted before 1.9.5 (e.g. 1.8.x): project settings, keys, platforms and webhooks are readable only', 'by the console; set consoleSessionEnv too (see `keys required-scopes --server-version 1.8.1`).');
  }
  return `${lines.join('\n')}\n`;
}

export function renderRequiredScopesJson(version?: string): string {
  const v = version ?? '1.9.5';
  const { key, consoleOnly } = requiredScopes(v);
  return `${JSON.stringify({ serverVersion: v, scopes: key, consoleSession: consoleOnly.map((o) => ({ operation: o.id, method: o.method, path: o.path, reads: o.reads })) }, null, 2)}\n`;
}
