import { describe, expect, it } from 'vitest';
import type { AnyCheck } from '../../src/core/check.js';
import type { Config, ConfigInput } from '../../src/core/config.js';
import { configSchema } from '../../src/core/config-schema.js';
import type { Facts } from '../../src/core/facts.js';
import type { Finding } from '../../src/core/finding.js';
import { Redactor } from '../../src/core/redact.js';
import { runChecks } from '../../src/core/runner.js';

export const FIXED_NOW = new Date('2026-11-29T12:00:00Z');

export interface CheckCase {
  name: string;
  facts: Partial<Facts>;
  /** Settings as a config file would hold them; parsed by the real schema, so defaults fill the rest. */
  config?: ConfigInput;
  now?: Date;
}

export interface ExpectedReport {
  messageId: string;
  path?: string;
  line?: number;
  severity?: Finding['severity'];
  resourceId?: string;
  status?: 'fail' | 'error';
}

export interface InvalidCase extends CheckCase {
  errors: ExpectedReport[];
}

/** Runs one check through the real runner (so message ids, fingerprints and redaction are the real ones). */
export async function runCheck(check: AnyCheck, c: CheckCase): Promise<Finding[]> {
  const config: Config = configSchema.parse(c.config ?? {});
  const states = new Map(Object.entries(c.facts).map(([k, v]) => [k, { state: 'ok' as const, value: v }]));
  return runChecks([check], { states }, { config, now: c.now ?? FIXED_NOW, redactor: new Redactor() });
}

/** The messageId a finding came from is not stored; tests compare through the message template instead. */
function matchesMessageId(check: AnyCheck, f: Finding, messageId: string): boolean {
  const template = (check.messages as Record<string, string>)[messageId];
  if (template === undefined) throw new Error(`test names unknown messageId ${messageId} for ${check.meta.id}`);
  const pattern = new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\s*\w+\s*\\\}\\\}/g, '[\\s\\S]*?')}$`);
  return pattern.test(f.message);
}

/**
 * ESLint-RuleTester-style table: every `valid` case must produce a single `pass`; every `invalid` case
 * must produce exactly the listed reports (order-insensitive), compared by messageId, path, line,
 * severity and resource id where given.
 */
export function testCheck(check: AnyCheck, table: { valid: CheckCase[]; invalid: InvalidCase[] }): void {
  describe(check.meta.id, () => {
    it('has complete metadata', () => {
      expect(check.meta.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(check.meta.title).not.toMatch(/^Ensure/i);
      for (const k of ['title', 'risk', 'remediation'] as const) expect(check.meta[k].length).toBeGreaterThan(10);
      expect(Object.keys(check.messages).length).toBeGreaterThan(0);
    });
    expect(table.valid.length + table.invalid.length).toBeGreaterThan(0);
    for (const c of table.valid) {
      it(`valid: ${c.name}`, async () => {
        const findings = await runCheck(check, c);
        expect(findings.map((f) => `${f.status}: ${f.message}`)).toEqual(['pass: No problem found.']);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const findings = (await runCheck(check, c)).filter((f) => f.status === 'fail' || f.status === 'error');
        const unmatched = [...findings];
        for (const e of c.errors) {
          const i = unmatched.findIndex(
            (f) =>
              matchesMessageId(check, f, e.messageId) &&
              (e.path === undefined || f.location?.path === e.path) &&
              (e.line === undefined || f.location?.line === e.line) &&
              (e.severity === undefined || f.severity === e.severity) &&
              (e.resourceId === undefined || f.resource?.id === e.resourceId) &&
              (e.status === undefined || f.status === e.status),
          );
          expect(i, `expected report ${JSON.stringify(e)} among ${JSON.stringify(findings.map((f) => ({ message: f.message, location: f.location, severity: f.severity, resource: f.resource?.id, status: f.status })), null, 1)}`).toBeGreaterThanOrEqual(0);
          unmatched.splice(i, 1);
        }
        expect(unmatched.map((f) => f.message), 'unexpected extra reports').toEqual([]);
      });
    }
  });
}
