import { UsageError } from '../core/errors.js';

const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30m`, `24h`, `7d`, `90s`, `0` -> milliseconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') return 0;
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(t);
  return m ? Number(m[1]) * UNITS[m[2] as keyof typeof UNITS] : undefined;
}

export function requireDuration(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError(`${flag} "${text}" is not a duration`, { hint: 'write it as 30m, 24h or 7d (0 for none)' });
  return ms;
}

export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  for (const [u, f] of [['d', UNITS.d], ['h', UNITS.h], ['m', UNITS.m], ['s', UNITS.s]] as const) if (ms % f === 0) return `${ms / f}${u}`;
  return `${ms}ms`;
}
