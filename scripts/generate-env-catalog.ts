/**
 * Builds the committed catalogs the self-hosted audit reads, from the research data files:
 *
 *   src/appwrite/env-vars.generated.ts    <- env-variables.json (app/config/variables.php at a release tag)
 *   src/appwrite/advisories.generated.ts  <- advisories.json (GitHub Advisory Database rows for appwrite/server-ce)
 *
 * Usage: node --import tsx scripts/generate-env-catalog.ts [data-folder]   (default ../shared/appwrite,
 * relative to the project root). The tool never reads the JSON at run time or in tests.
 *
 * Derivations (everything else is copied):
 * - `secret`: the research annotation says `kind: secret`, or the installer generates the value
 *   (filter `token`/`password`), or the name ends like a credential (…SECRET, …PASSWORD, …_PASS,
 *   …PRIVATE_KEY, …API_KEY, …ACCESS_KEY). User names are never secret.
 * - `deprecated`: from the description ("Deprecated since 1.7.0 … use X instead"); a `_APP_FUNCTIONS_*`
 *   name deprecated in 1.7.0 whose `_APP_COMPUTE_*` twin exists is replaced by that twin (the 1.7.0
 *   rename); two editorial replacements are listed in EDITORIAL_REPLACEMENTS with their source.
 *   Chains (A -> B, B deprecated -> C) are followed to the current name.
 * - `release: 'unreleased'` for variables only on the main branch, so that they count as known names
 *   (no typo finding) while the catalog still says they are not in the latest release.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdvisorySpec } from '../src/appwrite/advisories.js';
import type { EnvVarSpec } from '../src/appwrite/env-vars.js';

interface RawVar {
  name: string;
  category: string;
  description: string;
  default: string | number | boolean | null;
  introduced?: string;
  required?: boolean;
  installerFilter?: string;
  deprecated?: boolean;
  security?: { relevant: boolean; kind?: string; severity?: string; note?: string };
}

interface RawEnvFile {
  source: { repo: string; path: string; ref: string; commit: string };
  variables: RawVar[];
  unreleased_main_only?: { source: { ref: string; commit: string }; variables: RawVar[] };
}

interface RawAdvisory {
  ghsa: string;
  cve?: string;
  title: string;
  severity: string;
  published?: string;
  affected: string[];
  fixed: string[];
  fixed_claimed?: string;
  affected_note?: string;
  source_url: string;
}

/** Replacements the description does not name; each with the source that says so. */
const EDITORIAL_REPLACEMENTS: Record<string, { replacement: string[]; source: string }> = {
  _APP_OPTIONS_FUNCTIONS_FORCE_HTTPS: {
    replacement: ['_APP_OPTIONS_ROUTER_FORCE_HTTPS'],
    source: 'Appwrite 1.7.0 moved function domains behind the router (variables.php: _APP_OPTIONS_ROUTER_FORCE_HTTPS)',
  },
  _APP_DOMAIN_TARGET: {
    replacement: ['_APP_DOMAIN_TARGET_CNAME'],
    source: 'Appwrite 1.7.0 split the target into _APP_DOMAIN_TARGET_CNAME / _A / _AAAA',
  },
};

const CREDENTIAL_NAME = /(SECRET|PASSWORD|_PASS|PRIVATE_KEY|API_KEY|ACCESS_KEY|_KEY_V\d+)$/;
const USER_NAME = /(_USER|_USERNAME|_EMAIL)$/;

/** The generated catalog holds exactly what the runtime reads (one type, no copy to drift). */
export type CatalogVar = EnvVarSpec;

function summaryOf(description: string): string {
  const first = description.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0] ?? '';
  return first.length > 200 ? `${first.slice(0, 197)}...` : first;
}

function isSecret(v: RawVar): boolean {
  if (USER_NAME.test(v.name)) return false;
  if (v.security?.relevant && v.security.kind === 'secret') return true;
  if (v.installerFilter === 'token' || v.installerFilter === 'password') return true;
  return CREDENTIAL_NAME.test(v.name);
}

function parseDeprecation(v: RawVar, names: Set<string>): CatalogVar['deprecated'] | undefined {
  const text = v.description;
  const marked = v.deprecated || /\bdeprecated\b/i.test(text);
  if (!marked) return undefined;
  const since = /deprecated\s+(?:since|with)\s+v?(\d+(?:\.\d+)*)/i.exec(text)?.[1];
  const replacement: string[] = [];
  const use = /\buse\s+['`"]?([A-Z_][A-Z0-9_]+)['`"]?(?:\s+and\s+['`"]?([A-Z_][A-Z0-9_]+)['`"]?)?/.exec(text);
  if (use) for (const n of [use[1], use[2]]) if (n && names.has(n)) replacement.push(n);
  if (replacement.length === 0 && v.name.startsWith('_APP_FUNCTIONS_') && since === '1.7.0') {
    const twin = v.name.replace('_APP_FUNCTIONS_', '_APP_COMPUTE_');
    if (names.has(twin)) replacement.push(twin);
  }
  if (replacement.length === 0 && EDITORIAL_REPLACEMENTS[v.name]) replacement.push(...EDITORIAL_REPLACEMENTS[v.name]!.replacement);
  return { ...(since ? { since } : {}), ...(replacement.length ? { replacement } : {}) };
}

