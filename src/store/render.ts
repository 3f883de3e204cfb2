import type { Finding } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { RunDiff } from './diff.js';
import type { EvidenceVerification } from './evidence-chain.js';
import type { RunRecord } from './store.js';

/** Text for the store commands (history, diff, evidence verify). Plain text: no colour, fixed columns. */

const SEV_SHORT: Record<Severity, string> = { critical: 'CRIT', high: 'HIGH', medium: 'MED', low: 'LOW', info: 'INFO' };
const BARS = '▁▂▃▄▅▆▇█';

export function runStatus(r: RunRecord): string {
  if (r.state === 'running') return 'running';
  if (r.state === 'abandoned') return 'abandoned';
  return r.complete ? 'complete' : 'incomplete';
}

/** Failing findings per severity across runs, oldest first (the trend). */
export function trendOf(runs: readonly RunRecord[]): Record<Severity, number[]> {
  const ordered = [...runs].reverse();
  return Object.fromEntries(SEVERITIES.map((s) => [s, ordered.map((r) => r.failBySeverity[s])])) as Record<Severity, number[]>;
}

export function renderHistory(runs: readonly RunRecord[], location: string): string {
  if (runs.length === 0) return `No runs in ${location} yet. Record one with: appwrite-secops audit --store <url>\n`;
  const header = ['RUN', 'STARTED (UTC)', 'STATUS', 'TIME', ...SEVERITIES.map((s) => SEV_SHORT[s]), 'NEW', 'FIXED', 'REOPENED'];
  const rows = runs.map((r) => [
    String(r.id),
    r.startedAt.replace('T', ' ').slice(0, 19),
    runStatus(r),
    r.durationMs === undefined ? '-' : formatDuration(r.durationMs),
    ...SEVERITIES.map((s) => String(r.failBySeverity[s])),
    String(r.transitions.new),
    String(r.transitions.fixed),
    String(r.transitions.reopened),
  ]);
  const lines = [`Runs in ${location}, newest first:`, '', ...table([header, ...rows]), ''];
  const trend = trendOf(runs);
  if (runs.length > 1) {
    lines.push(`Trend of failing findings (oldest -> newest, ${runs.length} runs):`);
    for (const s of SEVERITIES) {
      const xs = trend[s];
      const first = xs[0]!;
      const last = xs[xs.length - 1]!;
      const delta = last - first;
      lines.push(`  ${s.padEnd(8)} ${sparkline(xs)}  ${first} -> ${last}${delta === 0 ? '' : ` (${delta > 0 ? '+' : ''}${delta})`}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderDiff(d: RunDiff, a: RunRecord, b: RunRecord): string {
  const lines = [`Run ${a.id} (${a.startedAt}) -> run ${b.id} (${b.startedAt})`, ''];
  const section = (title: string, fs: Finding[]) => {
    lines.push(`${title} (${fs.length})${fs.length ? ':' : ''}`);
    for (const f of fs) lines.push(`  ${SEV_SHORT[f.severity].padEnd(4)}  ${f.checkId}  ${where(f)}  ${f.message}`);
    lines.push('');
  };
  section('New', d.new);
  section('Reopened', d.reopened);
  section('Fixed', d.fixed);
  lines.push(`Unchanged: ${d.unchanged.length}`);
  if (d.undetermined.length) {
    lines.push(`Undetermined: ${d.undetermined.length} (in run ${a.id}, not in run ${b.id}, whose check errored or did not run: not counted as fixed)`);
  }
  if (!b.complete) lines.push(`Note: run ${b.id} is ${runStatus(b)}; what it could not read is not a fix.`);
  return `${lines.join('\n')}\n`;
}

export function renderVerification(v: EvidenceVerification, location: string): string {
  if (v.ok) {
    const range = v.records ? ` (records ${v.firstSeq}-${v.lastSeq})` : '';
    const anchor = v.anchor.seq > 0 ? `; records up to ${v.anchor.seq} were pruned, the chain starts from their last hash` : '';
    return `Evidence log OK: ${v.records} records${range} in ${location}${anchor}.\nHead hash: ${v.headHash}\n`;
  }
  return `Evidence log BROKEN at record ${v.broken!.seq} (${v.broken!.reason}): ${v.broken!.message}.\nRecords before it verify; it and everything after it cannot be trusted.\n`;
}

function where(f: Finding): string {
  if (f.location) return `${f.location.path}${f.location.line ? `:${f.location.line}` : ''}`;
  return f.resource ? `${f.resource.type}:${f.resource.id}` : '-';
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  return `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

export function sparkline(xs: readonly number[]): string {
  const max = Math.max(...xs);
  if (max === 0) return BARS[0]!.repeat(xs.length);
  return xs.map((x) => BARS[Math.min(BARS.length - 1, Math.round((x / max) * (BARS.length - 1)))]).join('');
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  // Numbers right-aligned, text (started, status) left-aligned.
  return rows.map((r) => r.map((c, i) => (i === 1 || i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
}
