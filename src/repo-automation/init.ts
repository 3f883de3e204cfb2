import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Workspace } from '../core/workspace.js';
import { detectRepo } from './detect.js';
import { configSkeleton, dependabotConfig, pullRequestTemplate, securityWorkflow } from './templates.js';

export interface PlannedFile {
  path: string;
  content: string;
  /** create: new file; update: exists with other content; unchanged: exists with this content. */
  action: 'create' | 'update' | 'unchanged';
  /** For `update`: written only with force. */
  written: boolean;
}

export interface InitOptions {
  root: string;
  force?: boolean;
  dryRun?: boolean;
  /** Only these files (relative paths); default all. */
  only?: string[];
}

/** Plans (and unless dryRun, writes) the repository automation files. Never overwrites without force. */
export async function initRepository(opts: InitOptions): Promise<PlannedFile[]> {
  const ws = new Workspace(opts.root);
  const profile = await detectRepo(ws);
  const wanted: [string, string][] = [
    ['.github/workflows/security-ci.yml', securityWorkflow(profile)],
    ['.github/dependabot.yml', dependabotConfig(profile)],
    ['.github/pull_request_template.md', pullRequestTemplate()],
    ['appwrite-secops.yaml', configSkeleton(profile)],
  ];
  const plan: PlannedFile[] = [];
  for (const [rel, content] of wanted) {
    if (opts.only && !opts.only.includes(rel)) continue;
    plan.push(await place(ws.root, rel, content, opts));
  }
  if (!opts.only || opts.only.includes('SECURITY_GATES.md')) {
    // Judged after the files above are written, so the assessment includes them (a dry run judges the
    // workspace as it stands). Notes sections of an existing SECURITY_GATES.md are kept.
    const { runGate } = await import('../gates/run.js');
    plan.push(await place(ws.root, 'SECURITY_GATES.md', (await runGate({ root: ws.root })).markdown, opts));
  }
  return plan;
}

async function place(root: string, rel: string, content: string, opts: InitOptions): Promise<PlannedFile> {
  const abs = path.join(root, rel);
  const existing = await readFile(abs, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  const action = existing === undefined ? 'create' : existing === content ? 'unchanged' : 'update';
  const write = !opts.dryRun && (action === 'create' || (action === 'update' && !!opts.force));
  if (write) {
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(`${abs}.tmp`, content);
    await rename(`${abs}.tmp`, abs);
  }
  return { path: rel, content, action, written: write };
}
