import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../audit.js';
import { githubChecks } from '../../checks/github/index.js';
import { githubOnlineCollector } from './index.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Route = (req: IncomingMessage) => { status: number; body?: unknown; headers?: Record<string, string> };
let routes: Record<string, Route> = {};
let seen: { url: string; auth?: string }[] = [];
let server: Server;
let base: string;
const TOKEN = 'ghp_CANARYtokenCANARYtokenCANARYtoken0000';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ url: req.url!, auth: req.headers.authorization });
    const r = routes[req.url!]?.(req) ?? { status: 404, body: { message: 'Not Found' } };
    res.writeHead(r.status, { 'content-type': 'application/json', ...(r.headers ?? {}) });
    res.end(r.status === 204 ? undefined : JSON.stringify(r.body ?? {}));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.GITHUB_TOKEN = TOKEN;
});
afterAll(async () => {
  delete process.env.GITHUB_TOKEN;
  await new Promise((ok) => server.close(ok));
});

const sa = (on: boolean) => ({ secret_scanning: { status: on ? 'enabled' : 'disabled' }, secret_scanning_push_protection: { status: on ? 'enabled' : 'disabled' }, dependabot_security_updates: { status: on ? 'enabled' : 'disabled' } });

async function run() {
  const dir = await mkdtemp(path.join(tmpdir(), 'gh-online-'));
  return audit({ root: dir, checks: githubChecks, collectors: [githubOnlineCollector], inputs: { github: 'acme/app', githubApi: base } });
}

describe('GitHub repository controls against a local API', () => {
  it('a well-configured repository passes every check', async () => {
    seen = [];
    routes = {
      '/repos/acme/app': () => ({ status: 200, body: { default_branch: 'main', security_and_analysis: sa(true) } }),
      '/repos/acme/app/vulnerability-alerts': () => ({ status: 204 }),
      '/repos/acme/app/dependency-graph/sbom': () => ({ status: 200, body: { sbom: {} } }),
      '/repos/acme/app/branches/main/protection': () => ({ status: 200, body: { required_pull_request_reviews: { required_approving_review_count: 1 }, allow_force_pushes: { enabled: false } } }),
    };
    const r = await run();
    expect(r.findings.map((f) => `${f.checkId}:${f.status}`).sort()).toEqual(githubChecks.map((c) => `${c.meta.id}:pass`).sort());
    expect(seen.every((s) => s.auth === `Bearer ${TOKEN}`)).toBe(true);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });

  it('reports settings that are off, and a ruleset counts as protection', async () => {
    routes = {
      '/repos/acme/app': () => ({ status: 200, body: { default_branch: 'main', security_and_analysis: sa(false) } }),
      '/repos/acme/app/vulnerability-alerts': () => ({ status: 404, body: { message: 'Vulnerability alerts are disabled.' } }),
      '/repos/acme/app/dependency-graph/sbom': () => ({ status: 404, body: { message: 'Dependency graph is disabled for this repository.' } }),
      '/repos/acme/app/branches/main/protection': () => ({ status: 404, body: { message: 'Branch not protected' } }),
      '/repos/acme/app/rules/branches/main': () => ({ status: 200, body: [{ type: 'pull_request', parameters: { required_approving_review_count: 1 } }, { type: 'non_fast_forward' }] }),
    };
    const r = await run();
    const failing = r.findings.filter((f) => f.status === 'fail').map((f) => f.checkId).sort();
    expect(failing).toEqual(['github/dependabot-alerts-enabled', 'github/dependabot-security-updates', 'github/dependency-graph-enabled', 'github/push-protection-enabled', 'github/secret-scanning-enabled']);
    expect(r.findings.find((f) => f.checkId === 'github/default-branch-protected')!.status).toBe('pass');
  });

  it('a token without admin rights gives could-not-tell, never a pass', async () => {
    routes = {
      '/repos/acme/app': () => ({ status: 200, body: { default_branch: 'main' } }),
      '/repos/acme/app/vulnerability-alerts': () => ({ status: 403, body: { message: 'Must have admin rights to Repository.' } }),
      '/repos/acme/app/dependency-graph/sbom': () => ({ status: 200, body: {} }),
      '/repos/acme/app/branches/main/protection': () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
    };
    const r = await run();
    const errors = r.findings.filter((f) => f.status === 'error').map((f) => f.checkId).sort();
    expect(errors).toEqual(['github/default-branch-protected', 'github/dependabot-alerts-enabled', 'github/dependabot-security-updates', 'github/push-protection-enabled', 'github/secret-scanning-enabled']);
    expect(r.summary.complete).toBe(false);
  });

  it('retries server errors, and an unreachable repository is an error for every check', async () => {
    let calls = 0;
    routes = { '/repos/acme/app': () => (++calls < 2 ? { status: 502, headers: { 'retry-after': '0' } } : { status: 404, body: { message: 'Not Found' } }) };
    const r = await run();
    expect(calls).toBe(2);
    expect(r.findings.every((f) => f.status === 'error')).toBe(true);
    expect(r.findings[0]!.message).toMatch(/not found \(404\)/);
  });
});
