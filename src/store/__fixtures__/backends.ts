import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { openStore, type OpenStoreOptions, type Store } from '../store.js';
import { createTestDatabase, probePostgres, skipMessage, withDatabase } from '../../../test/support/postgres.js';

/**
 * The backends every store test runs against. PostgreSQL uses one throwaway database per test file;
 * `fresh()` empties it (drops and recreates the public schema) so each test starts from nothing.
 */
export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Set when the backend cannot run here; `required` says whether that is a failure (CI=true). */
  unavailable?: string;
  required?: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A URL to an empty store. */
  fresh(): Promise<string>;
  /** Raw SQL against the store behind `url` (tampering, inspection). `?` placeholders. */
  raw(url: string, sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Drops the append-only guard, as an attacker with write access would. */
  dropGuard(url: string): Promise<void>;
  /** Everything the store holds, as text: every row of every table, plus the raw files for SQLite. */
  dump(url: string): Promise<string>;
}

export async function backends(): Promise<Backend[]> {
  const probe = await probePostgres();
  const pgBackend: Backend = probe.available ? postgresBackend() : { ...postgresBackend(), unavailable: skipMessage(probe), required: probe.required };
  return [sqliteBackend(), pgBackend];
}

function sqliteBackend(): Backend {
  let dir = '';
  let n = 0;
  const file = (url: string) => url.slice('sqlite:'.length);
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(path.join(os.tmpdir(), 'secops-store-'));
    },
    async teardown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async fresh() {
      return `sqlite:${path.join(dir, `store-${++n}.db`)}`;
    },
    async raw(url, sql, params = []) {
      const db = new Database(file(url), { timeout: 10_000 });
      try {
        const stmt = db.prepare(sql);
        return stmt.reader ? (stmt.all(...(params as never[])) as Record<string, unknown>[]) : (stmt.run(...(params as never[])), []);
      } finally {
        db.close();
      }
    },
    async dropGuard(url) {
      const db = new Database(file(url));
      try {
        db.exec('DROP TRIGGER IF EXISTS evidence_no_update; DROP TRIGGER IF EXISTS evidence_no_delete;');
      } finally {
        db.close();
      }
    },
    async dump(url) {
      const f = file(url);
      const parts: string[] = [];
      for (const name of readdirSync(path.dirname(f))) {
        if (name.startsWith(path.basename(f))) parts.push(readFileSync(path.join(path.dirname(f), name)).toString('latin1'));
      }
      const db = new Database(f, { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
        for (const t of tables) parts.push(JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all()));
      } finally {
        db.close();
      }
      return parts.join('\n');
    },
  };
}

function postgresBackend(): Backend {
  let db: { url: string; drop: () => Promise<void> } | undefined;
  const numbered = (sql: string) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  };
  return {
    name: 'postgres',
    async setup() {
      db = await createTestDatabase('secops_store_test');
    },
    async teardown() {
      await db?.drop();
    },
    async fresh() {
      await withDatabase(db!.url, async (c) => {
        await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      });
      return db!.url;
    },
    async raw(url, sql, params = []) {
      return withDatabase(url, async (c) => (await c.query(numbered(sql), params)).rows as Record<string, unknown>[]);
    },
    async dropGuard(url) {
      await withDatabase(url, async (c) => {
        await c.query('ALTER TABLE evidence DISABLE TRIGGER evidence_append_only');
      });
    },
    async dump(url) {
      return withDatabase(url, async (c) => {
        const tables = (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows as { tablename: string }[];
        const parts: string[] = [];
        for (const t of tables) parts.push(JSON.stringify((await c.query(`SELECT * FROM "${t.tablename}"`)).rows));
        return parts.join('\n');
      });
    },
  };
}

export interface BackendContext {
  backend: Backend;
  /** Opens a store (closed automatically after each test). */
  open(url: string, opts?: OpenStoreOptions): Promise<Store>;
}

/** Declares the same suite once per backend; an unavailable PostgreSQL is skipped, or fails under CI=true. */
export function describeBackends(title: string, list: Backend[], body: (ctx: BackendContext) => void): void {
  for (const b of list) {
    describe(`${title} [${b.name}]`, () => {
      if (b.unavailable) {
        if (b.required) {
          it('PostgreSQL is reachable (required when CI=true)', () => {
            throw new Error(b.unavailable);
          });
        } else {
          console.warn(b.unavailable);
          it.skip(b.unavailable, () => undefined);
        }
        return;
      }
      const opened: Store[] = [];
      beforeAll(() => b.setup());
      afterAll(() => b.teardown());
      afterEach(async () => {
        for (const s of opened.splice(0)) await s.close();
      });
      body({
        backend: b,
        open: async (url, opts) => {
          const s = await openStore(url, opts);
          opened.push(s);
          return s;
        },
      });
    });
  }
}
