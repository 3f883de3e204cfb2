import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { tlsOptions } from './postgres.js';
import { maskUrl, parseStoreUrl, resolveStoreUrl } from './url.js';

const CWD = '/work/space';

describe('parseStoreUrl', () => {
  it.each<[string, Record<string, unknown>]>([
    ['sqlite:.appwrite-secops/state.db', { backend: 'sqlite', file: path.resolve(CWD, '.appwrite-secops/state.db') }],
    ['sqlite:/var/lib/secops.db', { backend: 'sqlite', file: '/var/lib/secops.db' }],
    ['sqlite:///var/lib/secops.db', { backend: 'sqlite', file: '/var/lib/secops.db' }],
    ['sqlite::memory:', { backend: 'sqlite', file: ':memory:' }],
    ['postgres://secops@db.internal/secops', { backend: 'postgres', host: 'db.internal', port: 5432, database: 'secops', user: 'secops', poolMax: 10, tls: {} }],
    [
      'postgresql://u:p%40ss@10.0.0.5:6543/audit?sslmode=verify-full&sslrootcert=/etc/ca.pem&pool_max=4&application_name=ci',
      { backend: 'postgres', host: '10.0.0.5', port: 6543, user: 'u', password: 'p@ss', database: 'audit', poolMax: 4, applicationName: 'ci', tls: { mode: 'verify-full', caFile: '/etc/ca.pem' } },
    ],
    ['postgres://h/db?sslmode=prefer', { tls: { mode: 'disable' } }],
    ['postgres://h/db?connect_timeout=5', { connectTimeoutMs: 5000 }],
  ])('%s', (url, expected) => {
    expect(parseStoreUrl(url, CWD)).toMatchObject(expected);
  });

  it.each([
    ['mysql://h/db', /unsupported store URL scheme "mysql:"/],
    ['state.db', /has no scheme/],
    ['sqlite:', /names no file/],
    ['postgres://h', /names no database/],
    ['postgres://h/db?sslmode=bogus', /unknown sslmode/],
    ['postgres://h/db?options=-c%20x', /unknown PostgreSQL URL parameter "options"/],
    ['postgres://h/db?pool_max=0', /pool_max/],
  ])('rejects %s', (url, re) => {
    expect(() => parseStoreUrl(url, CWD)).toThrow(UsageError);
    expect(() => parseStoreUrl(url, CWD)).toThrow(re);
  });

  it('never shows a password', () => {
    expect(parseStoreUrl('postgres://u:s3cr3t-pw@h/db', CWD).display).toBe('postgres://u:***@h/db');
    expect(maskUrl('postgres://u:s3cr3t-pw@h/db?sslmode=require')).toBe('postgres://u:***@h/db?sslmode=require');
    expect(() => parseStoreUrl('postgres://u:s3cr3t-pw@h', CWD)).toThrow(/postgres:\/\/u:\*\*\*@h/);
  });
});

describe('resolveStoreUrl', () => {
  it.each([
    [{ flag: 'sqlite:a.db', env: { APPWRITE_SECOPS_STORE: 'sqlite:b.db' }, config: 'sqlite:c.db' }, 'sqlite:a.db'],
    [{ env: { APPWRITE_SECOPS_STORE: 'sqlite:b.db' }, config: 'sqlite:c.db' }, 'sqlite:b.db'],
    [{ env: {}, config: 'sqlite:c.db' }, 'sqlite:c.db'],
    [{ env: {} }, 'sqlite:.appwrite-secops/state.db'],
  ])('%j -> %s', (sources, expected) => {
    expect(resolveStoreUrl(sources)).toBe(expected);
  });
});

describe('tlsOptions (libpq sslmode semantics)', () => {
  it.each<[Parameters<typeof tlsOptions>[0], unknown]>([
    [{}, false],
    [{ mode: 'disable' }, false],
    [{ mode: 'require' }, { rejectUnauthorized: false, servername: 'db' }],
    [{ mode: 'verify-full' }, { rejectUnauthorized: true, servername: 'db' }],
  ])('%j', (tls, expected) => {
    const out = tlsOptions(tls, 'db');
    if (out) expect(tlsOptions(tls, '10.0.0.1')).toMatchObject({ servername: undefined });
    expect(out === false ? false : { rejectUnauthorized: out.rejectUnauthorized, servername: out.servername }).toEqual(expected);
  });

  it('verify-ca checks the chain but not the host name; an unreadable CA file is an input error', () => {
    const out = tlsOptions({ mode: 'verify-ca' }, 'db');
    expect(out && out.rejectUnauthorized).toBe(true);
    expect(out && out.checkServerIdentity!('other-host', {} as never)).toBeUndefined();
    expect(() => tlsOptions({ mode: 'verify-full', caFile: '/nonexistent/ca.pem' }, 'db')).toThrow(/cannot read the CA certificate/);
  });
});
