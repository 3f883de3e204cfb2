import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { interpolate, type Lookup } from './interpolate.js';
import type { ComposeEnvEntry, ComposeService, EnvFileRef, ImageRef, PortMapping, Position, VolumeMount } from './schema.js';

/** yaml's default; the guard that stops alias bombs. Never -1 (that disables it). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedCompose {
  services: ComposeService[];
  error?: { message: string; line?: number; column?: number };
  /** Problems that do not stop the file from being read (unset variables, old format). */
  warnings: { message: string; line?: number; column?: number }[];
  /** Every variable the file interpolates (`${_APP_HTTP_PORT:-80}`): compose-level names, not typos. */
  variables: string[];
}

/**
 * Parses one compose file: services with image, ports, volumes, environment and env_file, each with
 * its line. `${VAR}` in values is resolved through `lookup` (the `.env` next to the file).
 * `fileDir` is the root-relative folder of the file, for env_file paths.
 */
export function parseCompose(text: string, fileDir: string, lookup: Lookup): ParsedCompose {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, merge: true, prettyErrors: false, strict: false });
  const warnings: ParsedCompose['warnings'] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined): Position => {
    const p = node?.range ? lc.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    return { services: [], warnings, variables: [], error: { message: `invalid YAML: ${e.message.split('\n')[0]}`, line: p.line, column: p.col } };
  }
  try {
    // Expands every alias once under the count limit: an alias bomb fails here, fast, before we walk it.
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const first = firstAlias(doc);
    const bomb = err instanceof ReferenceError || /alias/i.test((err as Error).message);
    return {
      services: [],
      warnings,
      variables: [],
      error: {
        message: bomb
          ? `YAML aliases expand beyond the limit of ${MAX_ALIAS_COUNT} (an alias bomb, "billion laughs"); the file is not read`
          : `cannot load YAML: ${(err as Error).message}`,
        ...(first ? at(first) : {}),
      },
    };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { services: [], warnings, variables: [] };
  if (!isMap(root)) return { services: [], warnings, variables: [], error: { message: 'expected a mapping with a `services:` key at the top', ...at(root) } };
  const servicesNode = deref(doc, get(doc, root, 'services'));
  if (servicesNode === undefined) {
    if (root.items.some((p) => isMap(deref(doc, p.value as Node)) && get(doc, deref(doc, p.value as Node) as YAMLMap, 'image'))) {
      warnings.push({ message: 'this looks like the legacy compose v1 format (services at the top level), which docker compose no longer reads; nothing was audited', line: 1 });
    }
    return { services: [], warnings, variables: [] };
  }
  if (!isMap(servicesNode)) return { services: [], warnings, variables: [], error: { message: '`services:` must be a mapping of service names', ...at(servicesNode) } };

  const str = (node: Node | undefined): string | undefined => {
    const n = deref(doc, node);
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return String(n.value);
  };
  const variables = new Set<string>();
  const interp = (raw: string, where: Position): { value: string; refs: string[]; unresolved: string[]; fromEnvironment: boolean } => {
    if (!raw.includes('$')) return { value: raw, refs: [], unresolved: [], fromEnvironment: false };
    const r = interpolate(raw, lookup);
    for (const v of r.refs) variables.add(v);
    for (const e of r.errors) warnings.push({ message: `${e}; docker compose refuses this file`, ...where });
    return { value: r.value, refs: r.refs, unresolved: [...r.unresolved, ...r.required.map((x) => x.name)], fromEnvironment: r.fromEnvironment !== undefined };
  };

  const services: ComposeService[] = [];
  for (const pair of servicesNode.items) {
    const name = str(pair.key as Node);
    const body = deref(doc, pair.value as Node);
    if (name === undefined || !isMap(body)) continue;
    const svc: ComposeService = { name, ...at(pair.key as Node), build: get(doc, body, 'build') !== undefined, ports: [], volumes: [], environment: [], envFiles: [], command: [] };

    const imageNode = get(doc, body, 'image');
    const imageRaw = str(imageNode);
    if (imageRaw !== undefined) {
      const where = at(imageNode);
      const r = interp(imageRaw, where);
      svc.image = { raw: imageRaw, ...parseImageRef(r.value), unresolved: r.unresolved, ...where };
    }

    for (const item of seqItems(doc, get(doc, body, 'ports'))) {
      const where = at(item);
      const m = deref(doc, item);
      if (isMap(m)) {
        const target = str(get(doc, m, 'target'));
        if (target === undefined) continue;
        const published = str(get(doc, m, 'published'));
        const hostIp = str(get(doc, m, 'host_ip'));
        const protocol = str(get(doc, m, 'protocol'));
        svc.ports.push({
          raw: `${hostIp ? `${hostIp}:` : ''}${published ? `${published}:` : ''}${target}${protocol ? `/${protocol}` : ''}`,
          target: interp(target, where).value,
          ...(published !== undefined ? { published: interp(published, where).value } : {}),
          ...(hostIp !== undefined ? { hostIp: interp(hostIp, where).value } : {}),
          ...(protocol !== undefined ? { protocol } : {}),
          ...where,
        });
      } else {
        const raw = str(item);
        if (raw !== undefined) svc.ports.push({ ...parsePortShort(interp(raw, where).value), raw, ...where });
      }
    }

    for (const item of seqItems(doc, get(doc, body, 'volumes'))) {
      const where = at(item);
      const m = deref(doc, item);
      if (isMap(m)) {
        const type = (str(get(doc, m, 'type')) ?? 'volume') as VolumeMount['type'];
        const source = str(get(doc, m, 'source'));
        const target = str(get(doc, m, 'target'));
        const ro = str(get(doc, m, 'read_only'));
        svc.volumes.push({
          raw: `${source ?? ''}:${target ?? ''}`,
          type: ['bind', 'volume', 'tmpfs', 'npipe', 'image', 'cluster'].includes(type) ? type : 'unknown',
          ...(source !== undefined ? { source: interp(source, where).value } : {}),
          ...(target !== undefined ? { target: interp(target, where).value } : {}),
          readOnly: ro === 'true',
          ...where,
        });
      } else {
        const raw = str(item);
        if (raw !== undefined) svc.volumes.push({ ...parseVolumeShort(interp(raw, where).value), raw, ...where });
      }
    }

    const envNode = deref(doc, get(doc, body, 'environment'));
    const addEnv = (key: string, rawValue: string | undefined, where: Position): void => {
      if (rawValue === undefined) {
        const v = lookup(key);
        svc.environment.push({ key, value: v ?? '', bare: true, fromEnvironment: v === undefined, refs: [key], unresolved: v === undefined ? [key] : [], ...where });
        return;
      }
      const r = interp(rawValue, where);
      svc.environment.push({ key, value: r.value, bare: false, fromEnvironment: r.fromEnvironment, refs: r.refs, unresolved: r.unresolved, ...where } satisfies ComposeEnvEntry);
    };
    if (isMap(envNode)) {
      for (const p of mapPairs(doc, envNode)) {
        const key = str(p.key as Node);
        if (key !== undefined) addEnv(key, str(p.value as Node), at(p.key as Node));
      }
    } else {
      for (const item of seqItems(doc, envNode)) {
        const raw = str(item);
        if (raw === undefined) continue;
        const eq = raw.indexOf('=');
        addEnv(eq === -1 ? raw.trim() : raw.slice(0, eq).trim(), eq === -1 ? undefined : raw.slice(eq + 1), at(item));
      }
    }

    const envFileNode = deref(doc, get(doc, body, 'env_file'));
    const envFileItems = isSeq(envFileNode) ? seqItems(doc, envFileNode) : envFileNode ? [envFileNode] : [];
    for (const item of envFileItems) {
      const where = at(item);
      const m = deref(doc, item);
      const raw = isMap(m) ? str(get(doc, m, 'path')) : str(item);
      if (raw === undefined) continue;
      const required = isMap(m) ? str(get(doc, m, 'required')) !== 'false' : true;
      const p = interp(raw, where).value;
      const resolved = path.posix.normalize(path.posix.isAbsolute(p) ? p : path.posix.join(fileDir === '.' ? '' : fileDir, p));
      svc.envFiles.push({ path: resolved, required, ...where } satisfies EnvFileRef);
    }

    const cmdNode = deref(doc, get(doc, body, 'command'));
    if (isSeq(cmdNode)) svc.command = seqItems(doc, cmdNode).map((n) => str(n) ?? '').filter(Boolean);
    else if (str(cmdNode) !== undefined) svc.command = str(cmdNode)!.split(/\s+/).filter(Boolean);

    const nm = get(doc, body, 'network_mode');
    if (str(nm) !== undefined) svc.networkMode = { value: str(nm)!, ...at(nm) };
    const priv = get(doc, body, 'privileged');
    if (str(priv) === 'true') svc.privileged = at(priv);
    services.push(svc);
  }
  return { services, warnings, variables: [...variables].sort() };
}

