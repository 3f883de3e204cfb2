/**
 * Builds src/appwrite/endpoints.generated.ts, the compact operation catalog, from the official Appwrite
 * OpenAPI specs (client, server, console). The output is committed: the tool never reads the specs at
 * run time. Usage:
 *
 *   node --import tsx scripts/generate-endpoints.ts [spec-folder]   # default ../shared/appwrite/specs
 *
 * Derivation (see docs: x-appwrite in Appwrite's OpenAPI3 generator):
 * - service = the operation's first tag (`tablesDB`), method = `x-appwrite.method`, variants = `methods[]`.
 * - scopes = `x-appwrite.scope` (a string or a list of alternatives).
 * - auth: the OpenAPI `security` schemes across specs (Session -> session, JWT -> jwt, Key -> key), plus
 *   admin when the console spec lists it. A variant whose server-spec `auth` names Key but not Session is
 *   key-only (e.g. `databases.createDocuments`, the bulk form of `createDocument`).
 * - rate limit = `rate-limit` / `rate-time` / `rate-key`; deprecated = `{since, replaceWith}`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Platform = 'client' | 'server' | 'console';
type Auth = 'session' | 'jwt' | 'key' | 'admin';
const PLATFORMS: Platform[] = ['client', 'server', 'console'];
const HTTP = ['get', 'post', 'put', 'patch', 'delete'] as const;
const AUTH_ORDER: Auth[] = ['session', 'jwt', 'key', 'admin'];

interface XMethod {
  name: string;
  namespace?: string;
  auth?: Record<string, unknown>;
  deprecated?: { since: string; replaceWith: string } | false;
}
interface XAppwrite {
  method: string;
  scope?: string | string[];
  'rate-limit'?: number;
  'rate-time'?: number;
  'rate-key'?: string | string[];
  platforms?: string[];
  deprecated?: { since: string; replaceWith: string } | false;
  methods?: XMethod[];
  auth?: Record<string, unknown>;
}
interface SpecOperation {
  tags?: string[];
  security?: Record<string, unknown>[];
  'x-appwrite'?: XAppwrite;
}
interface Spec {
  info: { version: string };
  paths: Record<string, Record<string, SpecOperation>>;
}

interface Acc {
  service: string;
  method: string;
  http: string;
  path: string;
  scopes: string[];
  auth: Set<Auth>;
  rate: [number, number, string[]];
  specs: Set<Platform>;
  deprecated: [string, string] | null;
  variants: Map<string, { keyOnly: boolean; deprecated: [string, string] | null; specs: Set<Platform> }>;
}

export interface GenerateResult {
  source: string;
  operations: number;
  methods: number;
  version: string;
}

export async function generateEndpoints(specDir: string): Promise<GenerateResult> {
  const ops = new Map<string, Acc>();
  let version = '';
  for (const platform of PLATFORMS) {
    const file = path.join(specDir, `open-api3-1.8.x-${platform}.json`);
    const spec = JSON.parse(await readFile(file, 'utf8')) as Spec;
    version ||= spec.info.version;
    for (const [p, item] of Object.entries(spec.paths)) {
      for (const verb of HTTP) {
        const op = item[verb];
        const x = op?.['x-appwrite'];
        if (!op || !x) continue;
        const key = `${verb.toUpperCase()} ${p}`;
        let acc = ops.get(key);
        if (!acc) {
          acc = {
            service: op.tags?.[0] ?? 'unknown',
            method: x.method,
            http: verb.toUpperCase(),
            path: p,
            scopes: x.scope === undefined ? [] : Array.isArray(x.scope) ? x.scope : [x.scope],
            auth: new Set(),
            rate: [x['rate-limit'] ?? 0, x['rate-time'] ?? 3600, x['rate-key'] === undefined ? [] : Array.isArray(x['rate-key']) ? x['rate-key'] : [x['rate-key']]],
            specs: new Set(),
            deprecated: x.deprecated ? [x.deprecated.since, x.deprecated.replaceWith] : null,
            variants: new Map(),
          };
          ops.set(key, acc);
        }
        acc.specs.add(platform);
        for (const scheme of op.security ?? []) {
          if ('Session' in scheme) acc.auth.add('session');
          if ('JWT' in scheme) acc.auth.add('jwt');
          if ('Key' in scheme) acc.auth.add('key');
        }
        if (platform === 'console' && (x.platforms ?? []).includes('console')) acc.auth.add('admin');
        const methods: XMethod[] = x.methods?.length ? x.methods : [{ name: x.method, auth: x.auth, deprecated: x.deprecated }];
        for (const m of methods) {
          const v = acc.variants.get(m.name) ?? { keyOnly: false, deprecated: null, specs: new Set<Platform>() };
          v.specs.add(platform);
          if (platform === 'server' && m.auth && 'Key' in m.auth && !('Session' in m.auth) && !('JWT' in m.auth)) v.keyOnly = true;
          if (m.deprecated) v.deprecated = [m.deprecated.since, m.deprecated.replaceWith];
          acc.variants.set(m.name, v);
        }
      }
    }
  }

  const lines: string[] = [];
  let methods = 0;
  const sorted = [...ops.values()].sort((a, b) => a.service.localeCompare(b.service) || a.method.localeCompare(b.method));
  for (const a of sorted) {
    const auth = AUTH_ORDER.filter((m) => a.auth.has(m));
    const opSpecs = PLATFORMS.filter((p) => a.specs.has(p));
    const variants = [...a.variants.entries()].map(([name, v]) => {
      methods++;
      const vAuth = v.keyOnly ? auth.filter((m) => m === 'key' || m === 'admin') : null;
      const sameDep = name === a.method && JSON.stringify(v.deprecated) === JSON.stringify(a.deprecated);
      const vSpecs = PLATFORMS.filter((p) => v.specs.has(p));
      return [name, vAuth && vAuth.length !== auth.length ? vAuth : null, sameDep ? null : v.deprecated, vSpecs.length === opSpecs.length ? null : vSpecs];
    });
    const rec = [a.service, a.method, a.http, a.path, a.scopes, auth, a.rate[0], a.rate[1], a.rate[2], opSpecs, a.deprecated, variants];
    lines.push(`  ${JSON.stringify(rec)}`);
  }
  const json = `[\n${lines.join(',\n')}\n]`;
  // The records travel as JSON text in a String.raw template: parsing JSON on first use is far cheaper
  // than compiling a 100 KB array literal on every start of the CLI, most of which never looks at it.
  if (json.includes('`') || json.includes('${')) throw new Error('an operation record holds a backtick or ${, which the String.raw template cannot carry');
  const source = `// Generated by scripts/generate-endpoints.ts from the Appwrite ${version} OpenAPI specs
// (open-api3-1.8.x-{client,server,console}.json). Do not edit by hand: run
// \`node --import tsx scripts/generate-endpoints.ts [spec-folder]\` instead.
// Record layout: see OperationRecord in ./endpoints.ts.
export const ENDPOINT_CATALOG_SOURCE = { appwrite: ${JSON.stringify(version)}, specs: 'open-api3-1.8.x', operations: ${ops.size}, methods: ${methods} } as const;

/** JSON text of OperationRecord[]; parsed on first use by ./endpoints.ts. */
export const OPERATION_RECORDS_JSON: string = String.raw\`${json}\`;
`;
  return { source, operations: ops.size, methods, version };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const specDir = path.resolve(process.argv[2] ?? '../shared/appwrite/specs');
  const out = fileURLToPath(new URL('../src/appwrite/endpoints.generated.ts', import.meta.url));
  const result = await generateEndpoints(specDir);
  await writeFile(out, result.source);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}: ${result.operations} operations, ${result.methods} SDK methods (Appwrite ${result.version})\n`);
}
