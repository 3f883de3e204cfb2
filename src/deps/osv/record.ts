import * as z from 'zod';
import type { Advisory, AdvisorySource, AffectedPackage, OsvRange } from '../model.js';
import { bestCvss, cvssFrom, normaliseSeverity, severityOfScore } from '../severity.js';

/** The part of the OSV schema (1.x) we read; unknown fields are allowed, as the schema grows. */
const eventSchema = z.looseObject({
  introduced: z.string().optional(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
  limit: z.string().optional(),
});

export const osvRecordSchema = z.looseObject({
  schema_version: z.string().optional(),
  id: z.string().min(1),
  modified: z.string().optional(),
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: z.array(z.string()).nullish(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(z.looseObject({ type: z.string(), score: z.string() })).nullish(),
  affected: z
    .array(
      z.looseObject({
        package: z.looseObject({ ecosystem: z.string(), name: z.string(), purl: z.string().optional() }).optional(),
        ranges: z.array(z.looseObject({ type: z.string(), events: z.array(eventSchema) })).nullish(),
        versions: z.array(z.string()).nullish(),
        severity: z.array(z.looseObject({ type: z.string(), score: z.string() })).nullish(),
        ecosystem_specific: z.record(z.string(), z.unknown()).nullish(),
        database_specific: z.record(z.string(), z.unknown()).nullish(),
      }),
    )
    .nullish(),
  references: z.array(z.looseObject({ type: z.string().optional(), url: z.string() })).nullish(),
  database_specific: z.record(z.string(), z.unknown()).nullish(),
});

export type OsvRecord = z.output<typeof osvRecordSchema>;

export const NPM_ECOSYSTEM = 'npm';

/** Cheap test before full validation: does the raw record mention one of these npm packages? */
export function mentionsPackage(raw: unknown, names: ReadonlySet<string>): boolean {
  const affected = (raw as { affected?: unknown })?.affected;
  if (!Array.isArray(affected)) return false;
  for (const a of affected) {
    const p = (a as { package?: { ecosystem?: unknown; name?: unknown } } | null)?.package;
    if (p && p.ecosystem === NPM_ECOSYSTEM && typeof p.name === 'string' && names.has(p.name)) return true;
  }
  return false;
}

/** Human summary of a zod failure for a record: `affected.0.ranges: expected array`. */
export function describeInvalid(raw: unknown): string | undefined {
  const r = osvRecordSchema.safeParse(raw);
  if (r.success) return undefined;
  const i = r.error.issues[0]!;
  return `${i.path.join('.') || '(root)'}: ${i.message}`;
}

/**
 * Validates an OSV record and turns its npm part into an Advisory. Throws a TypeError naming the bad
 * field when the record does not follow the schema; returns undefined for withdrawn records and for
 * records with no npm package.
 */
export function advisoryFromOsv(raw: unknown, source: AdvisorySource, origin: string): Advisory | undefined {
  const parsed = osvRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new TypeError(`not an OSV record: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const rec = parsed.data;
  if (rec.withdrawn) return undefined;
  const affected: AffectedPackage[] = [];
  for (const a of rec.affected ?? []) {
    if (!a.package || a.package.ecosystem !== NPM_ECOSYSTEM) continue;
    const ranges: OsvRange[] = (a.ranges ?? [])
      .filter((r) => r.type === 'SEMVER' || r.type === 'ECOSYSTEM')
      .map((r) => ({ type: r.type as OsvRange['type'], events: r.events.map(({ introduced, fixed, last_affected, limit }) => ({ introduced, fixed, last_affected, limit })) }));
    const existing = affected.find((x) => x.name === a.package!.name);
    const versions = a.versions ?? [];
    if (existing) {
      existing.ranges.push(...ranges);
      existing.versions.push(...versions);
    } else {
      affected.push({ name: a.package.name, ranges, versions: [...versions], fixed: [] });
    }
  }
  if (affected.length === 0) return undefined;
  const cvss = [...(rec.severity ?? []), ...(rec.affected ?? []).flatMap((a) => a.severity ?? [])]
    .map((s) => cvssFrom(s.type, s.score))
    .filter((c): c is NonNullable<typeof c> => !!c);
  const { severity, severitySource } = osvSeverity(rec, cvss);
  return {
    id: rec.id,
    aliases: [...new Set(rec.aliases ?? [])].filter((a) => a !== rec.id),
    summary: rec.summary ?? firstSentence(rec.details),
    severity,
    severitySource,
    cvss,
    affected,
    published: rec.published,
    modified: rec.modified,
    references: (rec.references ?? []).map((r) => r.url),
    source,
    reported: [],
    origin,
  };
}

function osvSeverity(rec: OsvRecord, cvss: ReturnType<typeof cvssFrom>[]): Pick<Advisory, 'severity' | 'severitySource'> {
  const ghsa = normaliseSeverity(rec.database_specific?.severity);
  if (ghsa) return { severity: ghsa, severitySource: 'GHSA rating' };
  const best = bestCvss(cvss.filter((c): c is NonNullable<typeof c> => !!c));
  if (best?.score !== undefined) return { severity: severityOfScore(best.score), severitySource: `CVSS ${best.version} ${best.score}` };
  for (const a of rec.affected ?? []) {
    const s = normaliseSeverity(a.ecosystem_specific?.severity) ?? normaliseSeverity(a.database_specific?.severity);
    if (s) return { severity: s, severitySource: 'ecosystem rating' };
  }
  // OSV's MAL- records are malicious packages (ossf/malicious-packages): installing one is a compromise
  if (rec.id.startsWith('MAL-')) return { severity: 'critical', severitySource: 'malicious package' };
  return {};
}

function firstSentence(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const line = s.trim().split('\n')[0]!;
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
