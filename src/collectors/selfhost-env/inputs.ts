import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CollectContext } from '../../core/collector.js';
import { errorMessage, InputError } from '../../core/errors.js';
import type { Workspace } from '../../core/workspace.js';
import { parseCompose } from '../compose/parse.js';
import type { ComposeFile } from '../compose/schema.js';
import { effectiveEntries, parseDotenv } from './dotenv.js';
import { gitTrackedFiles, type GitState } from './git.js';
import type { EnvFileFact, GitFact } from './schema.js';
import { isSecretValue } from './secret-values.js';
import { compareText } from '../../core/compare.js';

/** Env files are small; a bigger one is not a dotenv file. */
export const MAX_ENV_BYTES = 1024 * 1024;
export const MAX_COMPOSE_BYTES = 4 * 1024 * 1024;

const ENV_NAME = /^\.env(\..+)?$/;
const TEMPLATE_NAME = /^\.env\.(example|sample|template|dist|defaults)$|\.(example|sample|template|dist)$/i;
/** `cp .env .env.backup.$(date +%Y%m%d)` (Appwrite's backup guide), `.env.bak`, `.env~`. */
const BACKUP_NAME = /^\.env\.(.*\.)?(bak|backup|old|orig|save|prev)(\..*)?$|~$/i;
/** Editor swap files are binary scratch, not configuration. */
const SWAP_NAME = /\.sw[a-p]$/i;
const COMPOSE_NAME = /^(docker-)?compose(\.[^/]+)?\.ya?ml$/;
const BASE_COMPOSE = /^(docker-)?compose\.ya?ml$/;

export function isEnvFileName(base: string): boolean {
  return ENV_NAME.test(base);
}
export function isTemplateName(base: string): boolean {
  return TEMPLATE_NAME.test(base);
}
export function isBackupName(base: string): boolean {
  return BACKUP_NAME.test(base);
}

export function envKindOf(base: string): EnvFileFact['kind'] {
  return isTemplateName(base) ? 'template' : isBackupName(base) ? 'backup' : 'env';
}
export function isComposeFileName(base: string): boolean {
  return COMPOSE_NAME.test(base);
}

/** Test data of other tools is not a deployment. */
function isFixturePath(rel: string): boolean {
  return /(^|\/)__fixtures__\//.test(rel);
}

export interface SelfhostInputs {
  envFiles: EnvFileFact[];
  composeFiles: ComposeFile[];
  git: GitFact;
}

const cache = new WeakMap<Workspace, Map<string, Promise<SelfhostInputs>>>();

/**
 * Reads every env and compose file once per audit, for both collectors (the env view needs the
 * compose files' inline settings, compose needs the `.env` for interpolation). Diagnostics are raised
 * once, by whichever collector asks first.
 */
export function loadSelfhostInputs(ctx: CollectContext): Promise<SelfhostInputs> {
  let perWs = cache.get(ctx.workspace);
  if (!perWs) cache.set(ctx.workspace, (perWs = new Map()));
  const key = JSON.stringify([ctx.inputs.envFiles ?? [], ctx.inputs.composeFiles ?? []]);
  let p = perWs.get(key);
  if (!p) perWs.set(key, (p = load(ctx)));
  return p;
}

