import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { AuditResult } from '../core/result.js';
import type { CliContext } from './runtime.js';
import type { RenderOptions } from '../reporters/index.js';

export interface OutputTarget {
  format: string;
  /** File to write; stdout when undefined. */
  output?: string;
}

/**
 * Builds (format, output) pairs from repeated `--format F [--output FILE]` flags in the order given: an
 * `--output` belongs to the `--format` before it. Commander calls these parsers in argv order.
 */
export function outputPairs(allowed: readonly string[]): {
  parseFormat: (v: string, prev: OutputTarget[]) => OutputTarget[];
  parseOutput: (v: string, prev: string[]) => string[];
  targets: () => OutputTarget[];
} {
  const targets: OutputTarget[] = [];
  return {
    parseFormat(v, prev) {
      if (!allowed.includes(v)) throw new UsageError(`unknown --format "${v}"`, { hint: `use one of ${allowed.join(', ')}` });
      targets.push({ format: v });
      return prev;
    },
    parseOutput(v, prev) {
      const last = targets[targets.length - 1];
      if (!last) throw new UsageError(`--output ${v} must follow the --format it is for`, { hint: 'write e.g. --format sarif --output report.sarif' });
      if (last.output) throw new UsageError(`two --output files for one --format ${last.format}`, { hint: 'repeat --format before each --output' });
      last.output = v;
      return prev;
    },
    targets: () => {
      const list = targets.length ? targets : [{ format: 'text' }];
      const toStdout = list.filter((t) => !t.output);
      if (toStdout.length > 1) throw new UsageError(`${toStdout.length} formats would go to stdout`, { hint: 'give each extra --format its own --output FILE' });
      return list;
    },
  };
}

/** Renders and writes every requested report; files are written atomically (temp file + rename). */
export async function writeReports(result: AuditResult, targets: OutputTarget[], ctx: CliContext, extra: Pick<RenderOptions, 'html'> = {}): Promise<void> {
  const { renderReport } = await import('../reporters/index.js');
  for (const t of targets) {
    const isStdout = !t.output;
    const text = await renderReport(result, t.format as never, { color: isStdout && ctx.color('stdout'), verbose: ctx.verbose, ...extra });
    if (isStdout) {
      ctx.out(text.endsWith('\n') ? text : `${text}\n`);
    } else {
      const file = path.resolve(ctx.io.cwd, t.output!);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, ctx.redactor.scrub(text), { mode: 0o644 });
      await rename(tmp, file);
      ctx.log(`wrote ${t.format} report to ${t.output}`);
    }
  }
}
