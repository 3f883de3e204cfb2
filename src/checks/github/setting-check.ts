import { defineCheck, type CheckMeta } from '../../core/check.js';
import type { GithubOnlineFacts } from '../../collectors/github-online/schema.js';

type Key = 'secretScanning' | 'pushProtection' | 'dependabotAlerts' | 'dependabotSecurityUpdates' | 'dependencyGraph';

/** One repository setting that must be on: off is a fail, unreadable is "could not tell", never a pass. */
export function settingCheck(meta: CheckMeta, key: Key, label: string) {
  return defineCheck({
    meta,
    needs: ['github-online'],
    messages: { off: `${label} is off for {{repo}}.`, unknown: `Could not tell whether ${label} is on for {{repo}}: {{why}}` },
    run({ 'github-online': gh }: { 'github-online': GithubOnlineFacts }, { report }) {
      const v = gh[key];
      const resource = { type: 'github-repository', id: gh.repo };
      if (v === false) report({ messageId: 'off', data: { repo: gh.repo }, resource, location: { path: `https://github.com/${gh.repo}/settings/security_analysis` } });
      else if (v === undefined) report({ messageId: 'unknown', status: 'error', data: { repo: gh.repo, why: gh.errors[key] ?? 'not reported by the API' }, resource });
    },
  });
}
