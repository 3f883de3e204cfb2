import { describe, expect, it } from 'vitest';
import { findSpecOperation } from '../../test/support/spec-schemas/validate.js';
import { appliesTo, OPERATIONS, requiredScopes } from './operations.js';

// Routes the 1.8.x spec cannot vouch for: added in 1.9.5, or without an SDK method.
const NOT_IN_1_8_SPEC = new Set(['health.version', 'project.get', 'project.listPolicies', 'project.listKeys', 'project.listPlatforms', 'project.listMockPhones', 'webhooks.list']);

describe('live operations', () => {
  it('match the 1.8.x spec for method, path and scopes', () => {
    for (const op of Object.values(OPERATIONS)) {
      const spec = findSpecOperation(op.method, op.path);
      if (NOT_IN_1_8_SPEC.has(op.id)) {
        expect(spec, `${op.id} unexpectedly in the 1.8 spec`).toBeUndefined();
        continue;
      }
      expect(spec, `${op.id} ${op.path} not in the spec`).toBeDefined();
      expect([...op.scopes].sort(), op.id).toEqual([...spec!.scopes].sort());
    }
  });

  it('need read scopes only, on 1.9.5+', () => {
    const { key, consoleOnly } = requiredScopes('1.9.6');
    expect(key.map((s) => s.scope)).toEqual(['buckets.read', 'databases.read', 'functions.read', 'keys.read', 'mocks.read', 'platforms.read', 'project.policies.read', 'project.read', 'tables.read', 'teams.read', 'users.read', 'webhooks.read']);
    expect(key.find((s) => s.scope === 'project.policies.read')?.aliases).toEqual(['policies.read']);
    expect(consoleOnly).toEqual([]);
  });

  it('before 1.9.5, the key reads data and the console the rest', () => {
    const { key, consoleOnly } = requiredScopes('1.8.1');
    expect(key.map((s) => s.scope)).toEqual(['buckets.read', 'databases.read', 'functions.read', 'tables.read', 'teams.read', 'users.read']);
    expect(consoleOnly.map((o) => o.id)).toEqual(['console.getProject']);
    expect(requiredScopes('1.7.4').key.map((s) => s.scope)).toContain('collections.read');
  });

  it('pick routes by server version', () => {
    expect(appliesTo(OPERATIONS['tablesDB.list'], '1.8.0')).toBe(true);
    expect(appliesTo(OPERATIONS['databases.list'], '1.8.0')).toBe(false);
    expect(appliesTo(OPERATIONS['project.listKeys'], '1.9.0')).toBe(false);
    expect(appliesTo(OPERATIONS['project.listKeys'], '2.4.0')).toBe(true);
  });
});
