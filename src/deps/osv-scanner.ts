import { FormatError, isRecord, parseJson } from './json-text.js';
import type { Advisory } from './model.js';
import { advisoryFromOsv, NPM_ECOSYSTEM } from './osv/record.js';
import { normaliseSeverity, severityOfScore } from './severity.js';

/**
 * `osv-scanner --format json` output: `{results: [{source: {path, type}, packages: [{package: {name,
 * version, ecosystem}, vulnerabilities: [OSV records], groups: [{ids, aliases, max_severity}]}]}]}`.
 * Only npm packages are read. A missing or malformed `results` throws FormatError.
 */
export function parseOsvScannerOutput(text: string, origin: string): Advisory[] {
  const doc = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!isRecord(doc) || !Array.isArray(doc.results)) {
    throw new FormatError('expected OSV-Scanner JSON output: an object with a "results" list (osv-scanner --format json)', 1);
  }
  const out = new Map<string, Advisory>();
  doc.results.forEach((result, ri) => {
    if (!isRecord(result) || (result.packages !== undefined && !Array.isArray(result.packages))) throw new FormatError(`results[${ri}] has no "packages" list`, 1);
    const sourcePath = isRecord(result.source) && typeof result.source.path === 'string' ? result.source.path : undefined;
    ((result.packages as unknown[] | undefined) ?? []).forEach((entry, pi) => {
      const where = `results[${ri}].packages[${pi}]`;
      if (!isRecord(entry) || !isRecord(entry.package)) throw new FormatError(`${where} has no "package"`, 1);
      const pkg = entry.package;
      if (pkg.ecosystem !== NPM_ECOSYSTEM) return;
      if (typeof pkg.name !== 'string') throw new FormatError(`${where}.package has no name`, 1);
      const groups = Array.isArray(entry.groups) ? entry.groups.filter(isRecord) : [];
      for (const [vi, raw] of (Array.isArray(entry.vulnerabilities) ? entry.vulnerabilities : []).entries()) {
        let adv: Advisory | undefined;
        try {
          adv = advisoryFromOsv(raw, 'osv-scanner', origin);
        } catch (err) {
          throw new FormatError(`${where}.vulnerabilities[${vi}]: ${(err as Error).message}`, 1);
        }
        if (!adv) continue;
        if (!adv.severity) {
          // the scanner's group rating (a CVSS score as a string) fills in when the record has none
          const g = groups.find((x) => Array.isArray(x.ids) && x.ids.includes(adv!.id));
          const score = g && typeof g.max_severity === 'string' ? Number.parseFloat(g.max_severity) : Number.NaN;
          const sev = Number.isFinite(score) ? severityOfScore(score) : normaliseSeverity(g?.max_severity);
          if (sev) Object.assign(adv, { severity: sev, severitySource: 'OSV-Scanner group rating' });
        }
        const prev = out.get(adv.id);
        const reported = { name: pkg.name, version: typeof pkg.version === 'string' ? pkg.version : undefined, paths: sourcePath ? [sourcePath] : undefined };
        if (prev) prev.reported.push(reported);
        else out.set(adv.id, { ...adv, reported: [reported] });
      }
    });
  });
  return [...out.values()];
}
