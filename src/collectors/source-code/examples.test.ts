/**
 * The example apps end to end: collector -> facts -> this area's checks. Server-side key use must stay
 * clean; every planted client-side mistake must be found, and nothing else.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clientChecks } from '../../checks/client/index.js';
import { endpointsChecks } from '../../checks/endpoints/index.js';
import { scopesChecks } from '../../checks/scopes/index.js';
import { renderInventory } from '../../code/render.js';
import type { CollectContext } from '../../core/collector.js';
import { defaultConfig } from '../../core/config.js';
import { configSchema } from '../../core/config-schema.js';
import type { Finding } from '../../core/finding.js';
import { Redactor } from '../../core/redact.js';
import { runChecks } from '../../core/runner.js';
import { Workspace } from '../../core/workspace.js';
import { sourceCodeCollector } from './index.js';

const APPS = fileURLToPath(new URL('../../../examples/apps/', import.meta.url));
const FAKE_KEY = `standard_${'deadbeefcafef00d'.repeat(16)}`;
const checks = [...clientChecks, ...endpointsChecks, ...scopesChecks];

async function auditApp(app: string, config = defaultConfig()): Promise<{ findings: Finding[]; facts: unknown; redactor: Redactor }> {
  const redactor = new Redactor();
  const ctx: CollectContext = {
    workspace: new Workspace(`${APPS}${app}`),
    config,
    inputs: {},
    redactor,
    now: new Date('2026-11-29T12:00:00Z'),
    diagnose: () => {},
    progress: () => {},
    recordInput: () => {},
  };
  const state = await sourceCodeCollector.collect(ctx);
  const findings = await runChecks(checks, { states: new Map([['source-inventory', state]]) }, { config, now: ctx.now, redactor });
  return { findings, facts: state, redactor };
}

const failing = (fs: Finding[]) =>
  fs
    .filter((f) => f.status === 'fail' || f.status === 'error')
    .map((f) => `${f.checkId} ${f.location?.path ?? ''}${f.location?.line ? `:${f.location.line}` : ''}`)
    .sort();

const NO_TM = 'endpoints/covered-by-threat-model';

const expected: Record<string, string[]> = {
  'nextjs-app-router': [
    'client/no-api-key-in-client src/components/AdminPanel.tsx:9',
    'client/no-api-key-in-client src/lib/reports.ts:8',
    'client/no-public-env-keys .env.production:4',
    'client/no-public-env-keys src/components/AdminPanel.tsx:9',
    'client/no-public-env-keys src/lib/reports.ts:8',
    'client/no-server-sdk-in-client src/components/AdminPanel.tsx:3',
    'client/no-server-sdk-in-client src/lib/reports.ts:1',
    `${NO_TM} src/app/api/orders/route.ts:7`,
    'endpoints/no-key-only-calls-from-client src/components/AdminPanel.tsx:15',
    'endpoints/privileged-writes-use-key src/app/profile/actions.ts:11',
  ],
  'nextjs-pages-router': [
    'client/no-api-key-in-client pages/admin.jsx:8',
    'client/no-public-env-keys .env.local:5',
    'client/no-public-env-keys pages/admin.jsx:8',
    'client/no-server-sdk-in-client pages/admin.jsx:2',
    `${NO_TM} pages/admin.jsx:13`,
  ],
  'vite-react': ['client/no-api-key-in-client src/api/admin.ts:8', 'client/no-public-env-keys .env:4', 'client/no-public-env-keys src/api/admin.ts:8', `${NO_TM} src/pages/Todos.tsx:8`],
  sveltekit: [
    'client/no-api-key-in-client src/lib/stats.ts:5',
    'client/no-public-env-keys .env:5',
    'client/no-public-env-keys src/lib/stats.ts:5',
    'client/no-server-sdk-in-client src/lib/stats.ts:1',
    `${NO_TM} src/lib/stats.ts:8`,
  ],
  'appwrite-function': [`${NO_TM} functions/cleanup-inactive/src/main.js:14`, 'scopes/least-privilege appwrite.json:18'],
  flutter: [
    'client/no-api-key-in-client lib/services/admin_service.dart:8',
    'client/no-api-key-in-client lib/services/sync_service.dart:7',
    'client/no-server-sdk-in-client lib/services/admin_service.dart:1',
    `${NO_TM} lib/appwrite.dart:12`,
    'endpoints/no-key-only-calls-from-client lib/services/admin_service.dart:12',
  ],
  'react-native': ['client/no-api-key-in-client app/settings.tsx:8', 'client/no-public-env-keys .env:5', 'client/no-public-env-keys app/settings.tsx:8', `${NO_TM} app/index.tsx:8`],
};

/** Files that use an API key correctly, on the server: they must stay clean. */
const cleanServerFiles: Record<string, string[]> = {
  'nextjs-app-router': ['src/lib/server/appwrite.ts', 'src/app/api/orders/route.ts', 'src/app/dashboard/page.tsx'],
  'nextjs-pages-router': ['pages/index.jsx', 'pages/api/authors.js', 'lib/server-appwrite.js'],
  sveltekit: ['src/lib/server/appwrite.ts', 'src/routes/admin/+page.server.ts'],
  'appwrite-function': ['functions/cleanup-inactive/src/main.js', 'functions/welcome-email/src/main.py'],
};

