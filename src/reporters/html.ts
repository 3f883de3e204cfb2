import type { Finding } from '../core/finding.js';
import type { AuditResult } from '../core/result.js';
import { SEVERITIES } from '../core/severity.js';
import type { GateResult } from '../gates/model.js';
import { CSS } from './html-style.js';
import { SCRIPT } from './html-script.js';

export interface MatrixEntry {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  action: string;
  role: string;
  level: string;
}

export interface KeyRow {
  environment?: string;
  name: string;
  scopes: string[];
  expire?: string | null;
  accessedAt?: string | null;
  sdks?: string[];
}

export interface TrendPoint {
  /** ISO date of the run. */
  date: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

export interface HtmlReportInput {
  result: AuditResult;
  gate?: GateResult;
  matrix?: MatrixEntry[];
  keys?: KeyRow[];
  trend?: TrendPoint[];
}

/** HTML-escapes text for element content and attribute values. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const loc = (f: Finding) => (f.location ? `${f.location.path}${f.location.line ? `:${f.location.line}` : ''}` : '');

function findingRows(findings: Finding[]): string {
  return findings
    .map((f, i) => {
      const search = `${f.checkId} ${f.message} ${loc(f)} ${f.resource?.id ?? ''} ${f.resource?.name ?? ''}`.toLowerCase();
      const exc = f.exception ? `<div>Accepted risk until <b>${esc(f.exception.expires)}</b>, owner <b>${esc(f.exception.owner)}</b>: ${esc(f.exception.reason)}</div>` : '';
      const ev = f.evidence ? `<div>Evidence: ${Object.entries(f.evidence).map(([k, v]) => `<code>${esc(k)}=${esc(v)}</code>`).join(' ')}</div>` : '';
      const refs = f.references.length ? `<div>References: ${f.references.map((r) => `<code>${esc(r)}</code>`).join(' ')}</div>` : '';
      return `<tr class="finding" data-i="${i}" data-severity="${f.severity}" data-area="${esc(f.area)}" data-status="${f.status}" data-search="${esc(search)}">
<td><span class="badge sev-${f.severity}">${f.severity}</span></td><td><span class="st st-${f.status}">${f.status}</span></td>
<td><code>${esc(f.checkId)}</code><div>${esc(f.message)}</div></td><td class="loc">${esc(loc(f))}</td></tr>
<tr class="detail" data-for="${i}" hidden><td colspan="4"><div><b>Fix:</b> ${esc(f.remediation)}</div>${exc}${ev}${refs}<div class="loc">fingerprint ${esc(f.fingerprint)}</div></td></tr>`;
    })
    .join('\n');
}

function gateSection(g: GateResult | undefined): string {
  if (!g) return '';
  const rows = g.controls
    .map((c) => `<tr><td><b>${esc(c.id)}</b></td><td>${esc(c.title)}</td><td class="cs-${c.status}">${c.status}</td><td>${c.weight}</td><td>${c.critical ? 'yes' : ''}</td><td>${esc(c.summary)}</td></tr>`)
    .join('');
  return `<section id="gates"><h2>Release gates <span class="count">decision: ${esc(g.decision)}, score ${g.score}/100 (minimum ${g.minScore})</span></h2>
<table><thead><tr><th>control</th><th>title</th><th>status</th><th>weight</th><th>critical</th><th>why</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function matrixSection(m: MatrixEntry[] | undefined): string {
  if (!m?.length) return '';
  const rows = m
    .map((e) => `<tr><td>${esc(e.resourceType)}</td><td><code>${esc(e.resourceId)}</code> ${esc(e.resourceName ?? '')}</td><td>${esc(e.action)}</td><td><code>${esc(e.role)}</code></td><td>${esc(e.level)}</td></tr>`)
    .join('');
  return `<section id="matrix"><h2>Access matrix <span class="count">${m.length} grants; API keys bypass these and are limited by scopes only</span></h2>
<table><thead><tr><th>type</th><th>resource</th><th>action</th><th>role</th><th>level</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function keysSection(keys: KeyRow[] | undefined): string {
  if (!keys?.length) return '';
  const rows = keys
    .map((k) => `<tr><td>${esc(k.environment ?? '')}</td><td>${esc(k.name)}</td><td>${k.scopes.map((s) => `<code>${esc(s)}</code>`).join(' ')}</td><td>${esc(k.expire || 'never')}</td><td>${esc(k.accessedAt || 'never')}</td><td>${esc((k.sdks ?? []).join(', '))}</td></tr>`)
    .join('');
  return `<section id="keys"><h2>API keys <span class="count">${keys.length}</span></h2><table><thead><tr><th>env</th><th>name</th><th>scopes</th><th>expires</th><th>last access</th><th>SDKs</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function trendSection(t: TrendPoint[] | undefined): string {
  if (!t || t.length < 2) return '';
  const W = 1000;
  const H = 160;
  const max = Math.max(1, ...t.flatMap((p) => [p.critical, p.high, p.medium, p.low]));
  const x = (i: number) => 40 + (i * (W - 60)) / (t.length - 1);
  const y = (v: number) => H - 20 - (v * (H - 40)) / max;
  const colors = { critical: 'var(--crit)', high: 'var(--high)', medium: 'var(--med)', low: 'var(--low)' } as const;
  const lines = (Object.keys(colors) as (keyof typeof colors)[])
    .map((k) => `<polyline fill="none" stroke="${colors[k]}" stroke-width="2.5" points="${t.map((p, i) => `${x(i).toFixed(1)},${y(p[k]).toFixed(1)}`).join(' ')}"><title>${k}</title></polyline>`)
    .join('');
  const legend = (Object.keys(colors) as (keyof typeof colors)[]).map((k, i) => `<rect x="${W - 300 + i * 75}" y="6" width="10" height="10" fill="${colors[k]}"/><text x="${W - 286 + i * 75}" y="15" font-size="11" fill="#5b6470">${k}</text>`).join('');
  const labels = t.map((p, i) => `<text x="${x(i).toFixed(1)}" y="${H - 4}" font-size="11" text-anchor="middle" fill="#5b6470">${esc(p.date.slice(5, 10))}</text>`).join('');
  return `<section id="trend"><h2>Trend <span class="count">failing findings per run (critical, high, medium, low)</span></h2><svg class="trend" viewBox="0 0 ${W} ${H}" role="img" aria-label="trend of failing findings">${lines}${labels}<text x="4" y="16" font-size="11" fill="#5b6470">${max}</text>${legend}</svg></section>`;
}

/** One self-contained HTML file: no network request, inline styles and script, data escaped. */
export function renderHtml(input: HtmlReportInput): string {
  const { result, gate } = input;
  const s = result.summary;
  const areas = [...new Set(result.findings.map((f) => f.area))].sort();
  const shown = result.findings.filter((f) => f.status !== 'pass' && f.status !== 'skipped');
  const hidden = result.findings.length - shown.length;
  const score = gate ? `<div class="score"><div class="gauge" style="--p:${gate.score};--c:${gate.decision === 'pass' ? '#38a169' : '#e53e3e'}"><span>${gate.score}</span></div><div><div class="sub">readiness score</div><span class="decision ${gate.decision}">${gate.decision.toUpperCase()}</span></div></div>` : '';
  const cards = [
    ...SEVERITIES.filter((x) => x !== 'info').map((sev) => `<div class="card"><div class="n" style="color:var(--${sev === 'critical' ? 'crit' : sev === 'medium' ? 'med' : sev})">${s.failBySeverity[sev]}</div><div class="l">${sev}</div></div>`),
    `<div class="card"><div class="n">${s.byStatus.error}</div><div class="l">could not tell</div></div>`,
    `<div class="card"><div class="n">${s.byStatus.excepted}</div><div class="l">accepted risk</div></div>`,
    `<div class="card"><div class="n">${s.byStatus.pass}</div><div class="l">checks passed</div></div>`,
  ].join('');
  const opt = (v: string, label = v) => `<option value="${esc(v)}">${esc(label)}</option>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>appwrite-secops report</title><style>${CSS}</style></head>
<body>
<header><div><h1><span class="brand"></span>appwrite-secops report</h1><div class="sub">${esc(result.root)} · ${esc(result.startedAt)} · ${esc(result.tool.name)} ${esc(result.tool.version)} · fail-on ${esc(s.failOn)} · ${s.complete ? 'complete' : 'INCOMPLETE: some sources could not be read'}</div></div>${score}</header>
<main>
<div class="cards">${cards}</div>
${gateSection(gate)}
${trendSection(input.trend)}
<section id="findings"><h2>Findings <span class="count" id="shown-count">${shown.length} shown${hidden ? `, ${hidden} passed or skipped hidden` : ''}</span></h2>
<div class="filters">
<select id="f-severity" aria-label="severity">${opt('', 'all severities')}${SEVERITIES.map((x) => opt(x)).join('')}</select>
<select id="f-area" aria-label="area">${opt('', 'all areas')}${areas.map((a) => opt(a)).join('')}</select>
<select id="f-status" aria-label="status">${opt('', 'fail, error, excepted')}${['fail', 'error', 'excepted', 'pass', 'skipped'].map((x) => opt(x)).join('')}</select>
<input id="f-search" type="search" placeholder="Search check, message, file or resource" aria-label="search">
</div>
<table><thead><tr><th style="width:90px">severity</th><th style="width:80px">status</th><th>check and message</th><th style="width:260px">location</th></tr></thead>
<tbody id="findings-body">${findingRows(result.findings)}</tbody></table>
<div class="empty" id="no-match" hidden>No finding matches these filters.</div>
</section>
${matrixSection(input.matrix)}
${keysSection(input.keys)}
<footer>Secrets are shown only as a short prefix and a hash. Generated by ${esc(result.tool.name)} ${esc(result.tool.version)}.</footer>
</main>
<script>${SCRIPT}</script>
</body></html>
`;
}