function deref(doc: Document, node: Node | undefined | null): Node | undefined {
  let n: unknown = node ?? undefined;
  if (!isAlias(n)) return (n ?? undefined) as Node | undefined;
  const targets = aliasTargets(doc);
  for (let hops = 0; isAlias(n) && hops < 20; hops++) n = targets.get(n);
  return (n ?? undefined) as Node | undefined;
}

const targetsByDoc = new WeakMap<Document, Map<unknown, Node | undefined>>();

/**
 * What each alias stands for, from one walk of the document: the nearest anchor of that name before it,
 * as YAML defines it. (yaml's own `Alias.resolve` walks the whole document on every call, which made a
 * compose file with a few anchors cost more than its parse.)
 */
function aliasTargets(doc: Document): Map<unknown, Node | undefined> {
  let targets = targetsByDoc.get(doc);
  if (targets) return targets;
  const byTarget = new Map<unknown, Node | undefined>();
  const latest = new Map<string, Node>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) byTarget.set(node, latest.get(node.source));
      else if (node.anchor) latest.set(node.anchor, node as Node);
    },
  });
  targets = byTarget;
  targetsByDoc.set(doc, targets);
  return targets;
}

/** Pairs of a map with YAML merge keys (`<<: *anchor`) folded in; explicit keys win. */
function mapPairs(doc: Document, map: YAMLMap): Pair[] {
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const p of map.items) {
    const k = p.key as Node;
    if (isScalar(k) && (k.source === '<<' || typeof k.value === 'symbol')) {
      const v = deref(doc, p.value as Node);
      const sources = isSeq(v) ? v.items.map((i) => deref(doc, i as Node)) : [v];
      for (const s of sources) if (isMap(s)) merged.push(...mapPairs(doc, s));
    } else own.push(p);
  }
  const keys = new Set(own.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  return [...own, ...merged.filter((p) => !(isScalar(p.key) && keys.has(String(p.key.value))))];
}

