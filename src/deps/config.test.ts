import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { depsConfigSection } from './config.js';
import { depsConfigOf } from './settings.js';

describe('dependencies config section', () => {
  const root = z.strictObject({ ...depsConfigSection });

  it('defaults: the issue\'s SLAs, OSV API off during audit, everything judged', () => {
    expect(root.parse({}).dependencies).toEqual({
      prodOnly: false,
      sla: { critical: 7, high: 30, medium: 90, low: 180 },
      escalateOverdue: 'one-level',
      unratedSeverity: 'medium',
      osv: { api: 'https://api.osv.dev', online: false, timeoutMs: 30_000, retries: 4 },
      runAudit: false,
      auditTimeoutMs: 120_000,
    });
  });

  it('partial settings keep the other defaults', () => {
    const c = depsConfigOf(root.parse({ dependencies: { sla: { critical: 3 }, osv: { db: 'vendor/osv', online: true } } }));
    expect(c.sla).toEqual({ critical: 3, high: 30, medium: 90, low: 180 });
    expect(c.osv).toMatchObject({ db: 'vendor/osv', online: true, api: 'https://api.osv.dev' });
  });

  it('rejects typos and nonsense', () => {
    expect(root.safeParse({ dependencies: { slas: {} } }).success).toBe(false);
    expect(root.safeParse({ dependencies: { sla: { high: 0 } } }).success).toBe(false);
    expect(root.safeParse({ dependencies: { osv: { api: 'ftp://mirror' } } }).success).toBe(false);
    expect(root.safeParse({ dependencies: { escalateOverdue: 'twice' } }).success).toBe(false);
  });

  it('reads defaults from a config without the section (an embedder\'s hand-made config)', () => {
    expect(depsConfigOf({ failOn: 'high' }).sla.high).toBe(30);
  });

  it('exports to JSON Schema for editors', () => {
    const schema = z.toJSONSchema(root, { io: 'input', unrepresentable: 'any' }) as unknown as { properties: { dependencies: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.dependencies.properties).sort()).toEqual(['auditTimeoutMs', 'escalateOverdue', 'osv', 'prodOnly', 'runAudit', 'sla', 'unratedSeverity']);
  });
});
