import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startFakeAppwrite, type FakeAppwrite } from '../support/fake-appwrite/index.js';
import { requiredScopes } from '../../src/live/operations.js';
import { cliAsync } from '../support/cli.js';

const KEY = `standard_${'ab34cd56'.repeat(32)}`;
let server: FakeAppwrite | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function ws(endpoint: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cli-live-'));
  await writeFile(path.join(dir, 'appwrite-secops.yaml'), stringify({ environments: { prod: { endpoint, projectId: 'shop', credentialEnv: 'SHOP_AUDIT_KEY', production: true } } }));
  return dir;
}

function seed(version: string) {
  return {
    projects: [
      {
        $id: 'shop',
        keys: [
          { name: 'audit', scopes: requiredScopes(version).key.map((s) => s.scope), secret: KEY, expire: '2027-06-01T00:00:00.000+00:00' },
          { name: 'backend', scopes: ['users.read', 'users.write'], expire: '' },
        ],
        platforms: [{ type: 'web', hostname: '*' }],
        webhooks: [{ url: 'http://hooks.example.com/appwrite', name: 'orders' }],
      },
    ],
  };
}

describe('audit --env against the Appwrite stand-in (built binary, official SDKs)', () => {
  for (const version of ['1.9.6', '2.4.0']) {
    it(`Appwrite ${version}: live findings, exit 1, no raw key anywhere`, async () => {
      server = await startFakeAppwrite({ version, seed: seed(version) });
      const dir = await ws(server.endpoint);
      const r = await cliAsync(['audit', dir, '--env', 'prod', '--format', 'json'], { env: { SHOP_AUDIT_KEY: KEY } });
      expect(r.stderr).not.toContain(KEY);
      expect(r.stdout).not.toContain(KEY);
      const json = JSON.parse(r.stdout) as { findings: { checkId: string; status: string }[] };
      const failing = new Set(json.findings.filter((f) => f.status === 'fail').map((f) => f.checkId));
      expect(failing).toContain('live/platforms-restricted');
      expect(failing).toContain('live/webhooks-secure');
      expect(r.status).toBe(1);
    });
  }

  it('Appwrite 1.8.1 without a console session: what only the console can read is could-not-tell', async () => {
    server = await startFakeAppwrite({ version: '1.8.1', seed: seed('1.8.1') });
    const dir = await ws(server.endpoint);
    const r = await cliAsync(['audit', dir, '--env', 'prod', '--format', 'json', '--fail-on', 'none'], { env: { SHOP_AUDIT_KEY: KEY } });
    const json = JSON.parse(r.stdout) as { summary: { complete: boolean } };
    expect(json.summary.complete).toBe(false);
    expect(r.status).toBe(3);
  });

  it('an unreachable server is exit 3, a missing credential variable exit 2', async () => {
    const dir = await ws('http://127.0.0.1:9/v1');
    const down = await cliAsync(['audit', dir, '--env', 'prod', '--fail-on', 'none', '-q'], { env: { SHOP_AUDIT_KEY: KEY } });
    expect(down.status).toBe(3);
    const missing = await cliAsync(['audit', dir, '--env', 'prod'], { env: { SHOP_AUDIT_KEY: undefined } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/SHOP_AUDIT_KEY/);
  });
});