function get(doc: Document, map: YAMLMap, key: string): Node | undefined {
  const p = mapPairs(doc, map).find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
  return (p?.value ?? undefined) as Node | undefined;
}

function seqItems(doc: Document, node: Node | undefined): Node[] {
  const n = deref(doc, node);
  return isSeq(n) ? (n.items as Node[]) : [];
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** `[registry/]repo[:tag][@digest]`, with Docker Hub's implicit `docker.io/library/` dropped. */
export function parseImageRef(ref: string): Omit<ImageRef, 'raw' | 'unresolved' | 'line' | 'column'> {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry: string | undefined;
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) registry = parts.shift();
  if ((registry === undefined || registry === 'docker.io' || registry === 'index.docker.io') && parts[0] === 'library' && parts.length > 1) parts.shift();
  if (registry === 'docker.io' || registry === 'index.docker.io') registry = undefined;
  return { ref, repository: parts.join('/').toLowerCase(), ...(registry ? { registry } : {}), ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 host addresses with or without brackets. */
export function parsePortShort(spec: string): Omit<PortMapping, 'raw' | 'line' | 'column'> {
  let s = spec.trim();
  let protocol: string | undefined;
  const slash = s.lastIndexOf('/');
  if (slash !== -1) {
    protocol = s.slice(slash + 1);
    s = s.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    hostIp = s.slice(1, close);
    s = s.slice(close + 2);
  }
  const parts = s.split(':');
  let published: string | undefined;
  let target: string;
  if (parts.length === 1) target = parts[0]!;
  else if (parts.length === 2 && hostIp === undefined) [published, target] = parts as [string, string];
  else if (parts.length === 2) [published, target] = parts as [string, string];
  else {
    target = parts.pop()!;
    published = parts.pop()!;
    hostIp = parts.join(':');
  }
  return { target, ...(published !== undefined && published !== '' ? { published } : {}), ...(hostIp ? { hostIp } : {}), ...(protocol ? { protocol } : {}) };
}

/** `SOURCE:TARGET[:MODE]` or `TARGET` (an anonymous volume). */
export function parseVolumeShort(spec: string): Omit<VolumeMount, 'raw' | 'line' | 'column'> {
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'volume', target: parts[0]!, readOnly: false };
  const [source, target, mode = ''] = parts as [string, string, string | undefined];
  const bind = /^[./~]/.test(source) || source.startsWith('$');
  return { type: bind ? 'bind' : 'volume', source, target, readOnly: mode.split(',').includes('ro') };
}
