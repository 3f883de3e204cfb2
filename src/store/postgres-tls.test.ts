import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncompleteError } from '../core/errors.js';
import { startTlsCluster, tlsClusterUnavailable, type TlsCluster } from '../../test/support/postgres.js';
import { openStore, type Store } from './store.js';

const why = tlsClusterUnavailable();
if (why) console.warn(`PostgreSQL TLS tests skipped: ${why}`);

/** sslmode end to end against a throwaway cluster with TLS on (the shared test server has it off). */
describe.skipIf(!!why)('PostgreSQL TLS (sslmode from the URL)', () => {
  let cluster: TlsCluster;
  beforeAll(async () => {
    cluster = await startTlsCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  const sslInUse = async (s: Store) => {
    const rows = await s.listRuns(); // proves the schema works over this connection
    expect(rows).toEqual([]);
    return ((s as unknown as { driver: { get(sql: string): Promise<{ ssl: boolean }> } }).driver.get('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).then((r) => r.ssl);
  };

  it.each([
    ['require: encrypted without verification', (p: number) => `postgres://postgres@127.0.0.1:${p}/postgres?sslmode=require`, true],
    ['verify-full with the CA and the certificate host name', (p: number, ca: string) => `postgres://postgres@localhost:${p}/postgres?sslmode=verify-full&sslrootcert=${ca}`, true],
    ['verify-ca with the CA, any host name', (p: number, ca: string) => `postgres://postgres@127.0.0.1:${p}/postgres?sslmode=verify-ca&sslrootcert=${ca}`, true],
    ['disable: plain text', (p: number) => `postgres://postgres@127.0.0.1:${p}/postgres?sslmode=disable`, false],
  ] as const)('%s', async (_name, url, encrypted) => {
    const s = await openStore(url(cluster.port, cluster.caFile));
    try {
      expect(await sslInUse(s)).toBe(encrypted);
    } finally {
      await s.close();
    }
  });

  it.each([
    ['verify-full refuses a host name the certificate does not name', (p: number, ca: string) => `postgres://postgres@127.0.0.1:${p}/postgres?sslmode=verify-full&sslrootcert=${ca}`, /does not match certificate/],
    ['verify-full refuses a server whose CA it was not given', (p: number) => `postgres://postgres@localhost:${p}/postgres?sslmode=verify-full`, /unable to verify/],
  ] as const)('%s', async (_name, url, re) => {
    const err = await openStore(url(cluster.port, cluster.caFile)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IncompleteError);
    expect((err as Error).message).toMatch(re);
  });

  it('takes TLS settings from the config when the URL has none', async () => {
    const s = await openStore(`postgres://postgres@localhost:${cluster.port}/postgres`, { tls: { mode: 'verify-full', caFile: cluster.caFile } });
    try {
      expect(await sslInUse(s)).toBe(true);
    } finally {
      await s.close();
    }
  });
});