function toCatalog(v: RawVar, release: CatalogVar['release'], names: Set<string>): CatalogVar {
  const out: CatalogVar = {
    name: v.name,
    category: v.category,
    summary: summaryOf(v.description),
    default: v.default === null || v.default === undefined ? '' : String(v.default),
    release,
  };
  if (v.introduced && v.introduced !== '') out.introduced = v.introduced;
  if (v.required) out.required = true;
  if (v.installerFilter) out.installerFilter = v.installerFilter;
  if (isSecret(v)) out.secret = true;
  const dep = parseDeprecation(v, names);
  if (dep) out.deprecated = dep;
  if (v.security?.relevant && v.security.kind && v.security.severity) out.security = { kind: v.security.kind, severity: v.security.severity };
  return out;
}

/** Follows A -> B -> C until the replacement is a name that is not itself deprecated. */
function resolveChains(vars: CatalogVar[]): void {
  const byName = new Map(vars.map((v) => [v.name, v]));
  for (const v of vars) {
    const rep = v.deprecated?.replacement;
    if (!rep) continue;
    v.deprecated!.replacement = rep.map((start) => {
      let cur = start;
      const seen = new Set([v.name]);
      while (!seen.has(cur)) {
        seen.add(cur);
        const next = byName.get(cur)?.deprecated?.replacement?.[0];
        if (!next) break;
        cur = next;
      }
      return cur;
    });
  }
}

export function buildEnvCatalog(raw: RawEnvFile): { vars: CatalogVar[]; source: RawEnvFile['source'] & { release: string } } {
  const release = /(\d+\.\d+\.\d+[\w.-]*)/.exec(raw.source.ref)?.[1];
  if (!release) throw new Error(`env-variables.json: cannot read a release from source.ref "${raw.source.ref}"`);
  const unreleased = raw.unreleased_main_only?.variables ?? [];
  const names = new Set([...raw.variables, ...unreleased].map((v) => v.name));
  const stableNames = new Set(raw.variables.map((v) => v.name));
  const vars = [
    ...raw.variables.map((v) => toCatalog(v, 'stable', names)),
    ...unreleased.filter((v) => !stableNames.has(v.name)).map((v) => toCatalog(v, 'unreleased', names)),
  ];
  resolveChains(vars);
  return { vars, source: { ...raw.source, release } };
}

export type CatalogAdvisory = AdvisorySpec;

export function buildAdvisories(raw: { package: { ecosystem: string; name: string }; advisories: RawAdvisory[] }): CatalogAdvisory[] {
  return raw.advisories.map((a) => ({
    id: a.ghsa,
    aliases: [a.ghsa, ...(a.cve ? [a.cve] : [])],
    title: a.title,
    severity: a.severity,
    ...(a.published ? { published: a.published } : {}),
    affected: a.affected,
    fixed: a.fixed,
    ...(a.fixed_claimed ? { fixedClaimed: a.fixed_claimed } : {}),
    ...(a.affected_note ? { note: a.affected_note } : {}),
    url: a.source_url,
  }));
}

function header(what: string, from: string): string {
  return `// Generated by scripts/generate-env-catalog.ts from ${from}.\n// ${what} Do not edit: run \`node --import tsx scripts/generate-env-catalog.ts\` instead.\n`;
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dataDir = path.resolve(root, process.argv[2] ?? '../shared/appwrite');
  const envRaw = JSON.parse(await readFile(path.join(dataDir, 'env-variables.json'), 'utf8')) as RawEnvFile;
  const advRaw = JSON.parse(await readFile(path.join(dataDir, 'advisories.json'), 'utf8')) as Parameters<typeof buildAdvisories>[0];

  const { vars, source } = buildEnvCatalog(envRaw);
  const envOut =
    header(
      `Appwrite's self-hosted environment variables (${vars.filter((v) => v.release === 'stable').length} of release ${source.release}, ${vars.filter((v) => v.release === 'unreleased').length} only on main).`,
      `${source.repo} ${source.path} at ${source.ref} (${source.commit})`,
    ) +
    `import type { EnvVarSpec } from './env-vars.js';\n\n` +
    `export const ENV_CATALOG_SOURCE = ${JSON.stringify(source)} as const;\n\n` +
    `export const ENV_VAR_CATALOG: readonly EnvVarSpec[] = [\n${vars.map((v) => `  ${JSON.stringify(v)},`).join('\n')}\n];\n`;
  await writeFile(path.join(root, 'src/appwrite/env-vars.generated.ts'), envOut);

  const advisories = buildAdvisories(advRaw);
  const advOut =
    header(`Known advisories for ${advRaw.package.ecosystem} ${advRaw.package.name}; ranges are Composer notation as recorded upstream.`, 'advisories.json (GitHub Advisory Database)') +
    `import type { AdvisorySpec } from './advisories.js';\n\n` +
    `export const ADVISORY_PACKAGE = ${JSON.stringify(advRaw.package)} as const;\n\n` +
    `export const ADVISORY_CATALOG: readonly AdvisorySpec[] = [\n${advisories.map((a) => `  ${JSON.stringify(a)},`).join('\n')}\n];\n`;
  await writeFile(path.join(root, 'src/appwrite/advisories.generated.ts'), advOut);
  process.stdout.write(`wrote ${vars.length} variables and ${advisories.length} advisories\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`generate-env-catalog: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
