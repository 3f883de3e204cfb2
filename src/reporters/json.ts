import type { Finding, Location } from '../core/finding.js';
import type { AuditResult } from '../core/result.js';
import { bigintReplacer, sortedDiagnostics, validPosition, verdictOf } from './presentation.js';

/**
 * The machine-readable report: the AuditResult as it is, plus a `verdict` derived from the summary.
 * Its shape is `schema/report.schema.json` (documented in docs/report-format.md) and is versioned by
 * `schemaVersion`: fields are only added within a major version.
 */
export function renderJson(result: AuditResult): string {
  const report = {
    schemaVersion: result.schemaVersion,
    tool: result.tool,
    root: result.root,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    ...(result.configPath !== undefined ? { configPath: result.configPath } : {}),
    verdict: verdictOf(result.summary),
    summary: result.summary,
    inputs: result.inputs,
    checks: result.checks,
    findings: result.findings.map(normalizeFinding),
    diagnostics: sortedDiagnostics(result.diagnostics).map((d) => ({
      ...d,
      ...(validPosition(d.line) ? {} : { line: undefined }),
      ...(validPosition(d.line) && validPosition(d.column) ? {} : { column: undefined }),
    })),
  };
  // BigInt from the Appwrite SDK (file sizes, counters) would make JSON.stringify throw: write it as a string.
  return `${JSON.stringify(report, bigintReplacer, 2)}\n`;
}

/** Positions below 1 mean "unknown" (see Location): leave them out rather than publish line 0. */
function normalizeFinding(f: Finding): Finding {
  return f.location ? { ...f, location: normalizeLocation(f.location) } : f;
}

export function normalizeLocation(loc: Location): Location {
  const out: Location = { path: loc.path };
  if (validPosition(loc.line)) {
    out.line = loc.line;
    if (validPosition(loc.column)) out.column = loc.column;
    if (validPosition(loc.endLine) && loc.endLine >= loc.line) {
      out.endLine = loc.endLine;
      if (validPosition(loc.endColumn)) out.endColumn = loc.endColumn;
    }
  }
  return out;
}
