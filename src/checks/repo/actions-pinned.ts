import { defineCheck } from '../../core/check.js';
import { parseUses } from './workflow-facts.js';

export const actionsPinned = defineCheck({
  meta: {
    id: 'repo/actions-pinned',
    title: 'Third-party actions are pinned to a full commit SHA',
    severity: 'high',
    risk: 'A tag or branch of a third-party action can be moved by its owner or by whoever compromises it; the next run executes their code with your token and secrets (as in the tj-actions/changed-files compromise of 2025).',
    remediation: 'Pin each third-party action to the full 40-character commit SHA of a reviewed release and keep the version in a comment (`uses: owner/action@<sha> # v1.2.3`); let Dependabot (github-actions ecosystem) propose updates.',
    references: ['https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions'],
    controls: ['repository.actions-pinned'],
  },
  needs: ['github-repo'],
  messages: {
    unpinned: '{{uses}} in job "{{job}}" is referenced by "{{ref}}", not a commit SHA.',
    noRef: '{{uses}} in job "{{job}}" has no @ref at all.',
  },
  run({ 'github-repo': repo }, { report }) {
    for (const wf of repo.workflows) {
      for (const job of wf.jobs) {
        const refs = [...(job.uses ? [{ uses: job.uses, line: job.line }] : []), ...job.steps.filter((s) => s.uses).map((s) => ({ uses: s.uses!, line: s.usesLine ?? s.line }))];
        for (const { uses, line } of refs) {
          const u = parseUses(uses);
          if (!u || u.firstParty || u.pinned) continue;
          report({
            messageId: u.ref ? 'unpinned' : 'noRef',
            data: { uses, job: job.id, ref: u.ref },
            resource: { type: 'github-action', id: `${u.owner}/${u.repo}` },
            location: { path: wf.path, line },
            key: `${job.id}:${uses}`,
          });
        }
      }
    }
  },
});
