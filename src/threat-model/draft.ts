/**
 * Drafts a threat model from the source inventory: one trust boundary per kind of runtime, and service
 * paths grouping files by runtime and auth mode, each with the operations it calls and (for key paths)
 * the minimal key scopes. The draft describes the code as it is, except that it never declares an API key
 * in client code: that stays a finding to fix, not a design to accept.
 */
import { Document, isMap, parseDocument, YAMLMap } from 'yaml';
import { compareScopes } from '../code/least-privilege.js';
import type { CallSite, SourceInventory } from '../code/types.js';
import { InputError } from '../core/errors.js';
import { threatModelSchema, type ServicePath, type ThreatModel, type ThreatModelAuth, type TrustBoundary } from './config.js';
import { compareText } from '../core/compare.js';

const BOUNDARIES: Record<'client' | 'server' | 'function', TrustBoundary> = {
  client: { id: 'browser-and-apps', description: 'Browsers and mobile apps: users control this code; it may hold only their own session.', trusted: false },
  server: { id: 'app-servers', description: 'Servers you run (API routes, server actions, SSR): may hold API keys.', trusted: true },
  function: { id: 'appwrite-functions', description: 'Appwrite functions: run with a per-execution key limited to their declared scopes.', trusted: true },
};

export interface Draft {
  threatModel: ThreatModel;
  /** Files with Appwrite calls left out of every path (runtime unknown), for the user to place. */
  unplaced: string[];
  /** Client files whose code uses an API key (not declared in the draft). */
  clientKeyFiles: string[];
}

export function draftThreatModel(inv: SourceInventory): Draft {
  const paths: ServicePath[] = [];
  const used = new Set<'client' | 'server' | 'function'>();
  const sitesByFile = new Map<string, CallSite[]>();
  for (const s of inv.callSites) sitesByFile.set(s.path, [...(sitesByFile.get(s.path) ?? []), s]);
  const clientKeyFiles = [...new Set(inv.keyUses.filter((k) => k.runtime === 'client').map((k) => k.path))].sort();

  // Functions: one path each, scoped by their folder.
  for (const fn of inv.functions) {
    const sites = inv.callSites.filter((s) => s.functionId === fn.id);
    if (!sites.length && !inv.files.some((f) => f.functionId === fn.id)) continue;
    used.add('function');
    const auths = authsOf(sites, 'key');
    const minimal = compareScopes([], sites).minimal;
    paths.push({
      id: slug(`function-${fn.id}`),
      description: `Appwrite function ${fn.name ?? fn.id}${fn.scopes ? ` (appwrite.json scopes: ${fn.scopes.join(', ') || 'none'})` : ''}.`,
      files: [`${fn.root}/**`],
      runtime: 'function',
      auth: auths.length === 1 ? auths[0]! : auths,
      boundary: BOUNDARIES.function.id,
      permissionBoundary: auths.includes('key') ? { scopes: minimal, description: 'Minimal scopes for the calls found; compare with appwrite.json functions[].scopes.' } : { description: 'Acts as the calling user (JWT): limited by document permissions.' },
      operations: opsOf(sites),
    });
  }

  // Server and client files, grouped by the auth modes their calls use.
  const groups = new Map<string, { runtime: 'client' | 'server'; auths: ThreatModelAuth[]; files: string[]; sites: CallSite[] }>();
  const unplaced: string[] = [];
  for (const [file, sites] of [...sitesByFile].sort(([a], [b]) => compareText(a, b))) {
    const runtime = sites[0]!.runtime;
    if (runtime === 'function' || sites.every((s) => s.functionId)) continue;
    const fileRuntime = runtime === 'unknown' ? undefined : runtime;
    const serverSites = sites.filter((s) => s.runtime === 'server');
    const clientSites = sites.filter((s) => s.runtime === 'client');
    if (!fileRuntime) {
      unplaced.push(file);
      continue;
    }
    for (const [rt, list] of [['server', serverSites], ['client', clientSites]] as const) {
      if (!list.length) continue;
      let auths = authsOf(list, rt === 'client' ? 'session' : 'key');
      if (rt === 'client') auths = auths.filter((a) => a !== 'key');
      if (!auths.length) auths = ['session'];
      const key = `${rt}:${auths.join('+')}`;
      const g = groups.get(key) ?? { runtime: rt, auths, files: [], sites: [] };
      g.files.push(file);
      g.sites.push(...list);
      groups.set(key, g);
    }
  }
  for (const g of groups.values()) {
    used.add(g.runtime);
    const keyPath = g.auths.includes('key');
    paths.push({
      id: slug(`${g.runtime}-${g.auths.join('-')}`),
      description:
        g.runtime === 'client'
          ? 'Client code: acts as the signed-in user; limited by document, row and file permissions.'
          : keyPath
            ? 'Server code with the project API key: validates the request before every privileged call.'
            : 'Server code acting as the user (session or JWT forwarded from the request).',
      files: [...new Set(g.files)].sort(),
      runtime: g.runtime,
      auth: g.auths.length === 1 ? g.auths[0]! : g.auths,
      boundary: BOUNDARIES[g.runtime].id,
      permissionBoundary: keyPath
        ? { scopes: compareScopes([], g.sites).minimal, description: 'Scopes of the API key this path uses: the minimal set for the calls found.' }
        : { roles: ['users'], description: 'Document/row/file permissions granted to signed-in users.' },
      operations: opsOf(g.sites),
    });
  }
  const boundaries = (['client', 'server', 'function'] as const).filter((r) => used.has(r)).map((r) => BOUNDARIES[r]);
  const threatModel = threatModelSchema.parse({ boundaries, servicePaths: paths });
  return { threatModel, unplaced, clientKeyFiles };
}

