import { defineCollector } from '../../core/collector.js';
import { errorMessage, UsageError } from '../../core/errors.js';
import { GithubClient, type GithubResponse } from './client.js';
import type { GithubOnlineFacts } from './schema.js';

export type { GithubOnlineFacts } from './schema.js';

const REPO = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

function why(r: GithubResponse, need: string): string {
  const msg = (r.body as { message?: string } | undefined)?.message ?? '';
  if (r.status === 401) return 'GitHub rejected the token (401); set GITHUB_TOKEN';
  if (r.status === 403) return `not permitted (403): the token needs ${need}${msg ? ` (${msg})` : ''}`;
  if (r.status === 404) return `not found (404): the repository does not exist or the token cannot see it (${need})`;
  return `HTTP ${r.status}${msg ? `: ${msg}` : ''}`;
}

/** Reads a repository's security settings; what cannot be read is recorded as an error, never as "off". */
export const githubOnlineCollector = defineCollector({
  key: 'github-online',
  description: 'GitHub repository security settings (--github owner/repo)',
  async collect(ctx) {
    const repo = ctx.inputs.github;
    if (!repo) return { state: 'absent', reason: 'no --github owner/repo given' };
    if (!REPO.test(repo)) throw new UsageError(`--github must be owner/repo, got "${repo}"`);
    const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
    ctx.redactor.add(token);
    const gh = new GithubClient({ baseUrl: ctx.inputs.githubApi, token });
    const facts: GithubOnlineFacts = { repo, errors: {} };
    ctx.recordInput('github-api', `${ctx.inputs.githubApi ?? 'https://api.github.com'}/repos/${repo}`);
    try {
      const meta = await gh.get(`/repos/${repo}`);
      if (meta.status !== 200) return { state: 'error', message: `cannot read ${repo}: ${why(meta, 'read access to the repository')}` };
      const m = meta.body as { default_branch?: string; security_and_analysis?: Record<string, { status?: string }> | null };
      facts.defaultBranch = m.default_branch;
      const sa = m.security_and_analysis;
      if (sa) {
        facts.secretScanning = sa.secret_scanning?.status === 'enabled';
        facts.pushProtection = sa.secret_scanning_push_protection?.status === 'enabled';
        facts.dependabotSecurityUpdates = sa.dependabot_security_updates?.status === 'enabled';
      } else {
        facts.errors.secretScanning = 'security_and_analysis is hidden: the token needs admin access to the repository';
      }
      const alerts = await gh.get(`/repos/${repo}/vulnerability-alerts`);
      if (alerts.status === 204) facts.dependabotAlerts = true;
      else if (alerts.status === 404 && token) facts.dependabotAlerts = false;
      else facts.errors.dependabotAlerts = why(alerts, 'admin access (or "Administration: read")');

      const sbom = await gh.get(`/repos/${repo}/dependency-graph/sbom`);
      if (sbom.status === 200) facts.dependencyGraph = true;
      else if (sbom.status === 404 && /dependency graph/i.test(JSON.stringify(sbom.body ?? ''))) facts.dependencyGraph = false;
      else facts.errors.dependencyGraph = why(sbom, '"Contents: read"');

      if (facts.defaultBranch) {
        const branch = encodeURIComponent(facts.defaultBranch);
        const prot = await gh.get(`/repos/${repo}/branches/${branch}/protection`);
        if (prot.status === 200) {
          const p = prot.body as { required_pull_request_reviews?: { required_approving_review_count?: number }; allow_force_pushes?: { enabled?: boolean }; allow_deletions?: { enabled?: boolean } };
          facts.branchProtection = { protected: true, requiredReviews: p.required_pull_request_reviews?.required_approving_review_count ?? 0, allowsForcePushes: !!p.allow_force_pushes?.enabled, allowsDeletions: !!p.allow_deletions?.enabled };
        } else if (prot.status === 404) {
          const rules = await gh.get(`/repos/${repo}/rules/branches/${branch}`);
          const list = rules.status === 200 && Array.isArray(rules.body) ? (rules.body as { type: string; parameters?: { required_approving_review_count?: number } }[]) : undefined;
          if (list && list.length) {
            facts.branchProtection = {
              protected: true,
              viaRuleset: true,
              requiredReviews: list.find((r) => r.type === 'pull_request')?.parameters?.required_approving_review_count ?? 0,
              allowsForcePushes: !list.some((r) => r.type === 'non_fast_forward'),
              allowsDeletions: !list.some((r) => r.type === 'deletion'),
            };
          } else if (list) facts.branchProtection = { protected: false };
          else facts.errors.branchProtection = why(rules, 'read access to rulesets');
        } else facts.errors.branchProtection = why(prot, 'admin access (or "Administration: read")');
      }
    } catch (err) {
      return { state: 'error', message: errorMessage(err) };
    }
    return { state: 'ok', value: facts };
  },
});
