import type { Config } from '../core/config.js';
import { CONTROLS, type GateInput } from './controls.js';
import { STATUS_VALUE, type ControlResult, type GateResult } from './model.js';

export const GATE_SCHEMA_VERSION = '1.0.0';

/** Evaluates every control, the score and the decision. Pure: the same input gives the same result. */
export function evaluateGates(input: GateInput, opts: { auditRun?: string } = {}): GateResult {
  const overrides = input.config.gates;
  const controls: ControlResult[] = CONTROLS.map((def) => {
    const o = overrides.controls[def.id] ?? {};
    const r = def.evaluate(input);
    return { id: def.id, title: def.title, family: def.family, weight: o.weight ?? def.weight, critical: o.critical ?? def.critical, ...r };
  });
  const criticalMissing = controls.filter((c) => c.critical && c.status === 'missing');
  const g5: ControlResult = {
    id: 'G5',
    title: 'No critical control missing',
    family: 'release',
    weight: 0,
    critical: true,
    status: criticalMissing.length ? 'missing' : 'met',
    summary: criticalMissing.length ? `Missing critical control(s): ${criticalMissing.map((c) => c.id).join(', ')}.` : 'Every critical control is met, partial or not applicable.',
    evidence: criticalMissing.map((c) => ({ kind: 'note', ref: c.id, detail: c.summary })),
  };
  const all = [...controls.slice(0, 4), g5, ...controls.slice(4)];
  const applicable = all.filter((c) => c.status !== 'not-applicable' && c.weight > 0);
  const total = applicable.reduce((s, c) => s + c.weight, 0);
  const score = total === 0 ? 0 : Math.round((100 * applicable.reduce((s, c) => s + c.weight * STATUS_VALUE[c.status], 0)) / total);
  const decision = criticalMissing.length ? 'blocked' : score < overrides.minScore ? 'fail' : 'pass';
  return {
    schemaVersion: GATE_SCHEMA_VERSION,
    score,
    minScore: overrides.minScore,
    decision,
    controls: all,
    ...(opts.auditRun ? { auditRun: opts.auditRun } : {}),
    generatedAt: input.now.toISOString(),
  };
}

export type { Config };