function authsOf(sites: CallSite[], fallback: ThreatModelAuth): ThreatModelAuth[] {
  const order: ThreatModelAuth[] = ['key', 'session', 'jwt', 'guest'];
  const seen = new Set(sites.map((s) => s.auth).filter((a): a is Exclude<typeof a, 'unknown'> => a !== 'unknown'));
  const list = order.filter((a) => seen.has(a as never));
  return list.length ? list : [fallback];
}

function opsOf(sites: CallSite[]): string[] {
  return [...new Set(sites.map((s) => s.operationId ?? `${s.service}.${s.method}`))].sort();
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'path';
}

/** The draft as a YAML document `threatModel: …`, with a header saying what to review. */
export function draftYaml(d: Draft): string {
  const doc = new Document({ threatModel: d.threatModel });
  doc.commentBefore = draftComment(d);
  return doc.toString({ lineWidth: 0 });
}

function draftComment(d: Draft): string {
  const lines = [
    ' Threat model drafted by `appwrite-secops threat-model init` from the code as it is today.',
    ' Review every service path: its runtime, auth mode and permission boundary are what the audit',
    ' holds the code to (endpoints/* and scopes/* checks).',
  ];
  if (d.clientKeyFiles.length) lines.push(` WARNING: client code uses an API key in ${d.clientKeyFiles.join(', ')}; not declared here (fix it).`);
  if (d.unplaced.length) lines.push(` Not placed (runtime unknown, add them to a path): ${d.unplaced.join(', ')}`);
  return lines.join('\n');
}

/**
 * Merges the draft into an existing config text (YAML, or JSON which is YAML too), keeping its other
 * settings and comments. Throws when the config already has a threat model and `force` is not set.
 */
export function mergeIntoConfig(existing: string, d: Draft, shownAs: string, force: boolean, json: boolean): string {
  if (json) {
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(existing) as Record<string, unknown>;
    } catch (err) {
      throw new InputError(`cannot add the threat model to ${shownAs}: ${(err as Error).message}`, { position: { path: shownAs }, hint: 'fix the JSON, or print the draft with --stdout' });
    }
    if (obj.threatModel !== undefined && !force) throw alreadyThere(shownAs);
    return `${JSON.stringify({ ...obj, threatModel: d.threatModel }, null, 2)}\n`;
  }
  const doc = parseDocument(existing);
  if (doc.errors.length) throw new InputError(`cannot add the threat model to ${shownAs}: ${doc.errors[0]!.message.split('\n')[0]}`, { position: { path: shownAs }, hint: 'fix the YAML, or print the draft with --stdout' });
  if (doc.contents && !isMap(doc.contents)) throw new InputError(`${shownAs} is not a mapping of settings`, { position: { path: shownAs, line: 1 } });
  if (!doc.contents) doc.contents = new YAMLMap() as unknown as typeof doc.contents;
  if (doc.has('threatModel') && !force) throw alreadyThere(shownAs);
  const node = doc.createNode(d.threatModel);
  node.commentBefore = draftComment(d);
  doc.set('threatModel', node);
  return doc.toString({ lineWidth: 0 });
}

function alreadyThere(shownAs: string): InputError {
  return new InputError(`${shownAs} already has a threatModel section`, { position: { path: shownAs }, hint: 'review it by hand, print a fresh draft with --stdout, or replace it with --force' });
}
