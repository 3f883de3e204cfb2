import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fn, inventory, keyUse, site } from '../code/fixtures.js';
import { buildInventory } from '../code/inventory.js';
import { Workspace } from '../core/workspace.js';
import { threatModelSchema } from './config.js';
import { draftThreatModel, draftYaml, mergeIntoConfig } from './draft.js';

const APPS = fileURLToPath(new URL('../../examples/apps/', import.meta.url));

describe('draftThreatModel', () => {
  it('groups files by runtime and auth, with operations and minimal key scopes', () => {
    const inv = inventory({
      callSites: [
        site('users.list', { path: 'app/api/users/route.ts' }),
        site('tablesDB.createRow', { path: 'app/api/orders/route.ts' }),
        site('account.get', { path: 'app/api/orders/route.ts', auth: 'session' }),
        site('tablesDB.listRows', { path: 'src/ui/List.tsx', runtime: 'client', auth: 'session' }),
        site('users.delete', { path: 'src/ui/Admin.tsx', runtime: 'client', auth: 'key' }),
        site('users.get', { path: 'functions/f/main.js', runtime: 'function', functionId: 'f' }),
        site('account.get', { path: 'weird/x.ts', runtime: 'unknown', auth: 'session' }),
      ],
      functions: [fn({ id: 'f', scopes: ['users.read', 'users.write'] })],
      keyUses: [keyUse({ path: 'src/ui/Admin.tsx', runtime: 'client' })],
    });
    const d = draftThreatModel(inv);
    expect(d.threatModel.boundaries.map((b) => [b.id, b.trusted])).toEqual([
      ['browser-and-apps', false],
      ['app-servers', true],
      ['appwrite-functions', true],
    ]);
    const paths = Object.fromEntries(d.threatModel.servicePaths.map((p) => [p.id, p]));
    expect(Object.keys(paths).sort()).toEqual(['client-session', 'function-f', 'server-key', 'server-key-session']);
    expect(paths['function-f']).toMatchObject({ files: ['functions/f/**'], runtime: 'function', auth: 'key', permissionBoundary: { scopes: ['users.read'] }, operations: ['users.get'] });
    expect(paths['server-key-session']).toMatchObject({ files: ['app/api/orders/route.ts'], auth: ['key', 'session'], permissionBoundary: { scopes: ['rows.write'] } });
    expect(paths['server-key']).toMatchObject({ files: ['app/api/users/route.ts'], permissionBoundary: { scopes: ['users.read'] } });
    // A key in client code is never declared: the client path stays session-only.
    expect(paths['client-session']).toMatchObject({ files: ['src/ui/Admin.tsx', 'src/ui/List.tsx'], auth: 'session', permissionBoundary: { roles: ['users'] } });
    expect(d.clientKeyFiles).toEqual(['src/ui/Admin.tsx']);
    expect(d.unplaced).toEqual(['weird/x.ts']);
    expect(threatModelSchema.safeParse(d.threatModel).success).toBe(true);
  });

  it('drafts every example app into a valid config that covers all its call sites', async () => {
    for (const app of ['nextjs-app-router', 'sveltekit', 'appwrite-function', 'flutter']) {
      const inv = await buildInventory({ workspace: new Workspace(`${APPS}${app}`) });
      const d = draftThreatModel(inv);
      const yaml = draftYaml(d);
      const tm = threatModelSchema.parse((parse(yaml) as { threatModel: unknown }).threatModel);
      const covered = (file: string) => tm.servicePaths.some((p) => p.files.some((g) => g === file || (g.endsWith('/**') && file.startsWith(g.slice(0, -2)))));
      expect(inv.callSites.filter((s) => !covered(s.path)).map((s) => s.path), app).toEqual([]);
      expect(yaml).toMatch(/^# Threat model drafted by/);
    }
  });
});

describe('mergeIntoConfig', () => {
  const d = draftThreatModel(inventory({ callSites: [site('users.list', { path: 'api/a.ts' })] }));
  it('adds the section to a YAML config, keeping its settings and comments', () => {
    const merged = mergeIntoConfig('# team config\nfailOn: medium # strict\n', d, 'appwrite-secops.yaml', false, false);
    expect(merged).toContain('# team config');
    expect(merged).toContain('failOn: medium # strict');
    expect((parse(merged) as { threatModel: { servicePaths: unknown[] } }).threatModel.servicePaths).toHaveLength(1);
  });
  it('refuses to replace an existing section without force, and replaces it with force', () => {
    const existing = 'threatModel:\n  servicePaths: []\n';
    expect(() => mergeIntoConfig(existing, d, 'c.yaml', false, false)).toThrow(/already has a threatModel section/);
    expect((parse(mergeIntoConfig(existing, d, 'c.yaml', true, false)) as { threatModel: { servicePaths: unknown[] } }).threatModel.servicePaths).toHaveLength(1);
  });
  it('handles JSON configs and reports broken ones with the file name', () => {
    const merged = JSON.parse(mergeIntoConfig('{"failOn":"low"}', d, 'c.json', false, true)) as Record<string, unknown>;
    expect(merged.failOn).toBe('low');
    expect(merged.threatModel).toBeDefined();
    expect(() => mergeIntoConfig('{', d, 'c.json', false, true)).toThrow(/cannot add the threat model to c\.json/);
    expect(() => mergeIntoConfig('a: [', d, 'c.yaml', false, false)).toThrow(/c\.yaml/);
  });
});
