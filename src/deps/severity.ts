import { isSeverity, severityRank, type Severity } from '../core/severity.js';
import type { CvssScore } from './model.js';

/** Advisory ratings as tools print them (`moderate`, `MODERATE`, `High`) to our severities. */
export function normaliseSeverity(s: unknown): Severity | undefined {
  if (typeof s !== 'string') return undefined;
  const v = s.trim().toLowerCase();
  if (v === 'moderate') return 'medium';
  if (v === 'none' || v === 'informational') return 'info';
  return isSeverity(v) ? v : undefined;
}

/** CVSS qualitative rating of a base score (the same bands in v3.x and v4). */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

export function maxSeverity(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return severityRank(a) >= severityRank(b) ? a : b;
}

const W = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

/**
 * CVSS v3.0/v3.1 base score from a vector (`CVSS:3.1/AV:N/AC:L/...`), per the FIRST specification
 * (including v3.1's floating-point-safe Roundup). Undefined for a malformed vector.
 */
export function cvss3BaseScore(vector: string): number | undefined {
  const m = /^CVSS:3\.([01])\/(.*)$/.exec(vector.trim());
  if (!m) return undefined;
  const minor = m[1];
  const metrics = new Map<string, string>();
  for (const part of m[2]!.split('/')) {
    const [k, v] = part.split(':');
    if (!k || !v || metrics.has(k)) return undefined;
    metrics.set(k, v);
  }
  const get = <T extends Record<string, number>>(table: T, key: string): number | undefined => {
    const v = metrics.get(key);
    return v !== undefined && Object.hasOwn(table, v) ? table[v as keyof T] : undefined;
  };
  const scope = metrics.get('S');
  if (scope !== 'U' && scope !== 'C') return undefined;
  const changed = scope === 'C';
  const av = get(W.AV, 'AV');
  const ac = get(W.AC, 'AC');
  const ui = get(W.UI, 'UI');
  const pr = get(changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 }, 'PR');
  const c = get(W.CIA, 'C');
  const i = get(W.CIA, 'I');
  const a = get(W.CIA, 'A');
  if ([av, ac, ui, pr, c, i, a].some((x) => x === undefined)) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * av! * ac! * pr! * ui!;
  if (impact <= 0) return 0;
  const raw = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
  return minor === '1' ? roundUp31(raw) : Math.ceil(raw * 10) / 10;
}

function roundUp31(x: number): number {
  const int = Math.round(x * 100_000);
  return int % 10_000 === 0 ? int / 100_000 : (Math.floor(int / 10_000) + 1) / 10;
}

/** Reads an OSV `severity[]` entry or an npm `cvss` object into a score record. */
export function cvssFrom(type: string | undefined, vector: string, score?: number): CvssScore | undefined {
  const v = vector.trim();
  if (!v) return undefined;
  if (v.startsWith('CVSS:4.0/') || type === 'CVSS_V4') return { version: '4.0', vector: v, ...(score !== undefined ? { score } : {}) };
  const m = /^CVSS:3\.([01])\//.exec(v);
  if (m) return { version: m[1] === '1' ? '3.1' : '3.0', vector: v, score: score ?? cvss3BaseScore(v) };
  if (type === 'CVSS_V2' || /^AV:[LAN]\/AC:/.test(v)) return { version: '2.0', vector: v, ...(score !== undefined ? { score } : {}) };
  return undefined;
}

/** The highest-version CVSS entry that has a score, else the highest version. */
export function bestCvss(list: readonly CvssScore[]): CvssScore | undefined {
  const order = { '4.0': 4, '3.1': 3, '3.0': 2, '2.0': 1 } as const;
  const scored = list.filter((c) => c.score !== undefined && c.score > 0);
  const pool = scored.length ? scored : list;
  return [...pool].sort((a, b) => order[b.version] - order[a.version])[0];
}
