import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Location as SarifLocation, Log, LogicalLocation, Notification, PhysicalLocation, ReportingDescriptor, Result } from 'sarif';
import type { CheckMeta } from '../core/check.js';
import type { Diagnostic } from '../core/collector.js';
import type { Finding, Location } from '../core/finding.js';
import type { AuditResult } from '../core/result.js';
import type { Severity } from '../core/severity.js';
import { normalizeLocation } from './json.js';
import { mdProse } from './markdown-escape.js';
import { bigintReplacer, sortedDiagnostics, sortedFindings, validPosition, verdictOf } from './presentation.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The package page: the one address that is right for every install. */
export const TOOL_INFORMATION_URI = 'https://www.npmjs.com/package/appwrite-secops';
/** Key of our fingerprint in `partialFingerprints`; the version lets the fingerprint recipe change later. */
export const FINGERPRINT_KEY = 'appwriteSecops/v1';
/** Where a result without a file location is anchored when no config file is in the workspace. */
export const DEFAULT_ANCHOR = 'appwrite-secops.yaml';

/**
 * CVSS-like scores for GitHub code scanning, which maps security-severity to its own levels:
 * > 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. Each value sits inside its band.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

const NOTIFICATIONS: ReportingDescriptor[] = [
  {
    id: 'could-not-tell',
    name: 'CouldNotTell',
    shortDescription: { text: 'A check could not tell whether the workspace is secure (unreadable input, missing permission, collector failure).' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'input-problem',
    name: 'InputProblem',
    shortDescription: { text: 'An input had a problem (e.g. a malformed line) that did not stop the audit.' },
    defaultConfiguration: { level: 'warning' },
  },
];

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. One run; one rule per check;
 * results for `fail` and `excepted` findings (the latter with an accepted suppression); `error`
 * findings and input diagnostics as tool execution notifications, with `executionSuccessful: false`
 * when the audit is incomplete. Passes and skips are counted in `run.properties.summary`.
 */
export function renderSarif(result: AuditResult): string {
  return `${JSON.stringify(buildSarif(result), bigintReplacer, 2)}\n`;
}

export function buildSarif(result: AuditResult): Log {
  const rules = rulesFor(result);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const anchor = anchorFor(result);
  const findings = sortedFindings(result.findings);

  const results: Result[] = findings
    .filter((f) => f.status === 'fail' || f.status === 'excepted')
    .map((f) => toResult(f, ruleIndex.get(f.checkId)!, result.root, anchor));

  const notifications: Notification[] = [
    ...findings.filter((f) => f.status === 'error').map((f) => errorNotification(f, ruleIndex.get(f.checkId)!, result.root)),
    ...sortedDiagnostics(result.diagnostics).map((d) => diagnosticNotification(d, result.root)),
  ];

  const started = Date.parse(result.startedAt);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            ...(/^\d+\.\d+\.\d+/.test(result.tool.version) ? { semanticVersion: result.tool.version } : {}),
            informationUri: TOOL_INFORMATION_URI,
            rules,
            notifications: NOTIFICATIONS,
          },
        },
        invocations: [
          {
            executionSuccessful: result.summary.complete,
            ...(Number.isFinite(started)
              ? { startTimeUtc: new Date(started).toISOString(), endTimeUtc: new Date(started + Math.max(0, result.durationMs)).toISOString() }
              : {}),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(result.root) } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { schemaVersion: result.schemaVersion, verdict: verdictOf(result.summary), summary: result.summary },
      },
    ],
  };
}

function rulesFor(result: AuditResult): ReportingDescriptor[] {
  const metas = new Map<string, CheckMeta>();
  for (const m of result.checks) if (!metas.has(m.id)) metas.set(m.id, m);
  // A finding whose check is missing from `checks` (a library caller building results by hand) still
  // needs a rule for ruleIndex to point at: describe it from the finding itself.
  for (const f of sortedFindings(result.findings)) {
    if (!metas.has(f.checkId)) {
      metas.set(f.checkId, { id: f.checkId, title: f.title, severity: f.severity, risk: f.title, remediation: f.remediation, references: f.references, controls: f.controls });
    }
  }
  return [...metas.values()].map(toRule);
}

function toRule(m: CheckMeta): ReportingDescriptor {
  const area = m.id.split('/')[0]!;
  const helpUri = m.references.find(isWebUrl);
  const refsText = m.references.length ? `\n\nReferences:\n${m.references.map((r) => `- ${r}`).join('\n')}` : '';
  const refsMd = m.references.length ? `\n\n**References**\n\n${m.references.map((r) => (isWebUrl(r) ? `- <${r}>` : `- ${r}`)).join('\n')}` : '';
  return {
    id: m.id,
    name: ruleName(m.id),
    shortDescription: { text: m.title },
    fullDescription: { text: m.risk || m.title },
    help: {
      text: `${m.remediation}\n\nRisk: ${m.risk}${refsText}`,
      markdown: `**Fix.** ${mdProse(m.remediation, { inTable: false, max: Infinity })}\n\n**Risk.** ${mdProse(m.risk, { inTable: false, max: Infinity })}${refsMd}`,
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[m.severity] },
    properties: {
      tags: [...new Set(['security', area, ...m.controls])],
      'security-severity': SECURITY_SEVERITY[m.severity],
      severity: m.severity,
    },
  };
}

