import { createColors } from 'picocolors';
import type { CheckMeta } from '../core/check.js';
import { compareSeverity } from '../core/severity.js';
import { compareText } from '../core/compare.js';

/** The check list as text, JSON or Markdown (the Markdown form is the README's catalog). */
export function renderCheckList(metas: readonly CheckMeta[], format: 'text' | 'json' | 'markdown'): string {
  const sorted = [...metas].sort((a, b) => compareText(a.id, b.id));
  if (format === 'json') return `${JSON.stringify(sorted, null, 2)}\n`;
  if (format === 'markdown') return renderCatalogMarkdown(sorted);
  const w = Math.max(...sorted.map((m) => m.id.length), 8);
  return `${sorted.map((m) => `${m.id.padEnd(w)}  ${m.severity.padEnd(8)}  ${m.title}`).join('\n')}\n${sorted.length} checks\n`;
}

export function renderCatalogMarkdown(metas: readonly CheckMeta[]): string {
  const byArea = new Map<string, CheckMeta[]>();
  for (const m of [...metas].sort((a, b) => compareText(a.id, b.id))) {
    const area = m.id.split('/')[0]!;
    byArea.set(area, [...(byArea.get(area) ?? []), m]);
  }
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  let out = '';
  for (const [area, list] of byArea) {
    out += `\n#### ${area}\n\n| id | severity | title |\n|---|---|---|\n`;
    for (const m of list.sort((a, b) => compareSeverity(a.severity, b.severity) || compareText(a.id, b.id))) out += `| \`${m.id}\` | ${m.severity} | ${esc(m.title)} |\n`;
  }
  return out;
}

export function explainCheck(meta: CheckMeta, color: boolean): string {
  const c = createColors(color);
  const lines = [
    `${c.bold(meta.id)}  (${meta.severity})`,
    meta.title,
    '',
    c.bold('Risk'),
    `  ${meta.risk}`,
    '',
    c.bold('Remediation'),
    `  ${meta.remediation}`,
  ];
  if (meta.references.length) lines.push('', c.bold('References'), ...meta.references.map((r) => `  ${r}`));
  if (meta.controls.length) lines.push('', c.bold('Gate controls'), `  ${meta.controls.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
