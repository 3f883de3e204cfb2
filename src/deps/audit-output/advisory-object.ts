import { FormatError, isRecord } from '../json-text.js';
import type { Advisory, AdvisorySource } from '../model.js';
import { lowerBoundOf } from '../ranges.js';
import { cvssFrom, normaliseSeverity } from '../severity.js';

/** `https://github.com/advisories/GHSA-xxxx-xxxx-xxxx` -> `GHSA-xxxx-xxxx-xxxx`. */
export function ghsaFromUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const m = /\b(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/i.exec(url);
  return m ? `GHSA${m[1]!.slice(4).toLowerCase()}` : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** npm's `cvss` object: `{score, vectorString}`, with `{score: 0, vectorString: null}` meaning none. */
export function cvssOf(v: unknown): Advisory['cvss'] {
  if (!isRecord(v) || typeof v.vectorString !== 'string') return [];
  const score = typeof v.score === 'number' && v.score > 0 ? v.score : undefined;
  const c = cvssFrom(undefined, v.vectorString, score);
  return c ? [c] : [];
}

/**
 * The advisory object of the npm v1 audit format, shared by `npm audit --json` (npm 6), `pnpm audit
 * --json`, `yarn audit --json` (classic, inside `auditAdvisory` lines) and `yarn npm audit --json`
 * (berry 2/3): `{id, module_name, severity, github_advisory_id, cves, vulnerable_versions,
 * patched_versions, findings[{version, paths}], cvss, title, url, created, updated, references}`.
 */
export function advisoryFromV1Object(o: unknown, source: AdvisorySource, origin: string, where: string): Advisory {
  if (!isRecord(o)) throw new FormatError(`${where}: an advisory must be an object`);
  const moduleName = str(o.module_name);
  if (!moduleName) throw new FormatError(`${where}: advisory without "module_name"`);
  const numeric = o.id === undefined || o.id === null ? undefined : String(o.id);
  const ghsa = str(o.github_advisory_id) ?? ghsaFromUrl(o.url);
  const id = ghsa ?? (numeric ? `NPM-${numeric}` : undefined);
  if (!id) throw new FormatError(`${where}: advisory without an id`);
  const cves = Array.isArray(o.cves) ? o.cves.filter((c): c is string => typeof c === 'string') : [];
  const vulnerable = str(o.vulnerable_versions);
  if (!vulnerable) throw new FormatError(`${where}: advisory ${id} has no "vulnerable_versions"`);
  const patched = str(o.patched_versions);
  const fix = patched ? lowerBoundOf(patched) : undefined;
  const findings = Array.isArray(o.findings) ? o.findings : [];
  const severity = normaliseSeverity(o.severity);
  const refs = typeof o.references === 'string' ? o.references.split('\n').map((l) => l.replace(/^\s*-\s*/, '').trim()).filter((l) => /^https?:\/\//.test(l)) : [];
  return {
    id,
    aliases: [...new Set([...(numeric ? [numeric] : []), ...cves, ...(ghsa && ghsa !== id ? [ghsa] : [])])],
    summary: str(o.title),
    severity,
    severitySource: severity ? 'package manager rating' : undefined,
    cvss: cvssOf(o.cvss),
    affected: [{ name: moduleName, ranges: [], semverRange: vulnerable, versions: [], fixed: fix ? [fix] : [] }],
    published: str(o.created),
    modified: str(o.updated),
    references: [...new Set([...(str(o.url) ? [o.url as string] : []), ...refs])],
    source,
    reported: findings
      .filter(isRecord)
      .map((f) => ({ name: moduleName, version: str(f.version), paths: Array.isArray(f.paths) ? f.paths.filter((p): p is string => typeof p === 'string') : undefined })),
    origin,
  };
}

/**
 * The bulk-advisory object (`bun audit --json`, yarn 4.0.0): `{id, url, title, severity,
 * vulnerable_versions, cwe, cvss}` under its package name.
 */
export function advisoryFromBulkObject(pkg: string, o: unknown, source: AdvisorySource, origin: string, where: string): Advisory {
  if (!isRecord(o)) throw new FormatError(`${where}: an advisory must be an object`);
  const numeric = o.id === undefined || o.id === null ? undefined : String(o.id);
  const ghsa = ghsaFromUrl(o.url);
  const id = ghsa ?? (numeric ? `NPM-${numeric}` : undefined);
  if (!id) throw new FormatError(`${where}: advisory without "id" or "url"`);
  const vulnerable = str(o.vulnerable_versions);
  if (!vulnerable) throw new FormatError(`${where}: advisory ${id} has no "vulnerable_versions"`);
  const severity = normaliseSeverity(o.severity);
  return {
    id,
    aliases: numeric ? [numeric] : [],
    summary: str(o.title),
    severity,
    severitySource: severity ? 'package manager rating' : undefined,
    cvss: cvssOf(o.cvss),
    affected: [{ name: pkg, ranges: [], semverRange: vulnerable, versions: [], fixed: [] }],
    references: str(o.url) ? [o.url as string] : [],
    source,
    reported: [{ name: pkg }],
    origin,
  };
}
