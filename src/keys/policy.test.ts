import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { SourceInventory } from '../code/types.js';
import { keysConfigSection, keysSettingsSchema } from './config.js';
import { parseDuration } from './duration.js';
import { appliesIn, expectedKeyName, isUnmanaged, resolvePolicy } from './policy.js';

const section = z.strictObject(keysConfigSection);

describe('keys config', () => {
  it('fills defaults', () => {
    expect(section.parse({}).keys).toMatchObject({ naming: '{service}-{env}', maxAgeDays: 90, requireExpiry: true, expiryDays: 90, rotation: { idleWindow: '24h' } });
  });
  it('rejects a service with both or neither of scopes and derive', () => {
    expect(keysSettingsSchema.safeParse({ services: { a: {} } }).success).toBe(false);
    expect(keysSettingsSchema.safeParse({ services: { a: { scopes: ['x'], derive: 'code', paths: ['a'] } } }).success).toBe(false);
    expect(keysSettingsSchema.safeParse({ services: { a: { derive: 'code' } } }).success).toBe(false);
    expect(keysSettingsSchema.safeParse({ services: { a: { derive: 'code', paths: ['svc/a'] } } }).success).toBe(true);
  });
  it('rejects a secret where a variable name belongs, a bad duration, unknown keys', () => {
    expect(keysSettingsSchema.safeParse({ environments: { prod: { adminCredentialEnv: `standard_${'ab'.repeat(20)}!` } } }).success).toBe(false);
    expect(keysSettingsSchema.safeParse({ rotation: { idleWindow: 'soon' } }).success).toBe(false);
    expect(keysSettingsSchema.safeParse({ service: {} }).success).toBe(false);
    expect(keysSettingsSchema.safeParse({ naming: '{env}' }).success).toBe(false);
  });
  it('parses durations', () => {
    expect([parseDuration('0'), parseDuration('30m'), parseDuration('24h'), parseDuration('7d'), parseDuration('1 day')]).toEqual([0, 1_800_000, 86_400_000, 604_800_000, undefined]);
  });
});

describe('resolvePolicy', () => {
  const inventory = {
    callSites: [
      { path: 'svc/orders/a.ts', line: 1, operationId: 'tablesDB.listRows', keyScopes: ['rows.read'], auth: 'key' },
      { path: 'svc/orders/b.ts', line: 2, operationId: 'tablesDB.createRow', keyScopes: ['rows.write'], auth: 'unknown' },
      { path: 'svc/orders-admin/c.ts', line: 3, operationId: 'users.delete', keyScopes: ['users.write'], auth: 'key' },
      { path: 'svc/orders/d.ts', line: 4, operationId: 'account.get', keyScopes: ['account'], auth: 'session' },
    ],
  } as unknown as SourceInventory;
  it('derives the least-privilege scopes of the code under the service folder only', () => {
    const p = resolvePolicy(keysSettingsSchema.parse({ services: { orders: { derive: 'code', paths: ['svc/orders'] } } }), inventory);
    expect(p.services[0]).toMatchObject({ service: 'orders', scopes: ['rows.read', 'rows.write'], scopesFrom: 'code', derivation: { calls: 2 } });
  });
  it('names keys and scopes environments', () => {
    const p = resolvePolicy(keysSettingsSchema.parse({ naming: 'svc-{service}-{env}', unmanaged: ['audit*'], services: { a: { scopes: ['x', 'x'], environments: ['prod'] }, b: { scopes: ['y'], keyName: 'legacy-{env}' } } }));
    expect(p.services.map((s) => expectedKeyName(s.keyName, s.service, 'prod'))).toEqual(['svc-a-prod', 'legacy-prod']);
    expect(p.services[0]!.scopes).toEqual(['x']);
    expect([appliesIn(p.services[0]!, 'stage'), appliesIn(p.services[1]!, 'stage')]).toEqual([false, true]);
    expect([isUnmanaged(p, 'audit-prod'), isUnmanaged(p, 'svc-a-prod')]).toEqual([true, false]);
  });
});
