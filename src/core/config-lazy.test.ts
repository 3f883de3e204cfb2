import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfigTextLazily } from './config-lazy.js';
import { SECTION_LOADERS } from './config-section-loaders.js';
import { configSchema, parseConfigText } from './config-schema.js';
import { InputError } from './errors.js';

type Outcome = { ok: unknown } | { error: string; position: unknown; hint?: string };

function full(text: string): Outcome {
  try {
    return { ok: parseConfigText(text, 'cfg.yaml') };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { error: err.message, position: err.position, hint: err.hint };
  }
}

async function lazy(text: string): Promise<Outcome> {
  try {
    return { ok: await parseConfigTextLazily(text, 'cfg.yaml') };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { error: err.message, position: err.position, hint: err.hint };
  }
}

const CORPUS: [string, string, 'ok' | 'error'][] = [
  ['an empty file', '', 'ok'],
  ['only failOn', 'failOn: critical\n', 'ok'],
  ['$schema and core sections', '$schema: ./schema/appwrite-secops.schema.json\nfailOn: medium\nchecks:\n  exclude: [github/*]\n  severity: { selfhost/https-enforced: low }\nevidence:\n  retentionDays: 400\n', 'ok'],
  ['an exception', 'exceptions:\n  - check: selfhost/*\n    reason: accepted for the migration window\n    owner: platform team\n    expires: 2027-01-31\n', 'ok'],
  ['every area section', [
    'gates: { minScore: 80, authzResults: [authz.xml] }',
    'monitoring: { runbooksDir: ops/runbooks }',
    'secrets: { exclude: [fixtures/**], workers: 0 }',
    'appwriteProject: { sessionsLimit: 5, usedProtocols: [rest, websocket] }',
    'threatModel:',
    '  boundaries: [{ id: server, trusted: true }]',
    '  servicePaths: [{ id: api, files: [src/**], runtime: server, auth: key, boundary: server }]',
    'environments:',
    '  prod: { endpoint: https://appwrite.example.com/v1, projectId: shop, credentialEnv: APPWRITE_PROD_KEY, production: true }',
    'live: { keys: { maxUnusedDays: 30 } }',
    'dependencies: { prodOnly: true, sla: { critical: 3 } }',
    'store: { url: sqlite:.secops/store.db }',
    'keys: { services: { orders-api: { scopes: [rows.read], environments: [prod] } } }',
    '',
  ].join('\n'), 'ok'],
  ['a bad failOn', 'failOn: extreme\n', 'error'],
  ['an exception missing its owner and with a bad date', 'exceptions:\n  - check: x/y\n    reason: because it is fine\n    expires: 2027-02-30\n', 'error'],
  ['unknown top-level keys', 'failOn: high\nfailon: low\nexception: []\n', 'error'],
  ['unknown keys next to bad known ones', 'gatez: {}\nfailOn: nope\nstore: { url: mysql://x }\nzzz: 1\n', 'error'],
  ['an unknown nested key', 'secrets: { excludes: [a] }\n', 'error'],
  ['a secret instead of a variable name', 'environments:\n  prod: { endpoint: https://x.example.com/v1, projectId: p, credentialEnv: standard_0123456789abcdef }\n', 'error'],
  ['a threat model path behind an unknown boundary', 'threatModel:\n  servicePaths: [{ id: web, files: [app/**], runtime: client, auth: key, boundary: browser }]\n', 'error'],
  ['a key service with both scopes and derive', 'keys: { services: { billing: { scopes: [users.read], derive: code, paths: [fn] } } }\n', 'error'],
  ['a null section', 'checks:\n', 'error'],
  ['a section of the wrong type', 'dependencies: [1, 2]\nlive: 3\n', 'error'],
  ['a list at the top', '- a\n- b\n', 'error'],
  ['broken YAML', 'failOn: [\n', 'error'],
  ['duplicate keys', 'failOn: high\nfailOn: low\n', 'error'],
  ['JSON', '{"failOn": "low", "gates": {"minScore": 50}}', 'ok'],
];

describe('section-by-section config validation', () => {
  it('walks every key of the whole schema, in its order', () => {
    expect(SECTION_LOADERS.map(([k]) => k)).toEqual(Object.keys(configSchema.shape));
  });

  it('loads for each key the very schema object the whole schema uses', async () => {
    for (const [key, load] of SECTION_LOADERS) expect((await load())[key], key).toBe(configSchema.shape[key as keyof typeof configSchema.shape]);
  });

  it.each(CORPUS)('gives what the whole schema gives: %s', async (_, text, kind) => {
    const want = full(text);
    expect(kind === 'ok' ? 'ok' in want : 'error' in want).toBe(true);
    expect(await lazy(text)).toEqual(want);
  });

  it('gives the same for every example config', async () => {
    const root = fileURLToPath(new URL('../../examples/', import.meta.url));
    const configs = (await readdir(root, { recursive: true })).filter((f) => /(^|\/)appwrite-secops\.ya?ml$/.test(f));
    expect(configs.length).toBeGreaterThan(0);
    for (const rel of configs) {
      const text = await readFile(root + rel, 'utf8');
      expect(await lazy(text), rel).toEqual(full(text));
    }
  });
});
