import type { Workflow, WorkflowStep } from '../../collectors/github/schema.js';

const SHA = /^[0-9a-f]{40}$/;

export interface UsesRef {
  owner: string;
  repo: string;
  ref: string;
  /** `actions/*` and `github/*` are GitHub's own. */
  firstParty: boolean;
  pinned: boolean;
}

/** Parses `owner/repo[/path]@ref`; undefined for local (`./x`) and `docker://` references. */
export function parseUses(uses: string): UsesRef | undefined {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return undefined;
  const at = uses.lastIndexOf('@');
  if (at === -1) return { owner: uses.split('/')[0] ?? uses, repo: uses.split('/')[1] ?? '', ref: '', firstParty: false, pinned: false };
  const [owner = '', repo = ''] = uses.slice(0, at).split('/');
  const ref = uses.slice(at + 1);
  return { owner, repo, ref, firstParty: owner === 'actions' || owner === 'github', pinned: SHA.test(ref) };
}

/** Events whose workflows run with the base repository's secrets and a write token on attacker-controlled input. */
export const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'] as const;

export function isPrivilegedTrigger(w: Workflow): boolean {
  return w.on.some((e) => (PRIVILEGED_TRIGGERS as readonly string[]).includes(e));
}

/** Expressions that resolve to text an outside contributor controls. */
export const UNTRUSTED_CONTEXT =
  /\$\{\{\s*(github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|pages\.[^}]*\.page_name|commits\.[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.message|display_title)|discussion\.(title|body))|github\.head_ref)\s*\}\}/g;

/** A checkout step that fetches the pull request's own code rather than the base branch. */
export function checksOutUntrustedCode(step: WorkflowStep): boolean {
  if (!step.uses || !/^actions\/checkout@/.test(step.uses)) return false;
  const ref = step.with.ref ?? '';
  const repo = step.with.repository ?? '';
  return /github\.event\.(pull_request\.head\.(sha|ref)|workflow_run\.head_(sha|branch))|github\.head_ref|refs\/pull\//.test(ref) || /pull_request\.head\.repo/.test(repo);
}

export function stepLabel(step: WorkflowStep, index: number): string {
  return step.name ?? step.uses ?? `step ${index + 1}`;
}
