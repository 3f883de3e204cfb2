import { defineCheck } from '../../core/check.js';

const MIN_DAYS = 3;

export const dependabotCooldown = defineCheck({
  meta: {
    id: 'repo/dependabot-cooldown',
    title: 'Dependabot waits a cooldown before proposing brand-new releases',
    severity: 'low',
    risk: 'Malicious releases of popular packages are usually caught and pulled within days. Without a cooldown, Dependabot proposes them within hours and a hurried merge installs them.',
    remediation: `Add \`cooldown: { default-days: 7 }\` (at least ${MIN_DAYS}) to each version-update entry; security updates are not delayed by it.`,
    references: ['https://docs.github.com/en/code-security/dependabot/working-with-dependabot/dependabot-options-reference#cooldown-'],
    controls: ['repository.dependabot'],
  },
  needs: ['github-repo'],
  messages: {
    none: 'The "{{ecosystem}}" update entry has no cooldown.',
    short: 'The "{{ecosystem}}" update entry waits only {{days}} day(s).',
  },
  run({ 'github-repo': repo }, { report }) {
    for (const u of repo.dependabot?.updates ?? []) {
      const resource = { type: 'dependabot-ecosystem', id: `${u.ecosystem}:${u.directories.join(',')}` };
      const location = { path: repo.dependabot!.path, line: u.line };
      if (u.cooldownDays === undefined) report({ messageId: 'none', data: { ecosystem: u.ecosystem }, resource, location });
      else if (u.cooldownDays < MIN_DAYS) report({ messageId: 'short', data: { ecosystem: u.ecosystem, days: u.cooldownDays }, resource, location });
    }
  },
});
