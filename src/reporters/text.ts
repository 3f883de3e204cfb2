import { createColors } from 'picocolors';
import type { Diagnostic } from '../core/collector.js';
import type { Finding } from '../core/finding.js';
import type { AuditResult } from '../core/result.js';
import type { Severity } from '../core/severity.js';
import {
  bySeverity,
  evidenceEntries,
  formatException,
  formatLocation,
  formatWhere,
  groupBy,
  plural,
  severityCounts,
  shortHint,
  sortedDiagnostics,
  verdictOf,
  withStatus,
} from './presentation.js';
import { indentContinuation, terminalSafe } from './terminal-safe.js';

export interface TextOptions {
  color: boolean;
  verbose?: boolean;
}

type Colors = ReturnType<typeof createColors>;

/** Diagnostics shown without --verbose; a workspace full of broken lines should not bury the findings. */
export const DIAGNOSTICS_SHOWN = 20;

/**
 * Human report for a terminal: failing findings by severity (critical first) then area then check,
 * each with its location and a fix hint; then what could not be judged, accepted risks, input
 * problems, and a summary line. Passes and skips are counted, and listed only with `verbose`.
 */
export function renderText(result: AuditResult, opts: TextOptions): string {
  const c = createColors(opts.color);
  const verbose = opts.verbose ?? false;
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const safe = (s: string) => terminalSafe(s);

  line(`${c.bold(`${safe(result.tool.name)} ${safe(result.tool.version)}`)} audit of ${safe(result.root)}`);
  line(c.dim(`${plural(result.inputs.length, 'input')} read, ${plural(result.checks.length, 'check')} run in ${result.durationMs} ms`));
  if (verbose) {
    if (result.configPath) line(c.dim(`config: ${safe(result.configPath)}`));
    for (const input of result.inputs) line(c.dim(`  ${safe(input.kind)}: ${safe(input.path)}`));
  }

  const failing = withStatus(result.findings, 'fail');
  if (failing.length === 0) {
    line();
    line(c.green('No failing findings.'));
  }
  for (const [severity, findings] of bySeverity(failing)) {
    line();
    line(severityStyle(c, severity)(`${severity.toUpperCase()} (${findings.length})`));
    for (const [area, inArea] of groupBy(findings, (f) => f.area)) {
      line(`  ${c.bold(safe(area))}`);
      for (const [checkId, ofCheck] of groupBy(inArea, (f) => f.checkId)) {
        line(`    ${safe(checkId)} ${c.dim(`· ${safe(ofCheck[0]!.title)}`)}`);
        renderCheckFindings(ofCheck, { c, verbose, line });
      }
    }
  }

  const errors = withStatus(result.findings, 'error');
  if (errors.length) {
    line();
    line(c.bold(c.magenta(`COULD NOT TELL (${errors.length})`)));
    for (const f of errors) {
      const where = formatWhere(f);
      line(`  ${safe(f.checkId)}${where ? `  ${c.cyan(safe(where))}` : ''}`);
      line(`      ${safe(indentContinuation(f.message, '      '))}`);
      if (f.errorDetail && f.errorDetail !== f.message && !f.message.includes(f.errorDetail)) {
        line(`      detail: ${safe(indentContinuation(f.errorDetail, '        '))}`);
      }
      line(`      ${c.dim('fix:')} ${safe(indentContinuation(shortHint(f.remediation, verbose), '        '))}`);
    }
  }

  const excepted = withStatus(result.findings, 'excepted');
  if (excepted.length) {
    line();
    line(c.bold(`ACCEPTED RISK (${excepted.length})`));
    for (const f of excepted) {
      const where = formatWhere(f);
      line(`  ${f.severity}  ${safe(f.checkId)}${where ? `  ${c.cyan(safe(where))}` : ''}`);
      line(`      ${safe(indentContinuation(f.message, '      '))}`);
      line(`      ${c.dim('excepted:')} ${f.exception ? safe(indentContinuation(formatException(f.exception), '        ')) : 'no exception details recorded'}`);
      if (verbose) line(c.dim(`      fingerprint: ${f.fingerprint}`));
    }
  }

  if (result.diagnostics.length) {
    line();
    line(c.bold(`INPUT PROBLEMS (${result.diagnostics.length})`));
    const all = sortedDiagnostics(result.diagnostics);
    const shown = verbose ? all : all.slice(0, DIAGNOSTICS_SHOWN);
    for (const d of shown) line(`  ${diagnosticLevel(c, d)} ${safe(formatDiagnostic(d))}`);
    const hidden = result.diagnostics.length - shown.length;
    if (hidden > 0) line(c.dim(`  … and ${hidden} more (--verbose lists them all)`));
  }

  const passed = withStatus(result.findings, 'pass');
  const skipped = withStatus(result.findings, 'skipped');
  if (verbose) {
    if (passed.length) {
      line();
      line(c.bold(`PASSED (${passed.length})`));
      for (const f of passed) line(`  ${c.green(safe(f.checkId))} ${c.dim(`· ${safe(f.title)}`)}`);
    }
    if (skipped.length) {
      line();
      line(c.bold(`SKIPPED (${skipped.length})`));
      for (const f of skipped) line(`  ${safe(f.checkId)} ${c.dim(`· ${safe(f.message)}`)}`);
    }
  } else if (passed.length || skipped.length) {
    line();
    line(c.dim(`${passed.length} passed and ${skipped.length} skipped (--verbose lists them)`));
  }

  line();
  line(summaryLine(result));
  line(verdictLine(c, result));
  return `${out.join('\n')}\n`;
}

