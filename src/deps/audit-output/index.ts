import { FormatError, isRecord, parseJson } from '../json-text.js';
import type { Advisory, AdvisorySource } from '../model.js';
import { advisoryFromBulkObject, advisoryFromV1Object, cvssOf, ghsaFromUrl } from './advisory-object.js';

export const AUDIT_FORMATS = ['npm-v2', 'npm-v1', 'pnpm', 'yarn-berry-json', 'yarn-classic', 'yarn4-ndjson', 'bun'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface ParsedAudit {
  format: AuditFormat;
  source: AdvisorySource;
  advisories: Advisory[];
}

export interface ParseAuditOptions {
  /** File or command, for messages. */
  origin: string;
  /** The tool we ran, when we ran it (labels the source; a v1-shaped output could be npm 6, pnpm or yarn 2/3). */
  tool?: 'npm' | 'pnpm' | 'yarn' | 'bun';
  /** `yarn npm audit --json` prints nothing when clean: accept empty output only when we ran it and it exited 0. */
  emptyMeansClean?: boolean;
}

/**
 * Reads the JSON output of `npm audit` (v1 and v2), `pnpm audit`, `yarn audit` (classic NDJSON),
 * `yarn npm audit` (berry 2/3 JSON, 4.x NDJSON) and `bun audit`, detecting the format. Anything that
 * does not parse or has another shape throws FormatError: an audit we cannot read is never a pass.
 */
export function parseAuditOutput(text: string, opts: ParseAuditOptions): ParsedAudit {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    if (opts.emptyMeansClean) return { format: 'yarn4-ndjson', source: 'yarn-audit', advisories: [] };
    throw new FormatError('the audit output is empty: nothing says whether there are vulnerabilities', 1);
  }
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  // NDJSON (yarn): the first line is a whole JSON object on its own; a pretty-printed document's is not
  const first = lines[0]!.trim();
  if (lines.length < 2 || !first.startsWith('{') || !first.endsWith('}') || !parsesAlone(first)) return fromDocument(parseJson(body), opts);
  const docs = body.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== '').map(([l, n]) => {
    try {
      return { doc: JSON.parse(l) as unknown, line: n };
    } catch {
      throw new FormatError('this line is not JSON (truncated or mixed with other output?)', n);
    }
  });
  return fromLines(docs, opts);
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false; // not a line of NDJSON: the caller reads the text as one document
  }
}

function fromDocument(doc: unknown, opts: ParseAuditOptions): ParsedAudit {
  if (!isRecord(doc)) throw new FormatError('expected a JSON object from the package manager audit', 1);
  if (isRecord(doc.error)) {
    const e = doc.error;
    throw new FormatError(`the audit itself failed: ${[e.code, e.summary ?? e.message].filter((x) => typeof x === 'string').join(': ') || 'unknown error'}`, 1);
  }
  if (typeof doc.type === 'string' || ('value' in doc && 'children' in doc)) return fromLines([{ doc, line: 1 }], opts);
  if (doc.auditReportVersion === 2) return npmV2(doc, opts);
  if ('auditReportVersion' in doc) throw new FormatError(`unsupported auditReportVersion ${JSON.stringify(doc.auditReportVersion)} (expected 2)`, 1);
  if (isRecord(doc.advisories)) return v1Shape(doc, opts);
  if (Object.values(doc).every((v) => Array.isArray(v))) return bulk(doc, opts, 'bun');
  throw new FormatError(`unexpected shape: keys ${Object.keys(doc).slice(0, 5).map((k) => `"${k}"`).join(', ') || '(none)'}; expected npm, pnpm, yarn or bun audit --json output`, 1);
}

