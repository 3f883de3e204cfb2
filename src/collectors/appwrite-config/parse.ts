import { posix } from 'node:path';
import { emptyProject, type ProjectFormat, type ProjectModel } from '../../appwrite/project-model.js';
import { errorMessage, InputError } from '../../core/errors.js';
import { parseJsonText, PositionIndex } from './positions.js';
import { isObject, type Json, type JsonObject, type ReadContext } from './reader.js';
import type { ConfigProblem } from './schema.js';
import { readBucket, readDatabase, readDataResource, readerFor, readFunction, readSite, readTeam, readTopic, readWebhook } from './sections.js';
import { readSettings } from './settings.js';

export const PROJECT_FILE_NAMES = ['appwrite.config.json', 'appwrite.json'] as const;

const ROOT_KEYS = new Set([
  '$schema', 'organizationId', 'projectId', 'projectName', 'endpoint', 'includes', 'settings', 'functions', 'sites', 'databases',
  'collections', 'tablesDB', 'tables', 'buckets', 'teams', 'webhooks', 'topics', 'messages',
]);
const RESOURCE_KEYS = new Set(['databases', 'functions', 'topics', 'messages', 'sites', 'buckets', 'tablesDB', 'tables', 'teams', 'webhooks', 'collections']);

export interface ParseOptions {
  /** Path shown in messages and locations (workspace-relative, forward slashes). */
  path: string;
  /**
   * Reads an `includes` file given its path relative to the project file's folder. Absent: includes are
   * reported as unreadable. The collector reads from the workspace; `permissions diff` from git.
   */
  readInclude?: (relPath: string) => Promise<string>;
  /** Registers secret values seen (function variables, mock OTPs, webhook passwords). */
  secret?: (value: string) => void;
}

export interface ParsedProject {
  project: ProjectModel;
  problems: ConfigProblem[];
  warnings: { message: string; path: string; line?: number }[];
}

/**
 * Parses an Appwrite CLI project file of any generation into the source-independent project model.
 * Throws InputError (with file:line:column) when the JSON itself is broken; everything else (wrong types,
 * unknown keys, bad permission strings) becomes a problem or a warning and reading goes on.
 */
export async function parseProjectFile(text: string, opts: ParseOptions): Promise<ParsedProject> {
  const problems: ConfigProblem[] = [];
  const warnings: ParsedProject['warnings'] = [];
  const root = parseJsonText(text, opts.path);
  if (!isObject(root)) {
    throw new InputError(`the project file must be a JSON object, got ${Array.isArray(root) ? 'a list' : typeof root}`, {
      position: { path: opts.path, line: 1 },
      hint: 'an Appwrite project file starts with { "projectId": … }',
    });
  }
  const ctxFor = (path: string, body: string): ReadContext => ({
    path,
    pos: new PositionIndex(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body),
    problems,
    warn: (message, line) => warnings.push({ message, path, ...(line ? { line } : {}) }),
    secret: opts.secret ?? (() => {}),
  });
  const main = ctxFor(opts.path, text);
  const project = emptyProject('config-file', opts.path, detectFormat(root));
  project.projectId = typeof root.projectId === 'string' ? root.projectId : undefined;
  project.projectName = typeof root.projectName === 'string' ? root.projectName : undefined;
  project.endpoint = typeof root.endpoint === 'string' ? root.endpoint : undefined;

  const includes = await loadIncludes(root, opts, main, ctxFor);
  for (const key of Object.keys(root)) {
    if (!ROOT_KEYS.has(key)) main.warn(`unknown top-level key "${key}" (ignored; a newer Appwrite CLI may have written it)`, lineOfKey(main, key));
    if (key === 'settings') {
      if (isObject(root.settings)) project.settings = readSettings(main, root.settings);
      else problems.push({ kind: 'invalid-value', path: opts.path, line: lineOfKey(main, key), message: 'settings must be an object. Fix: write it as { "auth": … }' });
      continue;
    }
    if (!RESOURCE_KEYS.has(key) || includes.has(key)) continue;
    readSection(project, key, root[key]!, main);
  }
  for (const [key, inc] of includes) readSection(project, key, inc.value, inc.ctx);
  return { project, problems, warnings };
}