function renderCheckFindings(findings: Finding[], r: { c: Colors; verbose: boolean; line: (s?: string) => void }): void {
  const { c, verbose, line } = r;
  // One fix line per check when its findings share a remediation; per finding when a check overrode it.
  const remediations = [...new Set(findings.map((f) => f.remediation))];
  const perFinding = remediations.length > 1;
  for (const f of findings) {
    const where = formatLocation(f.location);
    const prefix = where ? `${c.cyan(terminalSafe(where))}  ` : '';
    line(`      ${prefix}${terminalSafe(indentContinuation(f.message, '        '))}`);
    if (!where && f.resource) line(c.dim(`        resource: ${terminalSafe(formatWhere(f)!)}`));
    if (verbose) {
      const ev = evidenceEntries(f.evidence);
      if (ev.length) line(c.dim(`        evidence: ${terminalSafe(ev.map(([k, v]) => `${k}=${v}`).join(', '))}`));
      if (f.aliases?.length) line(c.dim(`        aliases: ${terminalSafe(f.aliases.join(', '))}`));
      line(c.dim(`        fingerprint: ${f.fingerprint}`));
    }
    if (perFinding) line(`        ${c.dim('fix:')} ${terminalSafe(indentContinuation(shortHint(f.remediation, verbose), '          '))}`);
  }
  if (!perFinding) line(`      ${c.dim('fix:')} ${terminalSafe(indentContinuation(shortHint(remediations[0] ?? '', verbose), '        '))}`);
  if (verbose) for (const ref of findings[0]?.references ?? []) line(c.dim(`      see: ${terminalSafe(ref)}`));
}

function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? formatLocation({ path: d.path, line: d.line, column: d.column }) : undefined;
  return `${where ? `${where}  ` : ''}${d.message.replace(/\r\n|\r|\n/g, ' ')}`;
}

function diagnosticLevel(c: Colors, d: Diagnostic): string {
  return d.level === 'error' ? c.red('error  ') : c.yellow('warning');
}

function severityStyle(c: Colors, s: Severity): (t: string) => string {
  switch (s) {
    case 'critical':
      return (t) => c.bold(c.red(t));
    case 'high':
      return (t) => c.bold(c.red(t));
    case 'medium':
      return (t) => c.bold(c.yellow(t));
    case 'low':
      return (t) => c.bold(c.blue(t));
    case 'info':
      return (t) => c.bold(c.gray(t));
  }
}

export function summaryLine(result: AuditResult): string {
  const s = result.summary;
  const parts = [
    `${s.byStatus.fail} failing (${severityCounts(s)})`,
    s.failOn === 'none' ? '0 blocking (--fail-on none)' : `${s.blocking} blocking at --fail-on ${s.failOn}`,
    `${s.byStatus.excepted} excepted`,
    `${s.byStatus.error} could not tell`,
    `${s.byStatus.pass} passed`,
    `${s.byStatus.skipped} skipped`,
  ];
  return `Summary: ${parts.join(' · ')}; ${s.complete ? 'complete' : 'incomplete'}.`;
}

function verdictLine(c: Colors, result: AuditResult): string {
  const s = result.summary;
  switch (verdictOf(s)) {
    case 'blocked':
      return c.bold(c.red(`Result: BLOCKED: ${plural(s.blocking, 'finding')} at or above ${s.failOn}.`));
    case 'incomplete':
      return c.bold(c.magenta(`Result: INCOMPLETE: ${plural(s.byStatus.error, 'check')} could not tell; fix the inputs above and run again.`));
    case 'clean':
      return c.bold(c.green(s.failOn === 'none' ? 'Result: PASSED (--fail-on none blocks nothing).' : `Result: PASSED: nothing at or above ${s.failOn}.`));
  }
}
