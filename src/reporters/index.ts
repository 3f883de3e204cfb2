import type { AuditResult } from '../core/result.js';
import type { HtmlReportInput } from './html.js';

export { COMMENT_MAX_BYTES, STEP_SUMMARY_MAX_BYTES } from './markdown-limits.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour in the text report. The caller decides (TTY, NO_COLOR, --no-color); reporters never detect it. */
  color: boolean;
  /** Text report: list passed and skipped checks, evidence, fingerprints and every input problem. */
  verbose?: boolean;
  /** Markdown report: upper bound in UTF-8 bytes (default 1 MiB, the step-summary limit; COMMENT_MAX_BYTES for a PR comment). */
  maxBytes?: number;
  /** HTML report: the extra sections it can show (gate table, access matrix, key inventory, trend). */
  html?: Omit<HtmlReportInput, 'result'>;
}

export function isReportFormat(v: string): v is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(v);
}

/**
 * Renders an audit result in one format. Async because each reporter is loaded on demand: a run that
 * prints text never loads the SARIF or JUnit code. Reporters only present: they never filter by
 * fail-on and never see raw secrets (findings arrive redacted).
 */
export async function renderReport(result: AuditResult, format: ReportFormat, opts: RenderOptions): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).renderText(result, opts);
    case 'json':
      return (await import('./json.js')).renderJson(result);
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(result);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(result, { maxBytes: opts.maxBytes });
    case 'junit':
      return (await import('./junit.js')).renderJunit(result);
    case 'html':
      return (await import('./html.js')).renderHtml({ result, ...(opts.html ?? {}) });
    default: {
      const unknown: never = format;
      const { UsageError } = await import('../core/errors.js');
      throw new UsageError(`unknown report format "${String(unknown)}"`, { hint: `use one of ${REPORT_FORMATS.join(', ')}` });
    }
  }
}