function npmV2(doc: Record<string, unknown>, opts: ParseAuditOptions): ParsedAudit {
  if (!isRecord(doc.vulnerabilities)) throw new FormatError('npm audit report v2 without a "vulnerabilities" object', 1);
  const byId = new Map<string, Advisory>();
  for (const [pkg, v] of Object.entries(doc.vulnerabilities)) {
    if (!isRecord(v) || !Array.isArray(v.via)) throw new FormatError(`vulnerabilities["${pkg}"] has no "via" list`, 1);
    const fix = isRecord(v.fixAvailable) && typeof v.fixAvailable.name === 'string' && typeof v.fixAvailable.version === 'string'
      ? { name: v.fixAvailable.name, version: v.fixAvailable.version, isSemVerMajor: v.fixAvailable.isSemVerMajor === true }
      : undefined;
    for (const via of v.via) {
      if (typeof via === 'string') continue; // a pointer to the vulnerable dependency, listed under its own name
      if (!isRecord(via)) throw new FormatError(`vulnerabilities["${pkg}"].via holds a ${typeof via}`, 1);
      const name = typeof via.dependency === 'string' ? via.dependency : typeof via.name === 'string' ? via.name : pkg;
      const numeric = via.source === undefined ? undefined : String(via.source);
      const ghsa = ghsaFromUrl(via.url);
      const id = ghsa ?? (numeric ? `NPM-${numeric}` : undefined);
      if (!id || typeof via.range !== 'string') throw new FormatError(`vulnerabilities["${pkg}"].via entry without an advisory id or range`, 1);
      const key = `${id}\u0000${name}`;
      const existing = byId.get(key);
      const nodes = Array.isArray(v.nodes) ? v.nodes.filter((n): n is string => typeof n === 'string') : [];
      if (existing) {
        existing.reported.push({ name, paths: nodes });
        existing.fixAvailable ??= fix;
        continue;
      }
      const severity = typeof via.severity === 'string' ? via.severity : undefined;
      byId.set(key, {
        id,
        aliases: numeric ? [numeric] : [],
        summary: typeof via.title === 'string' ? via.title : undefined,
        severity: severity === 'moderate' ? 'medium' : (['critical', 'high', 'medium', 'low', 'info'] as const).find((s) => s === severity),
        severitySource: 'package manager rating',
        cvss: cvssOf(via.cvss),
        affected: [{ name, ranges: [], semverRange: via.range, versions: [], fixed: [] }],
        references: typeof via.url === 'string' ? [via.url] : [],
        source: labelOf(opts, 'npm-audit'),
        reported: [{ name, paths: nodes }],
        ...(fix ? { fixAvailable: fix } : {}),
        origin: opts.origin,
      });
    }
  }
  const meta = isRecord(doc.metadata) && isRecord(doc.metadata.vulnerabilities) ? doc.metadata.vulnerabilities : undefined;
  if (meta && typeof meta.total === 'number' && meta.total > 0 && byId.size === 0) {
    throw new FormatError(`metadata counts ${meta.total} vulnerabilities but no advisory is listed (truncated output?)`, 1);
  }
  return { format: 'npm-v2', source: labelOf(opts, 'npm-audit'), advisories: [...byId.values()] };
}

function v1Shape(doc: Record<string, unknown>, opts: ParseAuditOptions): ParsedAudit {
  const advisories = Object.entries(doc.advisories as Record<string, unknown>).map(([k, a]) => advisoryFromV1Object(a, 'npm-audit', opts.origin, `advisories["${k}"]`));
  const isPnpm = advisories.some((a) => a.reported.some((r) => r.paths?.some((p) => p === '.' || p.startsWith('.>'))));
  // npm 6 stamps a runId; pnpm's paths start at the importer (`.>qs`); yarn 2/3 has neither
  const guess: AuditFormat = isPnpm ? 'pnpm' : 'runId' in doc ? 'npm-v1' : 'yarn-berry-json';
  const format: AuditFormat = opts.tool === 'pnpm' ? 'pnpm' : opts.tool === 'yarn' ? 'yarn-berry-json' : opts.tool === 'npm' ? 'npm-v1' : guess;
  const source: AdvisorySource = format === 'pnpm' ? 'pnpm-audit' : format === 'yarn-berry-json' ? 'yarn-audit' : 'npm-audit';
  checkCounts(doc.metadata, advisories.length);
  for (const a of advisories) a.source = source;
  return { format, source, advisories };
}

function checkCounts(metadata: unknown, listed: number): void {
  if (!isRecord(metadata) || !isRecord(metadata.vulnerabilities)) return;
  const counts = Object.values(metadata.vulnerabilities).filter((n): n is number => typeof n === 'number');
  const total = counts.reduce((a, b) => a + b, 0);
  if (total > 0 && listed === 0) throw new FormatError(`metadata counts ${total} vulnerabilities but no advisory is listed (truncated output?)`, 1);
}

function bulk(doc: Record<string, unknown>, opts: ParseAuditOptions, format: 'bun' | 'yarn4-ndjson', line = 1): ParsedAudit {
  const source = format === 'bun' ? labelOf(opts, 'bun-audit') : 'yarn-audit';
  const advisories: Advisory[] = [];
  for (const [pkg, list] of Object.entries(doc)) {
    (list as unknown[]).forEach((o, i) => advisories.push(advisoryFromBulkObject(pkg, o, source, opts.origin, `line ${line}: ${pkg}[${i}]`)));
  }
  return { format, source, advisories };
}

