import { createColors } from 'picocolors';
import type { GateResult } from './model.js';

export function renderGate(g: GateResult, format: 'text' | 'json', color: boolean): string {
  if (format === 'json') return `${JSON.stringify(g, null, 2)}\n`;
  const c = createColors(color);
  const paint = { met: c.green, partial: c.yellow, missing: c.red, 'not-applicable': c.dim } as const;
  const w = Math.max(...g.controls.map((x) => x.id.length));
  const lines = g.controls.map((x) => `  ${x.id.padEnd(w)}  ${paint[x.status](x.status.padEnd(14))} ${x.critical ? c.bold('critical') : '        '}  ${x.title}\n  ${' '.repeat(w)}  ${c.dim(x.summary)}`);
  const verdict = g.decision === 'pass' ? c.green('PASS') : g.decision === 'blocked' ? c.red('BLOCKED (a critical control is missing)') : c.red(`FAIL (score below ${g.minScore})`);
  return `Release gates\n${lines.join('\n')}\n\nReadiness score: ${c.bold(String(g.score))}/100   Decision: ${verdict}\n`;
}