/** `selfhost/force-https` -> `SelfhostForceHttps`: SARIF wants a name without spaces or slashes. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function toResult(f: Finding, ruleIndex: number, root: string, anchor: ArtifactLocation): Result {
  const fileLoc = f.location && isFilePath(f.location.path) ? f.location : undefined;
  const location: SarifLocation = fileLoc
    ? { physicalLocation: physical(fileLoc, root), ...(f.resource ? { logicalLocations: [logical(f)] } : {}) }
    : // GitHub rejects a whole SARIF file when one result has no physical location, so a result about a
      // live project or an exception is anchored at the config file and says where it really is logically.
      { physicalLocation: { artifactLocation: anchor, properties: { anchor: true } }, logicalLocations: [logical(f)] };
  const properties: Record<string, unknown> = {
    severity: f.severity,
    'security-severity': SECURITY_SEVERITY[f.severity],
    status: f.status,
    ...(f.resource ? { resource: f.resource } : {}),
    ...(f.location && !fileLoc ? { location: f.location.path } : {}),
    ...(f.evidence ? { evidence: f.evidence } : {}),
    ...(f.aliases?.length ? { aliases: f.aliases } : {}),
    ...(f.controls.length ? { controls: f.controls } : {}),
  };
  if (f.remediation) properties.remediation = f.remediation;
  return {
    ruleId: f.checkId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message || f.title },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.status === 'excepted'
      ? {
          suppressions: [
            {
              kind: 'external' as const,
              status: 'accepted' as const,
              justification: f.exception ? `${f.exception.reason} (owner ${f.exception.owner}, expires ${f.exception.expires})` : 'accepted risk',
              ...(f.exception ? { properties: { owner: f.exception.owner, expires: f.exception.expires, exceptionIndex: f.exception.index } } : {}),
            },
          ],
        }
      : {}),
    properties,
  };
}

function errorNotification(f: Finding, ruleIndex: number, root: string): Notification {
  const detail = f.errorDetail && !f.message.includes(f.errorDetail) ? ` (${f.errorDetail})` : '';
  const loc = f.location && isFilePath(f.location.path) ? { physicalLocation: physical(f.location, root) } : f.resource || f.location ? { logicalLocations: [logical(f)] } : undefined;
  return {
    level: 'error',
    message: { text: `${f.checkId}: ${f.message || 'could not tell'}${detail}` },
    descriptor: { id: 'could-not-tell', index: 0 },
    associatedRule: { id: f.checkId, index: ruleIndex },
    ...(loc ? { locations: [loc] } : {}),
    properties: { severity: f.severity, fingerprint: f.fingerprint, remediation: f.remediation },
  };
}

function diagnosticNotification(d: Diagnostic, root: string): Notification {
  const loc: SarifLocation | undefined =
    d.path === undefined ? undefined : isFilePath(d.path) ? { physicalLocation: physical({ path: d.path, line: d.line, column: d.column }, root) } : { logicalLocations: [{ fullyQualifiedName: d.path }] };
  return {
    level: d.level === 'error' ? 'error' : 'warning',
    message: { text: d.message || 'input problem' },
    descriptor: { id: 'input-problem', index: 1 },
    ...(loc ? { locations: [loc] } : {}),
    properties: { source: d.source },
  };
}

function physical(loc: Location, root: string): PhysicalLocation {
  const n = normalizeLocation(loc);
  const region = validPosition(n.line)
    ? {
        startLine: n.line,
        ...(n.column ? { startColumn: n.column } : {}),
        ...(n.endLine ? { endLine: n.endLine } : {}),
        ...(n.endLine && n.endColumn ? { endColumn: n.endColumn } : {}),
      }
    : undefined;
  return { artifactLocation: artifactFor(n.path, root), ...(region ? { region } : {}) };
}

function logical(f: Finding): LogicalLocation {
  const r = f.resource;
  const nonFile = f.location && !isFilePath(f.location.path) ? f.location.path : undefined;
  return {
    name: r?.name ?? r?.id ?? nonFile ?? f.checkId,
    fullyQualifiedName: r ? `${r.type}/${r.id}` : (nonFile ?? f.checkId),
    kind: r?.type ?? 'resource',
  };
}

function artifactFor(p: string, root: string): ArtifactLocation {
  if (/^file:/i.test(p)) return { uri: p };
  const drive = /^([A-Za-z]):[\\/](.*)$/.exec(p);
  if (drive && !path.isAbsolute(p)) return { uri: `file:///${drive[1]}:/${encodePath(drive[2]!.replace(/\\/g, '/'))}` };
  if (path.isAbsolute(p)) {
    // Inside the audited root: relative to %SRCROOT% like every other result, so code scanning can show it.
    const rel = relativeInside(root, p);
    return rel ? { uri: encodePath(rel), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(p).href };
  }
  return { uri: encodePath(p.replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}

function anchorFor(result: AuditResult): ArtifactLocation {
  const rel = result.configPath ? relativeInside(result.root, result.configPath) : undefined;
  return { uri: rel ? encodePath(rel) : DEFAULT_ANCHOR, uriBaseId: '%SRCROOT%' };
}

/** `p` relative to `root` with forward slashes, or undefined when it lies outside root. */
function relativeInside(root: string, p: string): string | undefined {
  const rel = path.relative(root, p);
  if (!rel || path.isAbsolute(rel) || rel === '..' || rel.startsWith(`..${path.sep}`)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Percent-encodes each segment, so spaces, `#`, `%` and `?` in file names stay part of the path. */
export function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A URL or `env:NAME` is not a file: it gets a logical location. A Windows drive letter is a file. */
export function isFilePath(p: string): boolean {
  if (/^[A-Za-z]:[\\/]/.test(p)) return true;
  if (/^file:/i.test(p)) return true;
  return !/^[A-Za-z][A-Za-z0-9+.-]+:/.test(p);
}

function isWebUrl(s: string): boolean {
  return /^https?:\/\//i.test(s) && URL.canParse(s);
}