async function load(ctx: CollectContext): Promise<SelfhostInputs> {
  const ws = ctx.workspace;
  const all = await ws.files();
  const discoveredEnv = all.filter((rel) => isEnvFileName(path.posix.basename(rel)) && !SWAP_NAME.test(rel) && !isFixturePath(rel));
  const discoveredCompose = all.filter((rel) => isComposeFileName(path.posix.basename(rel)) && !isFixturePath(rel));
  const explicitEnv = (ctx.inputs.envFiles ?? []).map((p) => ws.rel(p));
  const explicitCompose = (ctx.inputs.composeFiles ?? []).map((p) => ws.rel(p));

  const envByPath = new Map<string, EnvFileFact>();
  const readEnv = async (rel: string, explicit: boolean): Promise<void> => {
    if (envByPath.has(rel)) {
      if (explicit) envByPath.get(rel)!.explicit = true;
      return;
    }
    const base = path.posix.basename(rel);
    // A file named explicitly is what the user wants audited as settings, whatever its name.
    const fact: EnvFileFact = { path: rel, kind: explicit && envKindOf(base) === 'backup' ? 'env' : envKindOf(base), explicit, entries: [], tracked: null };
    envByPath.set(rel, fact);
    let text: string;
    try {
      text = await ws.readText(rel, { maxBytes: MAX_ENV_BYTES });
    } catch (err) {
      if (explicit) throw asInputError(err, rel, 'pass a readable dotenv file with --env-file');
      fact.error = errorMessage(err);
      ctx.diagnose({ level: 'error', message: `${fact.error}; this env file is not audited`, path: rel });
      return;
    }
    const parsed = parseDotenv(text);
    for (const p of parsed.problems) ctx.diagnose({ level: p.level, message: p.message, path: rel, line: p.line, ...(p.column ? { column: p.column } : {}) });
    for (const e of parsed.entries) {
      if (isSecretValue(e.key, e.value)) ctx.redactor.add(e.value);
      fact.entries.push({ key: e.key, value: e.value, line: e.line, column: e.column, endLine: e.endLine, quote: e.quote, inherited: e.inherited, fromEnvironment: e.fromEnvironment, overridden: e.overridden });
    }
    ctx.recordInput('selfhost-env', rel);
  };

  for (const rel of explicitEnv) await readEnv(rel, true);
  for (const rel of discoveredEnv) await readEnv(rel, false);

  const composeFiles: ComposeFile[] = [];
  const composeSeen = new Set<string>();
  const readCompose = async (rel: string, explicit: boolean): Promise<void> => {
    if (composeSeen.has(rel)) return;
    composeSeen.add(rel);
    const dir = path.posix.dirname(rel);
    const base = path.posix.basename(rel);
    const file: ComposeFile = { path: rel, project: dir, role: BASE_COMPOSE.test(base) || explicit ? 'base' : 'override', services: [], variables: [] };
    composeFiles.push(file);
    let text: string;
    try {
      text = await ws.readText(rel, { maxBytes: MAX_COMPOSE_BYTES });
    } catch (err) {
      if (explicit) throw asInputError(err, rel, 'pass a readable docker compose file with --compose');
      file.error = { message: errorMessage(err) };
      ctx.diagnose({ level: 'error', message: `${file.error.message}; this compose file is not audited`, path: rel });
      return;
    }
    const envRel = await interpolationEnvFor(dir, explicitEnv, envByPath, readEnv);
    if (envRel) file.interpolationEnv = envRel;
    const values = new Map<string, string>();
    for (const e of effectiveEntries(envByPath.get(envRel ?? '')?.entries ?? [])) if (!e.inherited && !e.fromEnvironment) values.set(e.key, e.value);
    const parsed = parseCompose(text, dir, (n) => values.get(n));
    if (parsed.error) {
      if (explicit) throw new InputError(parsed.error.message, { position: { path: rel, line: parsed.error.line, column: parsed.error.column }, hint: 'fix the compose file (docker compose config shows the same problem)' });
      file.error = parsed.error;
      ctx.diagnose({ level: 'error', message: `${parsed.error.message}; this compose file is not audited`, path: rel, line: parsed.error.line, column: parsed.error.column });
    }
    for (const w of parsed.warnings) ctx.diagnose({ level: 'warning', message: w.message, path: rel, line: w.line, column: w.column });
    file.services = parsed.services;
    file.variables = parsed.variables;
    for (const s of parsed.services) {
      for (const e of s.environment) if (isSecretValue(e.key, e.value)) ctx.redactor.add(e.value);
      if (s.image?.unresolved.length) {
        ctx.diagnose({ level: 'warning', message: `image of service ${s.name} uses ${s.image.unresolved.join(', ')}, which no .env sets; compose substitutes an empty string`, path: rel, line: s.image.line });
      }
      // env_file files feed the Appwrite settings: read them like env files (missing optional ones are fine)
      for (const ref of s.envFiles) {
        if (envByPath.has(ref.path)) continue;
        if (!(await ws.files()).includes(ref.path) && !ref.required) continue;
        await readEnv(ref.path, false);
      }
    }
    ctx.recordInput('compose', rel);
  };
  for (const rel of explicitCompose) await readCompose(rel, true);
  for (const rel of discoveredCompose) await readCompose(rel, false);

  const envFiles = [...envByPath.values()].sort((a, b) => compareText(a.path, b.path));
  const git = await markTracked(ws, envFiles);
  return { envFiles, composeFiles, git };
}

/** The `.env` beside the compose file (compose's default); else the one env file named explicitly. */
async function interpolationEnvFor(
  dir: string,
  explicitEnv: string[],
  envByPath: Map<string, EnvFileFact>,
  readEnv: (rel: string, explicit: boolean) => Promise<void>,
): Promise<string | undefined> {
  const beside = dir === '.' ? '.env' : `${dir}/.env`;
  // Inside the root the walk has already found it; a compose file named outside the root needs a look.
  if (!envByPath.has(beside) && path.isAbsolute(beside) && (await isFile(beside))) await readEnv(beside, false);
  if (envByPath.has(beside) && !envByPath.get(beside)!.error) return beside;
  if (explicitEnv.length === 1) return explicitEnv[0];
  return undefined;
}

async function isFile(abs: string): Promise<boolean> {
  try {
    return (await stat(abs)).isFile();
  } catch {
    return false; // absent or unreadable: compose would not use it either
  }
}

async function markTracked(ws: Workspace, files: EnvFileFact[]): Promise<GitFact> {
  if (files.length === 0) return { state: 'not-a-repo', detail: 'no env files' };
  const inside = files.filter((f) => !f.path.startsWith('/'));
  const rootState = await gitTrackedFiles(ws.root);
  apply(rootState, inside, (f) => f.path);
  // Files named outside the audited folder: ask git in their own folder.
  const outsideStates: GitState[] = [];
  for (const f of files.filter((x) => x.path.startsWith('/'))) {
    const st = await gitTrackedFiles(path.dirname(f.path));
    outsideStates.push(st);
    apply(st, [f], (x) => path.basename(x.path));
  }
  const states = [...(inside.length ? [rootState] : []), ...outsideStates];
  const unavailable = states.find((s) => s.state === 'unavailable');
  if (unavailable && unavailable.state === 'unavailable') return { state: 'unavailable', detail: unavailable.reason };
  return states.some((s) => s.state === 'repo') ? { state: 'repo' } : { state: 'not-a-repo' };
}

function apply(state: GitState, files: EnvFileFact[], key: (f: EnvFileFact) => string): void {
  for (const f of files) f.tracked = state.state === 'repo' ? state.tracked.has(key(f)) : state.state === 'not-a-repo' ? false : null;
}

function asInputError(err: unknown, rel: string, hint: string): InputError {
  if (err instanceof InputError) return err.hint ? err : new InputError(err.message, { position: err.position ?? { path: rel }, hint, cause: err });
  return new InputError(`cannot read ${rel}: ${errorMessage(err)}`, { position: { path: rel }, hint, cause: err });
}