async function loadIncludes(
  root: JsonObject,
  opts: ParseOptions,
  main: ReadContext,
  ctxFor: (path: string, body: string) => ReadContext,
): Promise<Map<string, { value: Json; ctx: ReadContext }>> {
  const out = new Map<string, { value: Json; ctx: ReadContext }>();
  const includes = root.includes;
  if (includes === undefined || includes === null) return out;
  if (!isObject(includes)) {
    main.problems.push({ kind: 'invalid-include', path: opts.path, line: lineOfKey(main, 'includes'), message: 'includes must map a resource name to a .json file. Fix: write it as { "collections": "collections.json" }' });
    return out;
  }
  for (const [resource, rel] of Object.entries(includes)) {
    const line = lineOfKey(main, 'includes');
    if (typeof rel !== 'string' || rel === '') continue;
    if (!RESOURCE_KEYS.has(resource)) {
      main.warn(`includes: unknown resource "${resource}" (ignored)`, line);
      continue;
    }
    // The CLI refuses includes that leave the project folder; so do we (and we never read outside it).
    const joined = posix.normalize(posix.join(posix.dirname(opts.path), rel.replace(/\\/g, '/')));
    const inside = posix.normalize(rel.replace(/\\/g, '/'));
    if (posix.isAbsolute(inside) || inside === '..' || inside.startsWith('../')) {
      main.problems.push({ kind: 'invalid-include', path: opts.path, line, message: `includes.${resource} "${rel}" points outside the project folder; the Appwrite CLI refuses it and so nothing in it was judged. Fix: keep included files inside the project folder` });
      continue;
    }
    if (!opts.readInclude) {
      main.problems.push({ kind: 'invalid-include', path: opts.path, line, message: `includes.${resource} "${rel}" could not be read here, so its ${resource} were not judged` });
      continue;
    }
    try {
      const body = await opts.readInclude(inside);
      const value = parseJsonText(body, joined) as Json;
      if (!Array.isArray(value)) {
        main.problems.push({ kind: 'invalid-include', path: joined, line: 1, message: `${joined} must hold a JSON list of ${resource}. Fix: write it as [ { "$id": … } ]` });
        continue;
      }
      out.set(resource, { value, ctx: ctxFor(joined, body) });
    } catch (err) {
      const pos = err instanceof InputError ? err.position : undefined;
      main.problems.push({ kind: 'invalid-include', path: pos?.path ?? opts.path, line: pos?.line ?? line, message: `includes.${resource}: ${errorMessage(err)}; its ${resource} were not judged` });
    }
  }
  return out;
}

function readSection(project: ProjectModel, key: string, value: Json, ctx: ReadContext): void {
  if (!Array.isArray(value)) {
    ctx.problems.push({ kind: 'invalid-value', path: ctx.path, line: lineOfKey(ctx, key), message: `"${key}" must be a list. Fix: write it as [ { "$id": … } ]` });
    return;
  }
  value.forEach((item, i) => {
    switch (key) {
      case 'databases':
      case 'tablesDB': {
        const r = readerFor(ctx, item, 'database', i, key);
        if (r) project.databases.push(readDatabase(r, key));
        return;
      }
      case 'collections':
      case 'tables': {
        const kind = key === 'tables' ? 'table' : 'collection';
        const r = readerFor(ctx, item, kind, i, key);
        if (r) project.dataResources.push(readDataResource(r, kind));
        return;
      }
      case 'buckets': {
        const r = readerFor(ctx, item, 'bucket', i, key);
        if (r) project.buckets.push(readBucket(r));
        return;
      }
      case 'functions': {
        const r = readerFor(ctx, item, 'function', i, key);
        if (r) project.functions.push(readFunction(r));
        return;
      }
      case 'sites': {
        const r = readerFor(ctx, item, 'site', i, key);
        if (r) project.sites.push(readSite(r));
        return;
      }
      case 'teams': {
        const r = readerFor(ctx, item, 'team', i, key);
        if (r) project.teams.push(readTeam(r));
        return;
      }
      case 'topics':
      case 'messages': {
        const r = readerFor(ctx, item, 'topic', i, key);
        if (r && key === 'topics') project.topics.push(readTopic(r));
        return;
      }
      case 'webhooks': {
        const r = readerFor(ctx, item, 'webhook', i, key);
        if (r) project.webhooks.push(readWebhook(r));
        return;
      }
    }
  });
}

function detectFormat(root: JsonObject): ProjectFormat {
  const collections = Array.isArray(root.collections) ? root.collections : [];
  if (collections.some((c) => isObject(c) && ('$read' in c || '$write' in c || 'permission' in c))) return 'pre-1.0';
  const functions = Array.isArray(root.functions) ? root.functions : [];
  if (functions.some((f) => isObject(f) && Array.isArray(f.execute) && f.execute.some((e) => typeof e === 'string' && e.startsWith('role:')))) return 'pre-1.0';
  if ('tablesDB' in root || 'tables' in root || 'sites' in root || (isObject(root.settings) && 'protocols' in root.settings)) return '1.8+';
  return '1.x';
}

function lineOfKey(ctx: ReadContext, key: string): number | undefined {
  const off = ctx.pos.keyOffset({ start: 0, end: ctx.pos.text.length }, key);
  return off === undefined ? undefined : ctx.pos.lineOf(off);
}
