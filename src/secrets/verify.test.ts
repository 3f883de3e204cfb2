import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSecrets } from './__fixtures__/fake-secrets.js';
import { classify, verifyAppwriteKey } from './verify.js';

const s = fakeSecrets(44);
const LIVE = s.standard();
const EXPIRED = s.standard();
const seen: Array<{ method?: string; url?: string; project?: string; key?: string }> = [];
let otherHostHits = 0;
let server: Server;
let other: Server;
let endpoint = '';
let otherUrl = '';

/** A stand-in for Appwrite's GET /v1/health: the same status codes and error types. */
function appwrite(req: IncomingMessage, res: import('node:http').ServerResponse): void {
  const key = req.headers['x-appwrite-key'] as string | undefined;
  const project = req.headers['x-appwrite-project'] as string | undefined;
  seen.push({ method: req.method, url: req.url, project, key });
  const send = (code: number, body: object) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.url === '/v1/redirect/health') {
    res.writeHead(302, { location: `${otherUrl}/v1/health` });
    res.end();
    return;
  }
  if (req.url === '/v1/slow/health') return void setTimeout(() => send(200, { status: 'pass' }), 2000);
  if (req.url !== '/v1/health') return send(404, { message: 'Route not found', code: 404, type: 'general_route_not_found' });
  if (project !== 'shop') return send(404, { message: 'Project not found', code: 404, type: 'project_not_found' });
  if (key === LIVE) return send(200, { name: 'http', ping: 1, status: 'pass' });
  if (key === EXPIRED) return send(401, { message: 'The project key has expired.', code: 401, type: 'project_key_expired' });
  send(401, { message: 'app.shop@service.localhost (role: guests) missing scope (health.read)', code: 401, type: 'general_unauthorized_scope' });
}

beforeAll(async () => {
  server = createServer(appwrite);
  other = createServer((_req, res) => {
    otherHostHits++;
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await new Promise((r) => other.close(r));
});

describe('verifyAppwriteKey against a local HTTP server', () => {
  it('sends one GET /health with the project and key headers', async () => {
    seen.length = 0;
    const out = await verifyAppwriteKey(LIVE, { endpoint, projectId: 'shop' });
    expect(out.liveness).toBe('live');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url).toBe('/v1/health');
    expect(seen[0]!.project).toBe('shop');
    expect(seen[0]!.key === LIVE).toBe(true);
  });

  it.each([
    ['a revoked or unknown key', () => s.standard(), 'shop', 'dead'],
    ['an expired key', () => EXPIRED, 'shop', 'dead'],
    ['a wrong project', () => LIVE, 'nope', 'unknown'],
  ] as const)('%s', async (_n, key, projectId, want) => {
    expect((await verifyAppwriteKey(key(), { endpoint, projectId })).liveness).toBe(want);
  });

  it('uses the project id found beside the key, or in an ephemeral key payload', async () => {
    expect((await verifyAppwriteKey(LIVE, { endpoint }, 'shop')).liveness).toBe('live');
    seen.length = 0;
    await verifyAppwriteKey(s.ephemeral('shop'), { endpoint });
    expect(seen[0]!.project).toBe('shop');
    expect((await verifyAppwriteKey(LIVE, { endpoint })).detail).toMatch(/no project id/);
  });

  it('never follows a redirect to another host', async () => {
    const out = await verifyAppwriteKey(LIVE, { endpoint: endpoint.replace('/v1', '/v1/redirect'), projectId: 'shop' });
    expect(out.liveness).toBe('unknown');
    expect(otherHostHits).toBe(0);
  });

  it('answers unknown on timeouts and refused connections', async () => {
    expect((await verifyAppwriteKey(LIVE, { endpoint: endpoint.replace('/v1', '/v1/slow'), projectId: 'shop', timeoutMs: 100 })).detail).toMatch(/timed out/);
    expect((await verifyAppwriteKey(LIVE, { endpoint: 'http://127.0.0.1:1/v1', projectId: 'shop' })).liveness).toBe('unknown');
  });

  it('classifies a non-JSON 502 as unknown', () => {
    expect(classify(502, '', 'shop').liveness).toBe('unknown');
  });
});