function fromLines(docs: { doc: unknown; line: number }[], opts: ParseAuditOptions): ParsedAudit {
  const first = docs[0]!.doc;
  if (isRecord(first) && typeof first.type === 'string') return yarnClassic(docs, opts);
  if (isRecord(first) && 'value' in first && 'children' in first) return yarn4(docs, opts);
  if (isRecord(first) && Object.values(first).every(Array.isArray)) {
    const advisories = docs.flatMap(({ doc, line }) => {
      if (!isRecord(doc)) throw new FormatError('expected a JSON object on every line', line);
      return bulk(doc, opts, 'yarn4-ndjson', line).advisories;
    });
    return { format: 'yarn4-ndjson', source: 'yarn-audit', advisories };
  }
  throw new FormatError('unexpected shape: lines are JSON but neither yarn audit (type/data) nor yarn npm audit (value/children) output', docs[0]!.line);
}

/** yarn classic: `auditAdvisory` lines (one per dependency path) then one `auditSummary`. */
function yarnClassic(docs: { doc: unknown; line: number }[], opts: ParseAuditOptions): ParsedAudit {
  const byId = new Map<string, Advisory>();
  let summary = false;
  for (const { doc, line } of docs) {
    if (!isRecord(doc) || typeof doc.type !== 'string') throw new FormatError('expected {"type": …, "data": …} on every line', line);
    if (doc.type === 'error') throw new FormatError(`yarn audit failed: ${typeof doc.data === 'string' ? doc.data : JSON.stringify(doc.data)}`, line);
    if (doc.type === 'auditSummary') summary = true;
    if (doc.type !== 'auditAdvisory') continue;
    if (!isRecord(doc.data)) throw new FormatError('auditAdvisory without data', line);
    const adv = advisoryFromV1Object(doc.data.advisory, 'yarn-audit', opts.origin, `line ${line}`);
    const path = isRecord(doc.data.resolution) && typeof doc.data.resolution.path === 'string' ? doc.data.resolution.path : undefined;
    const prev = byId.get(adv.id);
    if (prev) {
      if (path) prev.reported.push({ name: adv.affected[0]!.name, paths: [path] });
      continue;
    }
    if (path) adv.reported.push({ name: adv.affected[0]!.name, paths: [path] });
    byId.set(adv.id, adv);
  }
  if (!summary) throw new FormatError('no auditSummary line: the output is incomplete (yarn stopped early?)', docs[docs.length - 1]!.line);
  return { format: 'yarn-classic', source: 'yarn-audit', advisories: [...byId.values()] };
}

/** yarn 4: one line per package, `{"value": name, "children": {ID, Issue, URL, Severity, …}}`. */
function yarn4(docs: { doc: unknown; line: number }[], opts: ParseAuditOptions): ParsedAudit {
  const advisories = docs.map(({ doc, line }) => {
    if (!isRecord(doc) || typeof doc.value !== 'string' || !isRecord(doc.children)) throw new FormatError('expected {"value": package, "children": {…}}', line);
    const c = doc.children;
    const numeric = c.ID === undefined ? undefined : String(c.ID);
    const ghsa = ghsaFromUrl(c.URL);
    const id = ghsa ?? (numeric ? `NPM-${numeric}` : undefined);
    const range = c['Vulnerable Versions'];
    if (!id || typeof range !== 'string') throw new FormatError(`advisory for ${doc.value} without ID/URL or "Vulnerable Versions"`, line);
    const versions = Array.isArray(c['Tree Versions']) ? c['Tree Versions'].filter((v): v is string => typeof v === 'string') : [];
    const dependents = Array.isArray(c.Dependents) ? c.Dependents.filter((v): v is string => typeof v === 'string') : undefined;
    const severity = typeof c.Severity === 'string' ? c.Severity.toLowerCase() : undefined;
    const adv: Advisory = {
      id,
      aliases: numeric ? [numeric] : [],
      summary: typeof c.Issue === 'string' ? c.Issue : undefined,
      severity: severity === 'moderate' ? 'medium' : (['critical', 'high', 'medium', 'low', 'info'] as const).find((s) => s === severity),
      severitySource: 'package manager rating',
      cvss: [],
      affected: [{ name: doc.value, ranges: [], semverRange: range, versions: [], fixed: [] }],
      references: typeof c.URL === 'string' ? [c.URL] : [],
      source: 'yarn-audit',
      reported: versions.length ? versions.map((v) => ({ name: doc.value as string, version: v, paths: dependents })) : [{ name: doc.value, paths: dependents }],
      origin: opts.origin,
    };
    return adv;
  });
  return { format: 'yarn4-ndjson', source: 'yarn-audit', advisories };
}

function labelOf(opts: ParseAuditOptions, fallback: AdvisorySource): AdvisorySource {
  switch (opts.tool) {
    case 'pnpm':
      return 'pnpm-audit';
    case 'yarn':
      return 'yarn-audit';
    case 'bun':
      return 'bun-audit';
    case 'npm':
      return 'npm-audit';
    default:
      return fallback;
  }
}
