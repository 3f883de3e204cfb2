import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncompleteError } from '../../core/errors.js';
import { startOsvStandIn, type OsvStandIn } from './__fixtures__/osv-server.js';
import { OsvClient, retryAfterMs } from './client.js';

let osv: OsvStandIn;
let waits: number[];
const sleep = async (ms: number) => {
  waits.push(ms);
};

beforeEach(async () => {
  osv = await startOsvStandIn();
  waits = [];
});
afterEach(async () => {
  await osv.close();
});

const packages = [
  { name: 'qs', version: '6.7.0' },
  { name: 'express', version: '4.17.1' },
  { name: 'debug', version: '2.6.9' },
  { name: 'left-pad', version: '1.3.0' },
];

describe('OSV API client against a local server', () => {
  it('queries in batches, fetches each record once, and normalises them', async () => {
    const client = new OsvClient({ baseUrl: osv.url, batchSize: 3, sleep });
    const advisories = await client.advisoriesFor([...packages, { name: 'qs', version: '6.7.0' }]);
    expect(advisories.map((a) => a.id).sort()).toEqual(['GHSA-hrpp-h998-j3pp', 'GHSA-qw6h-vgh9-j6wx']);
    expect(advisories.every((a) => a.source === 'osv-api' && a.origin.startsWith(osv.url))).toBe(true);
    const batches = osv.requests.filter((r) => r.path === '/v1/querybatch');
    // 4 distinct packages in batches of 3
    expect(batches.map((b) => (b.body as { queries: unknown[] }).queries.length)).toEqual([3, 1]);
    expect((batches[0]!.body as { queries: unknown[] }).queries[0]).toEqual({ package: { name: 'qs', ecosystem: 'npm' }, version: '6.7.0' });
    expect(osv.requests.filter((r) => r.path.startsWith('/v1/vulns/')).map((r) => r.path).sort()).toEqual(['/v1/vulns/GHSA-hrpp-h998-j3pp', '/v1/vulns/GHSA-qw6h-vgh9-j6wx']);
  });

  it('caches per run: a second lookup makes no request', async () => {
    const client = new OsvClient({ baseUrl: osv.url, sleep });
    await client.advisoriesFor(packages);
    const before = osv.requests.length;
    await client.advisoriesFor(packages);
    expect(osv.requests.length).toBe(before);
  });

  it('follows next_page_token', async () => {
    osv.paged.set('qs@6.7.0', ['GHSA-hrpp-h998-j3pp']);
    const client = new OsvClient({ baseUrl: osv.url, sleep });
    const ids = await client.queryBatch([{ name: 'qs', version: '6.7.0' }]);
    expect(ids.get('qs@6.7.0')).toEqual(['GHSA-hrpp-h998-j3pp']);
    const second = osv.requests[1]!.body as { queries: { page_token?: string }[] };
    expect(second.queries[0]!.page_token).toBe('page-2');
  });

  it('retries 429 honouring Retry-After (seconds and HTTP date)', async () => {
    const later = new Date(Date.now() + 5_000).toUTCString();
    osv.failNext.push({ status: 429, headers: { 'retry-after': '2' } }, { status: 429, headers: { 'retry-after': later } });
    const client = new OsvClient({ baseUrl: osv.url, sleep });
    const ids = await client.queryBatch([{ name: 'qs', version: '6.7.0' }]);
    expect(ids.get('qs@6.7.0')).toEqual(['GHSA-hrpp-h998-j3pp']);
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBeGreaterThan(2500);
    expect(waits[1]).toBeLessThanOrEqual(5000);
    expect(osv.requests).toHaveLength(3);
  });

  it('retries 5xx with exponential backoff', async () => {
    osv.failNext.push({ status: 503 }, { status: 500 }, { status: 502 });
    const client = new OsvClient({ baseUrl: osv.url, sleep, backoffMs: 100 });
    await client.queryBatch([{ name: 'qs', version: '6.7.0' }]);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('really waits for Retry-After when no sleep is injected', async () => {
    osv.failNext.push({ status: 429, headers: { 'retry-after': '1' } });
    const client = new OsvClient({ baseUrl: osv.url });
    const t = Date.now();
    await client.queryBatch([{ name: 'qs', version: '6.7.0' }]);
    expect(Date.now() - t).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the retries with an IncompleteError (exit 3)', async () => {
    osv.failNext.push({ status: 503 }, { status: 503 }, { status: 503 });
    const client = new OsvClient({ baseUrl: osv.url, sleep, retries: 2 });
    const err = await client.queryBatch([{ name: 'qs', version: '6.7.0' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompleteError);
    expect((err as IncompleteError).exitCode).toBe(3);
    expect((err as Error).message).toMatch(/HTTP 503 .*after 3 attempts/);
  });

  it('does not wait for a Retry-After beyond the limit', async () => {
    osv.failNext.push({ status: 429, headers: { 'retry-after': '3600' } });
    const client = new OsvClient({ baseUrl: osv.url, sleep, maxRetryAfterMs: 60_000 });
    await expect(client.queryBatch([{ name: 'qs', version: '6.7.0' }])).rejects.toThrow(/retry after 3600 s/);
    expect(waits).toEqual([]);
  });

  it('does not retry a 400', async () => {
    osv.failNext.push({ status: 400, body: '{"code":3,"message":"Invalid query."}' });
    const client = new OsvClient({ baseUrl: osv.url, sleep });
    await expect(client.queryBatch([{ name: 'qs', version: '6.7.0' }])).rejects.toThrow(/HTTP 400 .*Invalid query/);
    expect(osv.requests).toHaveLength(1);
  });

  it('an answer that is not JSON, or has the wrong shape, is incomplete, not clean', async () => {
    osv.failNext.push({ status: 200, body: '<html>proxy login</html>' });
    const client = new OsvClient({ baseUrl: osv.url, sleep });
    await expect(client.queryBatch([{ name: 'qs', version: '6.7.0' }])).rejects.toThrow(/not JSON/);
    osv.failNext.push({ status: 200, body: '{"results":[]}' });
    await expect(new OsvClient({ baseUrl: osv.url, sleep }).queryBatch([{ name: 'qs', version: '6.7.0' }])).rejects.toThrow(/0 results for 1 queries/);
  });

  it('times out a server that never answers, then retries', async () => {
    osv.failNext.push({ hang: true });
    const client = new OsvClient({ baseUrl: osv.url, sleep, timeoutMs: 300, retries: 1 });
    const ids = await client.queryBatch([{ name: 'qs', version: '6.7.0' }]);
    expect(ids.get('qs@6.7.0')).toEqual(['GHSA-hrpp-h998-j3pp']);
    expect(waits).toHaveLength(1);
  });

  it('a connection refused is retried and then reported', async () => {
    const url = osv.url;
    await osv.close();
    const client = new OsvClient({ baseUrl: url, sleep, retries: 1 });
    await expect(client.queryBatch([{ name: 'qs', version: '6.7.0' }])).rejects.toThrow(/ECONNREFUSED.*|failed after 2 attempts/);
    osv = await startOsvStandIn();
  });

  it('a record the API cannot find is incomplete', async () => {
    const client = new OsvClient({ baseUrl: osv.url, sleep });
    osv.paged.set('qs@6.7.0', ['GHSA-0000-0000-0000']);
    await expect(client.advisoriesFor([{ name: 'qs', version: '6.7.0' }])).rejects.toThrow(/HTTP 404/);
  });
});

describe('Retry-After', () => {
  it('reads seconds, dates, and ignores junk', () => {
    expect(retryAfterMs('7', 0)).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});
