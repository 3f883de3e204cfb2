import { describe, expect, it } from 'vitest';
import { renderScopesModule } from '../../scripts/generate-scopes.js';
import { ADMIN_SCOPES, ALL_PROJECT_SCOPE_COUNT, isAdminScope, isKnownScope, isWriteScope, PROJECT_SCOPES, scopeDescription } from './scopes.js';

describe('scopes', () => {
  it('knows the self-hosted, legacy and Cloud scope names', () => {
    expect(ALL_PROJECT_SCOPE_COUNT).toBe(PROJECT_SCOPES.length);
    expect(ALL_PROJECT_SCOPE_COUNT).toBeGreaterThan(80);
    for (const s of ['rows.write', 'documents.read', 'execution.write', 'events.read']) expect(isKnownScope(s), s).toBe(true);
    for (const s of ['rows.writ', 'admin', '']) expect(isKnownScope(s), s).toBe(false);
    expect(scopeDescription('users.write')).toMatch(/users/i);
  });
  it('classifies write and admin scopes', () => {
    expect(['rows.read', 'rows.write', 'execution.write'].map(isWriteScope)).toEqual([false, true, true]);
    expect(isAdminScope('keys.write')).toBe(true);
    expect(isAdminScope('rows.write')).toBe(false);
    // Every admin scope is a real scope name: a typo here would silently never match.
    for (const s of ADMIN_SCOPES) expect(isKnownScope(s), s).toBe(true);
  });
  it('generator renders a module from the research file shape', () => {
    const out = renderScopesModule({
      version: '9.9.9',
      sources: [{ repo: 'appwrite/appwrite', ref: 'tag 9.9.9', commit: 'abcdef0123456789' }],
      project: [{ scope: 'a.read', description: 'A', category: 'X' }, { scope: 'b.write', deprecated: true }],
      legacy_1_8_1_project_scopes: [{ scope: 'a.read' }, { scope: 'old.write' }],
      cloud_only_per_node_appwrite_27_1_0: { scopes: ['cloud.read'] },
    });
    expect(out).toContain('SCOPES_SERVER_VERSION = "9.9.9"');
    expect(out).toContain('"deprecated": true');
    expect(out).toContain('LEGACY_ONLY_SCOPES: readonly string[] = ["old.write"]');
    expect(out).toContain('CLOUD_ONLY_SCOPES: readonly string[] = ["cloud.read"]');
  });
});
