import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ProjectModel } from '../appwrite/project-model.js';
import { loadProjectFacts, MAX_PROJECT_FILE_BYTES } from '../collectors/appwrite-config/load.js';
import { parseProjectFile } from '../collectors/appwrite-config/parse.js';
import type { AppwriteProjectFacts } from '../collectors/appwrite-config/schema.js';
import { InputError } from '../core/errors.js';
import type { Redactor } from '../core/redact.js';
import { readTextFile, Workspace } from '../core/workspace.js';

export interface LoadedProjects {
  facts: AppwriteProjectFacts;
  warnings: string[];
}

/**
 * The projects of a folder (discovered project files) or of one project file, for `permissions`.
 * Unlike `audit`, nothing here may silently drop a file: a project file that does not parse is an error.
 */
export async function loadProjectsAt(target: string, opts: { appwriteConfig?: string[]; redactor: Redactor }): Promise<LoadedProjects> {
  const abs = path.resolve(target);
  if (!existsSync(abs)) throw new InputError(`${target}: no such file or folder`, { position: { path: target }, hint: 'give a project folder or an appwrite.json file' });
  const isFile = statSync(abs).isFile();
  const ws = new Workspace(isFile ? path.dirname(abs) : abs);
  const explicit = opts.appwriteConfig?.length ? opts.appwriteConfig.map((f) => path.resolve(f)) : isFile ? [abs] : undefined;
  const warnings: string[] = [];
  const state = await loadProjectFacts({
    workspace: ws,
    explicit,
    secret: (v) => opts.redactor.add(v),
    diagnose: (d) => warnings.push(`${d.path ?? ''}${d.line ? `:${d.line}` : ''}: ${d.message}`),
  });
  if (state.state === 'absent') {
    throw new InputError(`no appwrite.config.json or appwrite.json under ${target}`, { position: { path: target }, hint: 'run it in your Appwrite project folder, or name the file with --appwrite-config' });
  }
  if (state.state === 'error') throw new InputError(state.message, { hint: 'fix the project file first: nothing in it could be analysed' });
  if (state.value.failures.length) {
    const f = state.value.failures[0]!;
    throw new InputError(f.message, { position: { path: f.path, ...(f.line ? { line: f.line } : {}) } });
  }
  return { facts: state.value, warnings };
}

/** `HEAD~1:appwrite.json` (a git revision) unless a file of that name exists. */
export function isGitSpec(spec: string, cwd = process.cwd()): boolean {
  if (existsSync(path.resolve(cwd, spec))) return false;
  const colon = spec.indexOf(':');
  return colon > 0 && !/^[A-Za-z]:[\\/]/.test(spec);
}

function gitShow(spec: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['show', spec], { cwd, maxBuffer: MAX_PROJECT_FILE_BYTES, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) {
        const why = (stderr || err.message).trim().split('\n')[0];
        reject(new InputError(`git show ${spec} failed: ${why}`, { position: { path: spec }, hint: 'give REVISION:PATH of a committed file, e.g. HEAD~1:appwrite.json, from inside the repository' }));
      } else resolve(stdout);
    });
  });
}

/** One version of a project for `permissions diff`: a file on disk or `REV:path` read with `git show`. */
export async function loadProjectVersion(spec: string, opts: { cwd: string; redactor: Redactor }): Promise<ProjectModel> {
  let text: string;
  let readInclude: (rel: string) => Promise<string>;
  if (isGitSpec(spec, opts.cwd)) {
    const colon = spec.indexOf(':');
    const rev = spec.slice(0, colon);
    const file = spec.slice(colon + 1);
    text = await gitShow(spec, opts.cwd);
    readInclude = (rel) => gitShow(`${rev}:${path.posix.join(path.posix.dirname(file), rel)}`, opts.cwd);
  } else {
    const abs = path.resolve(opts.cwd, spec);
    if (existsSync(abs) && statSync(abs).isDirectory()) throw new InputError(`${spec} is a folder; permissions diff compares two project files`, { hint: 'name the appwrite.json (or REV:appwrite.json) on each side' });
    text = await readTextFile(abs, spec, { maxBytes: MAX_PROJECT_FILE_BYTES });
    readInclude = (rel) => readTextFile(path.join(path.dirname(abs), rel), path.posix.join(path.posix.dirname(spec), rel), { maxBytes: MAX_PROJECT_FILE_BYTES });
  }
  const parsed = await parseProjectFile(text, { path: spec, readInclude, secret: (v) => opts.redactor.add(v) });
  const broken = parsed.problems.find((p) => p.kind === 'invalid-include');
  if (broken) throw new InputError(broken.message, { position: { path: broken.path, ...(broken.line ? { line: broken.line } : {}) } });
  return parsed.project;
}