describe('example apps', () => {
  for (const [app, want] of Object.entries(expected)) {
    it(`${app}: finds the planted mistakes and nothing on the server side`, async () => {
      const { findings } = await auditApp(app);
      expect(failing(findings)).toEqual([...want].sort());
      // Server-side key use is never a finding of any kind.
      const flagged = new Set(findings.filter((x) => x.status === 'fail' && x.checkId !== NO_TM).map((x) => x.location?.path));
      for (const file of cleanServerFiles[app] ?? []) expect(flagged.has(file), file).toBe(false);
    });
  }

  it('suggests the minimal scopes for the over-scoped function', async () => {
    const { findings } = await auditApp('appwrite-function');
    const f = findings.find((x) => x.checkId === 'scopes/least-privilege' && x.status === 'fail')!;
    expect(f.evidence).toMatchObject({ excess: 'buckets.read files.write', needed: 'rows.read rows.write users.read users.write' });
    expect(f.resource).toEqual({ type: 'function', id: 'cleanup-inactive' });
  });

  it('never lets the fake key out: facts, findings and every inventory format show it redacted', async () => {
    for (const app of ['nextjs-app-router', 'vite-react']) {
      const env = await readFile(`${APPS}${app}/${app === 'vite-react' ? '.env' : '.env.production'}`, 'utf8');
      expect(env).toContain(FAKE_KEY);
      const { findings, facts, redactor } = await auditApp(app);
      const inv = (facts as { value: Parameters<typeof renderInventory>[0] }).value;
      const outputs = [JSON.stringify(findings), JSON.stringify(facts), ...(['text', 'markdown', 'json'] as const).map((f) => renderInventory(inv, f))];
      for (const o of outputs) expect(o).not.toContain(FAKE_KEY.slice(9, 60));
      expect(redactor.scrub(`x ${FAKE_KEY} y`)).not.toContain(FAKE_KEY);
    }
  });

  it('with a threat model covering the app, coverage passes and declared session writes are accepted', async () => {
    const config = configSchema.parse({
      threatModel: {
        boundaries: [
          { id: 'browser', trusted: false },
          { id: 'server', trusted: true },
        ],
        servicePaths: [
          { id: 'api', files: ['src/app/api/**', 'src/app/dashboard/**'], runtime: 'server', auth: ['key', 'session'], boundary: 'server', permissionBoundary: { scopes: ['rows.write', 'documents.read', 'users.read', 'users.write'] } },
          { id: 'profile', files: ['src/app/profile/**'], runtime: 'server', auth: 'session', boundary: 'server' },
          { id: 'server-lib', files: ['src/lib/server/**'], runtime: 'server', auth: ['key', 'session'], boundary: 'server' },
          { id: 'browser', files: ['src/components/**', 'src/lib/*.ts'], runtime: 'client', auth: 'session', boundary: 'browser' },
        ],
      },
    });
    const { findings } = await auditApp('nextjs-app-router', config);
    const got = failing(findings);
    expect(got.filter((g) => g.startsWith('endpoints/covered-by-threat-model'))).toEqual([]);
    expect(got.filter((g) => g.startsWith('endpoints/privileged-writes-use-key'))).toEqual([]);
    // The browser path declares session auth; the code uses a key there.
    expect(got.filter((g) => g.startsWith('endpoints/matches-threat-model'))).toEqual(['endpoints/matches-threat-model src/components/AdminPanel.tsx:15', 'endpoints/matches-threat-model src/lib/reports.ts:13']);
    // The api path's key holds users.write, which no call there needs.
    expect(got.filter((g) => g.startsWith('scopes/'))).toEqual(['scopes/least-privilege src/app/api/orders/route.ts:12']);
  });
});
