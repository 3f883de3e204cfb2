import { describe, expect, it } from 'vitest';
import { isBroadRole, isUnauthenticatedRole, modernRole, parsePermission, parseRole, principalClass, roleBreadth } from './permissions.js';

describe('parseRole', () => {
  const valid: [string, string, string | undefined, string | undefined][] = [
    // input, kind, id, qualifier
    ['any', 'any', undefined, undefined],
    ['guests', 'guests', undefined, undefined],
    ['users', 'users', undefined, undefined],
    ['users/verified', 'users', undefined, 'verified'],
    ['users/unverified', 'users', undefined, 'unverified'],
    ['user:5f1a2b', 'user', '5f1a2b', undefined],
    ['user:5f1a2b/verified', 'user', '5f1a2b', 'verified'],
    ['team:staff', 'team', 'staff', undefined],
    ['team:staff/owner', 'team', 'staff', 'owner'],
    ['member:64ab01', 'member', '64ab01', undefined],
    ['label:admin', 'label', 'admin', undefined],
    ['role:all', 'any', undefined, undefined],
    ['role:member', 'users', undefined, undefined],
    ['role:guest', 'guests', undefined, undefined],
  ];
  for (const [input, kind, id, qualifier] of valid) {
    it(`parses ${input}`, () => {
      const r = parseRole(input);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect([r.value.kind, r.value.id, r.value.qualifier]).toEqual([kind, id, qualifier]);
    });
  }
  const invalid = ['', 'everyone', 'users/admin', 'user:', 'user:a/b/c', 'user:x/admin', 'team:', 'member:a/b', 'label:has-dash', 'role:admin', 'group:x', 'user:-bad'];
  for (const input of invalid) {
    it(`rejects ${JSON.stringify(input)}`, () => expect(parseRole(input).ok).toBe(false));
  }
  it('modernises pre-1.0 roles only', () => {
    expect(['role:all', 'role:member', 'role:guest', 'team:x'].map(modernRole)).toEqual(['any', 'users', 'guests', 'team:x']);
  });
});

describe('parsePermission', () => {
  const cases: [string, string[], string][] = [
    ['read("any")', ['read'], 'any'],
    ['create("users")', ['create'], 'users'],
    ['update("team:a/admin")', ['update'], 'team:a/admin'],
    ['delete("user:abc")', ['delete'], 'user:abc'],
    // write is create + update + delete, never read
    ['write("users")', ['create', 'update', 'delete'], 'users'],
    [' read( "label:vip" ) ', ['read'], 'label:vip'],
  ];
  for (const [input, actions, role] of cases) {
    it(`parses ${input}`, () => {
      const p = parsePermission(input);
      expect(p.ok && { actions: [...p.value.actions], role: p.value.role.canonical }).toEqual({ actions, role });
    });
  }
  for (const bad of ['read(any)', "read('any')", 'list("any")', 'read("nobody")', 'read("any"', 'role:all', 'execute("any")']) {
    it(`rejects ${bad}`, () => {
      const p = parsePermission(bad);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.reason.length).toBeGreaterThan(10);
    });
  }
});

describe('principal classes', () => {
  const role = (s: string) => {
    const r = parseRole(s);
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  it('classifies and orders roles', () => {
    expect(['any', 'guests', 'users', 'users/verified', 'team:x', 'user:u'].map((s) => principalClass(role(s)))).toEqual(['public', 'guests', 'users', 'users', 'scoped', 'scoped']);
    expect(['any', 'guests', 'users/unverified', 'label:x'].map((s) => isBroadRole(role(s)))).toEqual([true, true, true, false]);
    expect(['any', 'guests', 'users'].map((s) => isUnauthenticatedRole(role(s)))).toEqual([true, true, false]);
    const order = ['user:u', 'member:m', 'team:t/admin', 'team:t', 'label:l', 'guests', 'users/verified', 'users/unverified', 'users', 'any'];
    const breadths = order.map((s) => roleBreadth(role(s)));
    expect([...breadths].sort((a, b) => a - b)).toEqual(breadths);
  });
});
