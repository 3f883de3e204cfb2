import { createHash } from 'node:crypto';
import { InputError, UsageError } from '../../core/errors.js';
import type { Driver } from '../driver.js';
import type { MigrationReport, SchemaStatus } from '../store.js';

export interface Migration {
  version: number;
  name: string;
  /** Only adds tables, columns or indexes: safe to apply automatically when a store is opened. */
  additive: boolean;
  sql: string;
}

export type MigrateMode = 'auto' | 'never' | 'always';

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((m, x) => Math.max(m, x.version), 0);
}

export async function schemaStatus(driver: Driver): Promise<SchemaStatus> {
  const current = await currentVersion(driver);
  const pending = driver.migrations.filter((m) => m.version > current).map(({ version, name }) => ({ version, name }));
  return { current, latest: latestVersion(driver.migrations), pending };
}

async function currentVersion(driver: Driver): Promise<number> {
  if (await driver.isEmpty()) return 0;
  const row = await driver.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return Number(row?.v ?? 0);
}

/**
 * Brings the schema up to date. Each migration runs in its own transaction that first takes the
 * store-wide migration lock and re-checks the version, so two processes opening a new store at the same
 * time apply each migration once.
 */
export async function migrate(driver: Driver, mode: MigrateMode): Promise<MigrationReport> {
  const status = await schemaStatus(driver);
  const latest = status.latest;
  if (status.current > latest) {
    throw new InputError(`the store at ${driver.location} has schema version ${status.current}, newer than this appwrite-secops knows (${latest})`, {
      hint: 'upgrade appwrite-secops, or point --store at another store',
    });
  }
  const report: MigrationReport = { from: status.current, to: status.current, applied: [] };
  if (status.pending.length === 0) return report;
  const pending = driver.migrations.filter((m) => m.version > status.current).sort((a, b) => a.version - b.version);
  const fresh = status.current === 0;
  if (mode === 'never' || (mode === 'auto' && !fresh && pending.some((m) => !m.additive))) {
    throw new UsageError(`the store at ${driver.location} is at schema version ${status.current}; this version of appwrite-secops needs ${latest}`, {
      hint: 'back it up, then run `appwrite-secops store migrate`',
    });
  }
  for (const m of pending) {
    const applied = await driver.tx(async (sql) => {
      if (driver.migrationLock) await sql.exec(driver.migrationLock);
      await sql.exec(BOOKKEEPING);
      const done = await sql.get('SELECT version FROM schema_migrations WHERE version = ?', [m.version]);
      if (done) return false;
      await sql.exec(m.sql);
      await sql.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
        m.version,
        m.name,
        createHash('sha256').update(m.sql).digest('hex'),
        new Date().toISOString(),
      ]);
      return true;
    });
    if (applied) report.applied.push({ version: m.version, name: m.name });
    report.to = m.version;
  }
  return report;
}
