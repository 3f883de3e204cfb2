import { describe, expect, it } from 'vitest';
import { DAY_MS, judgeValidation, type JudgeInput } from './judge.js';

const delivered = new Date('2026-11-01T12:00:00Z');
const at = (h: number) => new Date(delivered.getTime() + h * 3_600_000);
const base: JudgeInput = { now: at(1), deliveredAt: delivered, idleWindowMs: 0, next: { accessedAt: null, sdks: [] }, old: { accessedAt: '2026-10-20T00:00:00Z' } };

describe('judgeValidation', () => {
  const cases: [string, Partial<JudgeInput>, boolean, RegExp][] = [
    ['new key unused: wait', {}, false, /has not been used yet.*24 hours/],
    ['new key used, old silent for more than a day before delivery', { next: { accessedAt: at(0.5).toISOString(), sdks: ['Node.js'] } }, true, /in use/],
    ['old key used after delivery: something still runs on it', { next: { accessedAt: at(0.5).toISOString(), sdks: [] }, old: { accessedAt: at(0.7).toISOString() } }, false, /after the new key was delivered/],
    ['old use within 24h of delivery: silence is not proven yet', { next: { accessedAt: at(0.5).toISOString(), sdks: [] }, old: { accessedAt: at(-2).toISOString() }, idleWindowMs: 3_600_000 }, false, /must stay idle until 2026-11-02T11:00/],
    ['... and proven a day later', { now: at(23), next: { accessedAt: at(0.5).toISOString(), sdks: [] }, old: { accessedAt: at(-2).toISOString() }, idleWindowMs: 3_600_000 }, true, /idle for the 1h window/],
    ['the probe replaces the day-granularity proof', { probe: { ok: true, detail: 'exit 0' }, old: { accessedAt: at(-2).toISOString() }, idleWindowMs: 3_600_000 }, true, /probe succeeded/],
    ['a failing probe fails', { probe: { ok: false, detail: 'exit 1' } }, false, /probe failed: exit 1/],
    ['the idle window still applies with a probe', { probe: { ok: true, detail: 'exit 0' }, idleWindowMs: 2 * DAY_MS }, false, /idle window 2d/],
    ['old key already gone', { probe: { ok: true, detail: '' }, old: undefined }, true, /already gone/],
    ['new key gone', { next: undefined }, false, /no longer exists/],
  ];
  for (const [name, over, passed, reason] of cases) {
    it(name, () => {
      const r = judgeValidation({ ...base, ...over });
      expect(r.passed).toBe(passed);
      expect(r.reasons.join(' | ')).toMatch(reason);
      if (!passed && r.retryAfter) expect(Date.parse(r.retryAfter)).toBeGreaterThan(Date.parse(r.at) - 1);
    });
  }
});
