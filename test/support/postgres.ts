import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * PostgreSQL for tests: the local server at 127.0.0.1:5432 (trust auth, user postgres). Each test file
 * creates a throwaway database and drops it afterwards.
 *
 * When the server does not answer: under CI=true the PostgreSQL tests FAIL (CI must not pass by
 * skipping them); elsewhere they are skipped with a message that says how to enable them.
 */
export const PG_HOST = process.env.SECOPS_TEST_PGHOST ?? '127.0.0.1';
export const PG_PORT = Number(process.env.SECOPS_TEST_PGPORT ?? 5432);
export const PG_USER = process.env.SECOPS_TEST_PGUSER ?? 'postgres';

export const PG_ENABLE_HINT =
  'PostgreSQL tests need a server at 127.0.0.1:5432 with trust auth for user postgres. Start it with: ' +
  'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

export interface PostgresProbe {
  available: boolean;
  /** Why it is not available. */
  reason?: string;
  /** True when unavailability must fail the run (CI=true). */
  required: boolean;
}

function adminClient(database = 'postgres'): pg.Client {
  return new pg.Client({ host: PG_HOST, port: PG_PORT, user: PG_USER, database, connectionTimeoutMillis: 3000 });
}

/** Tries to connect once. */
export async function probePostgres(): Promise<PostgresProbe> {
  const required = process.env.CI === 'true';
  const c = adminClient();
  try {
    await c.connect();
    await c.query('SELECT 1');
    return { available: true, required };
  } catch (err) {
    return { available: false, reason: (err as Error).message, required };
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Creates an empty database with a random name and returns its URL and a function that drops it. */
export async function createTestDatabase(prefix = 'secops_test'): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const c = adminClient();
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  return {
    name,
    url: `postgres://${PG_USER}@${PG_HOST}:${PG_PORT}/${name}`,
    drop: async () => {
      const d = adminClient();
      await d.connect();
      try {
        await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await d.end();
      }
    },
  };
}

/** Runs a query against a test database directly (to tamper with rows, or to read them raw). */
export async function withDatabase<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The message printed when the PostgreSQL tests are skipped. */
export function skipMessage(probe: PostgresProbe): string {
  return `PostgreSQL tests skipped (${probe.reason ?? 'server not reachable'}). ${PG_ENABLE_HINT}. Under CI=true they fail instead.`;
}

export interface TlsCluster {
  port: number;
  /** CA that signed the server certificate (CN/SAN localhost). */
  caFile: string;
  stop(): Promise<void>;
}

const PG_BIN = process.env.SECOPS_TEST_PGBIN ?? '/usr/lib/postgresql/15/bin';

/**
 * Why a throwaway TLS cluster cannot be started here, or undefined when it can: it needs the
 * PostgreSQL server binaries, openssl, and root (to run initdb as the postgres user) or the postgres user.
 */
export function tlsClusterUnavailable(): string | undefined {
  if (!existsSync(`${PG_BIN}/initdb`)) return `no PostgreSQL binaries in ${PG_BIN} (set SECOPS_TEST_PGBIN)`;
  if (spawnSync('openssl', ['version']).status !== 0) return 'openssl is not installed';
  const user = userInfo().username;
  if (user !== 'root' && user !== 'postgres') return 'must run as root or postgres to start a throwaway cluster';
  return undefined;
}

/**
 * Starts a throwaway PostgreSQL cluster with TLS on (a fresh CA and a server certificate for
 * localhost), trust auth on 127.0.0.1, on a free port. For testing sslmode handling end to end without
 * touching the shared server's configuration.
 */
export async function startTlsCluster(): Promise<TlsCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'secops-pgtls-'));
  const asPg = userInfo().username === 'root';
  const run = (cmd: string, args: string[]) => {
    const r = asPg ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args.map(shellQuote)].join(' ')]) : spawnSync(cmd, args);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString() ?? ''}`);
  };
  const ssl = (args: string[]) => {
    const r = spawnSync('openssl', args);
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr.toString()}`);
  };
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/ca.key`, '-out', `${dir}/ca.pem`, '-days', '2', '-subj', '/CN=secops-test-ca']);
  ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/server.key`, '-out', `${dir}/server.csr`, '-subj', '/CN=localhost']);
  writeFileSync(`${dir}/ext.cnf`, 'subjectAltName=DNS:localhost\n');
  ssl(['x509', '-req', '-in', `${dir}/server.csr`, '-CA', `${dir}/ca.pem`, '-CAkey', `${dir}/ca.key`, '-CAcreateserial', '-out', `${dir}/server.crt`, '-days', '2', '-extfile', `${dir}/ext.cnf`]);
  chmodSync(`${dir}/server.key`, 0o600);
  if (asPg) spawnSync('chown', ['-R', 'postgres', dir]);
  const port = await freePort();
  run(`${PG_BIN}/initdb`, ['-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c fsync=off -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=${dir}/server.crt -c ssl_key_file=${dir}/server.key`;
  run(`${PG_BIN}/pg_ctl`, ['-D', `${dir}/data`, '-o', opts, '-l', `${dir}/log`, '-w', 'start']);
  return {
    port,
    caFile: `${dir}/ca.pem`,
    stop: async () => {
      try {
        run(`${PG_BIN}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
